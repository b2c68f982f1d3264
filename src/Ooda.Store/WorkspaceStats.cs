namespace Ooda.Store;

/// <summary>How much evidence a workspace holds.</summary>
public sealed record WorkspaceStats(long Events, long Files, long CapturedFiles, long Diagnostics, int Tenants, int Hosts, DateTime? First, DateTime? Last);
