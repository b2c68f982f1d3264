namespace Ooda.Store;

/// <summary>One process start or exit in a host's history, as much as walking ancestors needs; see <see cref="Workspace.QueryProcessIndex"/>.</summary>
/// <param name="Row">The row in the process index, for <see cref="Workspace.QueryProcessRows"/>; valid while the workspace stays open and unchanged.</param>
/// <param name="Timestamp">When the event was logged (UTC).</param>
/// <param name="EventId">1, 4688 or 4689.</param>
/// <param name="ProcessGuid">Sysmon's ProcessGuid (event 1 only), upper case without braces.</param>
/// <param name="ProcessId">Sysmon ProcessId, 4688 NewProcessId or 4689 ProcessId.</param>
/// <param name="ParentProcessGuid">Sysmon's ParentProcessGuid (event 1 only).</param>
/// <param name="ParentProcessId">Sysmon ParentProcessId or 4688 ProcessId (the creator); null for 4689.</param>
public readonly record struct ProcessIndexEntry(long Row, DateTime Timestamp, int EventId, string? ProcessGuid, long? ProcessId,
    string? ParentProcessGuid, long? ParentProcessId);
