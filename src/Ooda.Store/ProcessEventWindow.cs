namespace Ooda.Store;

/// <summary>The process events of a window, in no particular order, and where a limit cut it.</summary>
/// <param name="Events">The events read.</param>
/// <param name="CutAt">Null when the whole window was read; else the limit was reached and events from this time on are missing.</param>
public sealed record ProcessEventWindow(IReadOnlyList<StoredProcessEvent> Events, DateTime? CutAt);
