using Ooda.Core;
using Ooda.Store;

namespace Ooda.Web.Internal;

/// <summary>The leads queue as continuous hunting stores it (<c>L-0001</c>), limited to the tenants the user may see.</summary>
internal static class LeadQueue
{
    public static IReadOnlyList<StoredLead> List(Workspace workspace, ConsoleUser user, string? tenant = null, string? state = null, string? host = null) =>
        workspace.ListLeads(new LeadQuery { Tenant = tenant, Tenants = user.IsAdmin ? null : user.Tenants, State = state, Host = host, Limit = 2000 });

    /// <summary>The lead's findings as stored, oldest evidence first.</summary>
    public static IReadOnlyList<Finding> Findings(Workspace workspace, StoredLead lead)
    {
        var ids = lead.FindingIds.ToHashSet(StringComparer.Ordinal);
        return [.. workspace.QueryFindings(new FindingQuery { Tenant = lead.Tenant, Host = lead.Host })
            .Where(f => ids.Contains(f.Id)).OrderBy(f => f.Timestamp).ThenBy(f => f.Id, StringComparer.Ordinal)];
    }
}
