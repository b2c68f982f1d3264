using Microsoft.AspNetCore.Http;

namespace Ooda.Web.Internal;

/// <summary>Paths the pages link to, built in one place so every segment is escaped.</summary>
internal static class ConsoleRoutes
{
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>A route value as given: routing decodes every escape in a segment except <c>%2F</c>, which <see cref="Segment"/> writes for '/'.</summary>
    public static string Value(string routeValue) => routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>One field of a URL-encoded form body; empty when the body is not a form (the handler then refuses it as it would an empty field).</summary>
    public static async Task<string> FormValueAsync(HttpContext http, string name)
    {
        if (!http.Request.HasFormContentType)
            return string.Empty;
        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        return form[name].ToString();
    }

    public static string Case(string id, string? view = null) => "/cases/" + Segment(id) + (view is null ? string.Empty : "/" + view);

    public static string Lead(string id) => "/leads/" + Segment(id);

    public static string Host(string tenant, string host, string? view = null) =>
        "/hosts/" + Segment(tenant) + "/" + Segment(host) + (view is null ? string.Empty : "/" + view);

    public static string Runbook(string id) => "/runbooks/" + Segment(id);

    public static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => p.Value is not null).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return given.Count == 0 ? path : path + "?" + string.Join("&", given);
    }
}
