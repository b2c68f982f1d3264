namespace Ooda.Store;

/// <summary>A stored triage run and its hosts in investigate-first order.</summary>
public sealed record StoredTriage(StoredTriageRun Run, IReadOnlyList<StoredTriageHost> Hosts);
