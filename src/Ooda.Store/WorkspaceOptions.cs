namespace Ooda.Store;

/// <summary>How the workspace's database engine may use the machine.</summary>
/// <param name="MemoryLimit">DuckDB's memory limit (e.g. <c>1GB</c>); beyond it DuckDB spills to disk, so ingest memory stays flat.</param>
/// <param name="Threads">DuckDB worker threads; null for one per core.</param>
/// <param name="Progress">
/// Told, in a sentence, when opening does slow one-time work: upgrading an older workspace's schema, which on a store of
/// millions of events takes minutes (a user waiting should know why); null to say nothing.
/// </param>
public sealed record WorkspaceOptions(string MemoryLimit = "1GB", int? Threads = null, Action<string>? Progress = null)
{
    public static WorkspaceOptions Default { get; } = new();
}
