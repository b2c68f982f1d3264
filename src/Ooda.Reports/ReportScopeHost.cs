namespace Ooda.Reports;

/// <summary>A host in scope: why and by whom it was added, and what the inventory knows about it.</summary>
/// <param name="Role"><c>entry</c> (where the intrusion began), <c>reached</c> (lateral movement) or <c>scope</c>.</param>
/// <param name="Build">Exchange build from the latest triage, when it is an Exchange server.</param>
/// <param name="ResponseMode">The tenant's response mode for the host (notify, collaborate, authorize), when known.</param>
public sealed record ReportScopeHost(
    string Host,
    string Role,
    string Reason,
    DateTime AddedAt,
    string AddedBy,
    string? Build = null,
    string? ResponseMode = null);
