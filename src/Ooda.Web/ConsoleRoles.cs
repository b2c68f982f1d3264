namespace Ooda.Web;

/// <summary>The console's roles: what each may see is decided here and in the tenant scope, nowhere else.</summary>
public static class ConsoleRoles
{
    /// <summary>Every tenant, every page, account administration.</summary>
    public const string Admin = "admin";

    /// <summary>Investigates its assigned tenants only.</summary>
    public const string Analyst = "analyst";

    /// <summary>Its own tenant's reports and approvals only.</summary>
    public const string Customer = "customer";

    public static IReadOnlyList<string> All { get; } = [Admin, Analyst, Customer];

    /// <summary>Checks a role and its tenants; returns the problem, or null when they fit together.</summary>
    public static string? Problem(string role, IReadOnlyList<string> tenants)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        if (!All.Contains(role, StringComparer.Ordinal))
            return $"unknown role '{role}'; use {string.Join(", ", All)}";
        if (tenants.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 128 || t.Any(char.IsControl)))
            return "a tenant name is empty, too long or holds control characters";
        return role switch
        {
            Admin when tenants.Count > 0 => "an admin sees every tenant; give no --tenants",
            Analyst when tenants.Count == 0 => "an analyst needs at least one assigned tenant (--tenants acme,globex)",
            Customer when tenants.Count != 1 => "a customer belongs to exactly one tenant (--tenants acme)",
            _ => null,
        };
    }
}
