using Ooda.Investigation.Lateral.Internal;
using Ooda.Store;

namespace Ooda.Investigation.Lateral;

/// <summary>
/// Builds the lateral-movement graph of a tenant or a case from the store: network and RDP logons (4624), explicit credentials
/// (4648), service installs (7045/4697) and WMI/WinRM processes tied to the logon that carried them, and Sysmon connections to
/// remote-service ports; hosts resolved through the latest triage's inventory and the collected host names.
/// </summary>
public static class LateralGraphService
{
    public static LateralGraph Build(Workspace workspace, LateralGraphRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(request);
        if (request.From is { } from && request.To is { } to && to <= from)
            throw new ArgumentException($"the window ends ({to:O}) before it starts ({from:O})", nameof(request));
        var inventory = workspace.LatestTriage()?.Hosts.Where(h => string.Equals(h.Tenant, request.Tenant, StringComparison.Ordinal)) ?? [];
        var collected = workspace.ListFiles().Where(f => string.Equals(f.Tenant, request.Tenant, StringComparison.Ordinal)).Select(f => f.Host).Distinct(StringComparer.OrdinalIgnoreCase);
        return new LateralGraphBuilder(request, new HostDirectory(inventory, collected)).Build(workspace, cancellationToken);
    }

    /// <summary>The graph of a case: its tenant, seeded with the hosts in its scope and the hosts of its linked findings.</summary>
    public static LateralGraph ForCase(Workspace workspace, StoredCase @case, DateTime? from = null, DateTime? to = null, LateralGraphOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(@case);
        return Build(workspace, new LateralGraphRequest(@case.Tenant, SeedHosts(workspace, @case), from, to) { Options = options ?? LateralGraphOptions.Default },
            cancellationToken);
    }

    /// <summary>The hosts a case's graph starts from: those in its scope, then those of its findings, in that order without repeats.</summary>
    public static IReadOnlyList<string> SeedHosts(Workspace workspace, StoredCase @case)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(@case);
        var findingHosts = Cases.CaseService.FindingsOf(workspace, @case).OrderBy(f => f.Timestamp).Select(f => f.Host);
        return [.. @case.Hosts.Select(h => h.Host).Concat(findingHosts).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
