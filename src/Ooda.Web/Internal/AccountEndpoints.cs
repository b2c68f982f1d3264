using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ooda.Store;

namespace Ooda.Web.Internal;

/// <summary>Sign-in and sign-out, the health probe, and who-am-I; the only anonymous routes are <c>/health</c> and <c>/login</c>.</summary>
internal static class AccountEndpoints
{
    public const string LoginCookie = "ooda_login";
    private const string LoginField = "_login";
    private static readonly Lazy<string> _decoy = new(() => ConsolePasswords.Hash("decoy password never used"));

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Text("ok", "text/plain")).AllowAnonymous().WithTags("console").WithSummary("Liveness probe; the only anonymous API route.");

        app.MapGet("/login", (HttpContext http, string? returnUrl) => LoginPage(http, returnUrl, null, StatusCodes.Status200OK))
            .AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/login", async (HttpContext http, WorkspaceGate gate, ConsoleOptions options) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
            var name = form["user"].ToString().Trim();
            var password = form["password"].ToString();
            var returnUrl = form["returnUrl"].ToString();
            var remote = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (!http.Request.Cookies.TryGetValue(LoginCookie, out var expected) || !ConsoleSecrets.SameSecret(expected, form[LoginField].ToString()))
                return LoginPage(http, returnUrl, "The sign-in form expired; try again.", StatusCodes.Status400BadRequest);

            var throttle = http.RequestServices.GetRequiredService<LoginThrottle>();
            if (!throttle.Allows(remote, name))
            {
                await gate.RunAsync(ws => ws.AppendAudit("anonymous", "console.login.throttled", Workspace.UserSubject(name.Length > 64 ? name[..64] : name),
                    ConsoleAuthentication.Details(("remote", remote))), http.RequestAborted).ConfigureAwait(false);
                return LoginPage(http, returnUrl, "Too many failed sign-ins; wait a few minutes and try again.", StatusCodes.Status429TooManyRequests);
            }

            var user = name.Length is > 0 and <= 64 ? await gate.RunAsync(ws => ws.FindUser(name), http.RequestAborted).ConfigureAwait(false) : null;
            // Verify even for an unknown name, so the answer takes as long either way.
            var ok = ConsolePasswords.Verify(password, user?.PasswordHash ?? _decoy.Value) && user is { Disabled: false };
            if (!ok)
            {
                throttle.Failed(remote, name);
                await gate.RunAsync(ws => ws.AppendAudit("anonymous", "console.login.fail", Workspace.UserSubject(name.Length > 64 ? name[..64] : name),
                    ConsoleAuthentication.Details(("remote", remote))), http.RequestAborted).ConfigureAwait(false);
                return LoginPage(http, returnUrl, "Wrong user name or password.", StatusCodes.Status401Unauthorized);
            }

            throttle.Succeeded(remote, name);
            var sessionId = ConsoleSecrets.New();
            var now = DateTime.UtcNow;
            var session = new StoredSession(ConsoleSecrets.Digest(sessionId), user!.Name, ConsoleSecrets.New(), now, now + options.SessionLifetime, null);
            await gate.RunAsync(ws => ws.StartSession(session, remote), http.RequestAborted).ConfigureAwait(false);
            http.Response.Cookies.Append(ConsoleAuthentication.SessionCookie, sessionId, Cookie(http, options.SessionLifetime));
            http.Response.Cookies.Delete(LoginCookie, Cookie(http, null));
            var home = user.Role == ConsoleRoles.Customer ? "/approvals" : "/";
            return Results.Redirect(IsLocal(returnUrl) ? returnUrl : home);
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/logout", async (HttpContext http, WorkspaceGate gate) =>
        {
            var user = ConsoleUser.From(http.User);
            var session = http.User.FindFirst(ConsoleUser.SessionClaim)?.Value;
            if (session is not null)
                await gate.RunAsync(ws => ws.EndSession(session, user.Name), http.RequestAborted).ConfigureAwait(false);
            http.Response.Cookies.Delete(ConsoleAuthentication.SessionCookie, Cookie(http, null));
            return Results.Redirect("/login");
        }).ExcludeFromDescription();

        app.MapGet("/api/me", (HttpContext http) =>
        {
            var user = ConsoleUser.From(http.User);
            return ConsoleJson.Result(w =>
            {
                w.WriteStartObject();
                w.WriteString("user", user.Name);
                w.WriteString("role", user.Role);
                ConsoleJson.Strings(w, "tenants", user.Tenants);
                w.WriteString("via", user.Method);
                w.WriteString("csrfToken", user.CsrfToken);
                w.WriteEndObject();
            });
        }).WithTags("console").WithSummary("The signed-in account: role, tenants and (for a browser session) the CSRF token to send as X-CSRF-Token.");
    }

    public static bool IsLocal(string? url) =>
        url is { Length: > 0 and < 2000 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);

    private static CookieOptions Cookie(HttpContext http, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        MaxAge = lifetime,
        IsEssential = true,
    };

    private static IResult LoginPage(HttpContext http, string? returnUrl, string? error, int status)
    {
        // Keep the browser's nonce: a parallel GET (a favicon redirected here) must not invalidate the form already shown.
        var nonce = http.Request.Cookies.TryGetValue(LoginCookie, out var known) && known is { Length: 43 } ? known : ConsoleSecrets.New();
        http.Response.Cookies.Append(LoginCookie, nonce, Cookie(http, TimeSpan.FromHours(1)));
        return Layout.Bare("Sign in", h =>
        {
            h.Open("div", ("class", "login")).Element("h1", "Ooda console");
            if (error is not null)
                h.Element("p", error, ("class", "error"));
            h.Open("form", ("method", "post"), ("action", "/login"));
            h.Void("input", ("type", "hidden"), ("name", LoginField), ("value", nonce));
            h.Void("input", ("type", "hidden"), ("name", "returnUrl"), ("value", IsLocal(returnUrl) ? returnUrl : "/"));
            h.Element("label", "User", ("for", "user")).Void("input", ("id", "user"), ("name", "user"), ("autocomplete", "username"), ("required", "required"));
            h.Element("label", "Password", ("for", "password"))
                .Void("input", ("id", "password"), ("name", "password"), ("type", "password"), ("autocomplete", "current-password"), ("required", "required"));
            h.Element("button", "Sign in", ("type", "submit"));
            h.Close("form").Close("div");
        }, status);
    }
}
