namespace Ooda.Store;

/// <summary>One stored triage run: when, from which inventory and scans, how many hosts and input diagnostics.</summary>
public sealed record StoredTriageRun(
    int RunId,
    DateTime TriagedAt,
    string InventoryPath,
    IReadOnlyList<string> ScanPaths,
    int Hosts,
    int Diagnostics);
