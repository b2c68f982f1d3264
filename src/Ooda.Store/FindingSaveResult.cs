namespace Ooda.Store;

/// <summary>How many findings were new to the workspace and how many it already held (same id: same detector, same evidence).</summary>
public sealed record FindingSaveResult(int Added, int AlreadyKnown);
