using System.Security.Claims;

namespace Ooda.Web.Internal;

/// <summary>Who is asking, read from the authenticated principal: role, tenants, and how they signed in.</summary>
internal sealed record ConsoleUser(string Name, string Role, IReadOnlyList<string> Tenants, string Method, string? CsrfToken)
{
    public const string TenantClaim = "ooda:tenant";
    public const string MethodClaim = "ooda:method";
    public const string CsrfClaim = "ooda:csrf";
    public const string SessionClaim = "ooda:session";
    public const string ByCookie = "cookie";
    public const string ByToken = "token";

    public bool IsAdmin => Role == ConsoleRoles.Admin;

    public bool IsCustomer => Role == ConsoleRoles.Customer;

    /// <summary>True when this user may see anything of <paramref name="tenant"/>; tenant names compare exactly, as the store does.</summary>
    public bool Sees(string tenant) => IsAdmin || Tenants.Contains(tenant, StringComparer.Ordinal);

    public static ConsoleUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return new ConsoleUser(
            principal.Identity?.Name ?? throw new InvalidOperationException("not signed in"),
            principal.FindFirstValue(ClaimTypes.Role) ?? string.Empty,
            [.. principal.FindAll(TenantClaim).Select(c => c.Value)],
            principal.FindFirstValue(MethodClaim) ?? string.Empty,
            principal.FindFirstValue(CsrfClaim));
    }
}
