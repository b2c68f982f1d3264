using Microsoft.AspNetCore.Http;
using Ooda.Store;

namespace Ooda.Web.Internal;

/// <summary>
/// Answers for ids that do not exist or belong to a tenant the user may not see: the same 404 either way, so ids cannot be
/// probed, and the refusal of an existing object goes to the audit log.
/// </summary>
internal static class Refusals
{
    public static IResult ApiNotFound(Workspace workspace, ConsoleUser user, HttpContext http, string kind, string id, string? tenant)
    {
        Audit(workspace, user, http, kind, id, tenant);
        return ConsoleJson.Error(StatusCodes.Status404NotFound, $"no {kind} '{Clip(id)}' you may see");
    }

    public static IResult PageNotFound(Workspace workspace, ConsoleUser user, HttpContext http, string kind, string id, string? tenant)
    {
        Audit(workspace, user, http, kind, id, tenant);
        return Layout.Page(user, "Not found", string.Empty, h => h.Element("h1", "Not found").Element("p", $"There is no {kind} '{Clip(id)}' you may see."),
            StatusCodes.Status404NotFound);
    }

    public static IResult ApiBadRequest(string message) => ConsoleJson.Error(StatusCodes.Status400BadRequest, message);

    public static IResult PageBadRequest(ConsoleUser user, string message) =>
        Layout.Page(user, "Bad request", string.Empty, h => h.Element("h1", "Bad request").Element("p", message, ("class", "error")), StatusCodes.Status400BadRequest);

    private static void Audit(Workspace workspace, ConsoleUser user, HttpContext http, string kind, string id, string? tenant)
    {
        if (tenant is null)
            return;
        workspace.AppendAudit(user.Name, "console.deny", "console", ConsoleAuthentication.Details(
            ("kind", kind), ("id", Clip(id)), ("tenant", tenant), ("path", http.Request.Path.Value), ("method", http.Request.Method)));
    }

    private static string Clip(string id) => id.Length <= 80 ? id : id[..80] + "…";
}
