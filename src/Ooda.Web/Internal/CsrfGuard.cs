using Microsoft.AspNetCore.Http;

namespace Ooda.Web.Internal;

/// <summary>
/// Refuses a state-changing request made with the session cookie unless it carries the session's CSRF token (form field
/// or header). Bearer-token calls are exempt: a browser never attaches a token on its own, so they carry no ambient credential.
/// </summary>
internal sealed class CsrfGuard(RequestDelegate next, WorkspaceGate gate)
{
    public const string FormField = "_csrf";
    public const string Header = "X-CSRF-Token";

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
        if (safe || context.User.Identity?.IsAuthenticated != true
            || ConsoleUser.From(context.User) is not { Method: ConsoleUser.ByCookie } user)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        string? presented = context.Request.Headers[Header].ToString() is { Length: > 0 } header ? header : null;
        if (presented is null && context.Request.HasFormContentType
            && context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            presented = form[FormField].ToString();
        }

        if (ConsoleSecrets.SameSecret(presented, user.CsrfToken))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await gate.RunAsync(ws => ws.AppendAudit(user.Name, "console.csrf.refused", "console",
            ConsoleAuthentication.Details(("path", context.Request.Path.Value), ("method", method))), context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.Response.WriteAsJsonAsync(new { error = "missing or wrong CSRF token" }, context.RequestAborted).ConfigureAwait(false);
    }
}
