namespace Ooda.Store;

/// <summary>How the workspace's database engine may use the machine.</summary>
/// <param name="MemoryLimit">DuckDB's memory limit (e.g. <c>1GB</c>); beyond it DuckDB spills to disk, so ingest memory stays flat.</param>
/// <param name="Threads">DuckDB worker threads; null for one per core.</param>
public sealed record WorkspaceOptions(string MemoryLimit = "1GB", int? Threads = null)
{
    public static WorkspaceOptions Default { get; } = new();
}
