namespace Ooda.Store;

/// <summary>A parent wanted from before a window: by Sysmon GUID, or by process id; only events strictly before <see cref="Before"/> count.</summary>
/// <param name="ProcessId">The process id, or null when looking up by GUID.</param>
/// <param name="ProcessGuid">The Sysmon GUID (normalised, see <see cref="Workspace.NormalGuid"/>), or null when looking up by id.</param>
/// <param name="Before">The start of the child that names this parent, or the window's start if earlier.</param>
public readonly record struct ProcessLookup(long? ProcessId, string? ProcessGuid, DateTime Before);
