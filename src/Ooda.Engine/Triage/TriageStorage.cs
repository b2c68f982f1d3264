using Ooda.Store;

namespace Ooda.Engine.Triage;

/// <summary>Keeps a triage in the workspace for later stages (<c>triage_runs</c>, <c>triage_hosts</c>).</summary>
public static class TriageStorage
{
    /// <summary>Stores the report's hosts in investigate-first order, with the inventory and scan paths made absolute.</summary>
    public static StoredTriageRun Save(Workspace workspace, TriageRequest request, TriageReport report, DateTime? triagedAt = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(report);
        return workspace.SaveTriage(
            Path.GetFullPath(request.InventoryPath),
            [.. request.ScanPaths.Select(Path.GetFullPath)],
            report.Hosts.Select((h, i) => ToStored(h, i + 1)),
            report.Diagnostics.Count,
            triagedAt);
    }

    /// <summary>The Store's row for one host; <paramref name="rank"/> is its place in investigate-first order, 1 first.</summary>
    public static StoredTriageHost ToStored(HostTriage host, int rank)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new StoredTriageHost(
            rank,
            host.Tenant,
            host.Host,
            host.Inventory.Fqdn,
            host.Inventory.PublicIp,
            host.Facts?.BuildText ?? host.Inventory.ExchangeBuild,
            host.Status,
            [.. host.VulnerableTo.Select(e => e.Cve.Id)],
            host.InternetExposed443,
            TriageJson.PriorityName(host.Priority),
            host.Reasons,
            host.Inventory.ResponseMode,
            host.Inventory.Ip);
    }
}
