using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ooda.Store;

namespace Ooda.Web.Internal;

/// <summary>
/// One scheme for both ways in: <c>Authorization: Bearer &lt;token&gt;</c> (API clients) or the session cookie (the browser).
/// Tokens and session ids are looked up by their SHA-256; a disabled account, a revoked token or an ended session is refused.
/// </summary>
internal sealed class ConsoleAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, WorkspaceGate gate)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ooda";
    public const string SessionCookie = "ooda_session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length > 512)
                return AuthenticateResult.Fail("unsupported authorization header");
            var digest = ConsoleSecrets.Digest(header["Bearer ".Length..].Trim());
            var found = await gate.RunAsync(ws =>
            {
                var token = ws.FindApiToken(digest);
                var user = token is { RevokedAt: null } ? ws.FindUser(token.UserName) : null;
                if (user is null or { Disabled: true })
                    ws.AppendAudit("anonymous", "console.token.fail", "console", Details(("remote", Remote), ("path", Request.Path.Value)));
                return user is { Disabled: false } ? user : null;
            }, Context.RequestAborted).ConfigureAwait(false);
            return found is null ? AuthenticateResult.Fail("invalid token") : Success(found, ConsoleUser.ByToken, null);
        }

        if (Request.Cookies.TryGetValue(SessionCookie, out var sessionId) && sessionId is { Length: > 0 and < 200 })
        {
            var digest = ConsoleSecrets.Digest(sessionId);
            var now = DateTime.UtcNow;
            var (user, session) = await gate.RunAsync(ws =>
            {
                var s = ws.FindSession(digest);
                var u = s is { RevokedAt: null } && s.ExpiresAt > now ? ws.FindUser(s.UserName) : null;
                return (u is { Disabled: false } ? u : null, s);
            }, Context.RequestAborted).ConfigureAwait(false);
            return user is null || session is null ? AuthenticateResult.Fail("session ended") : Success(user, ConsoleUser.ByCookie, session);
        }

        return AuthenticateResult.NoResult();
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (ConsoleRoutes.IsApi(Request.Path))
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.WWWAuthenticate = "Bearer";
            return Response.WriteAsJsonAsync(new { error = "sign in or send an API token" });
        }

        var back = Request.Path + Request.QueryString;
        Response.Redirect("/login" + (back is { Length: > 1 } ? "?returnUrl=" + Uri.EscapeDataString(back) : string.Empty));
        return Task.CompletedTask;
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var name = Context.User.Identity?.Name ?? "anonymous";
        await gate.RunAsync(ws => ws.AppendAudit(name, "console.deny", "console", Details(("path", Request.Path.Value), ("method", Request.Method))),
            Context.RequestAborted).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        if (ConsoleRoutes.IsApi(Request.Path))
            await Response.WriteAsJsonAsync(new { error = "your role may not use this" }).ConfigureAwait(false);
    }

    internal static string Details(params (string Name, string? Value)[] values)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (name, value) in values)
                w.WriteString(name, value is null ? null : value.Length > 300 ? value[..300] : value);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private string Remote => Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private AuthenticateResult Success(StoredUser user, string method, StoredSession? session)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Role, user.Role),
            new(ConsoleUser.MethodClaim, method),
        };
        claims.AddRange(user.Tenants.Select(t => new Claim(ConsoleUser.TenantClaim, t)));
        if (session is not null)
        {
            claims.Add(new Claim(ConsoleUser.CsrfClaim, session.CsrfToken));
            claims.Add(new Claim(ConsoleUser.SessionClaim, session.Sha256));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
