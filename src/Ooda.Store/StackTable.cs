namespace Ooda.Store;

/// <summary>Where a stack source reads its values.</summary>
public enum StackTable
{
    /// <summary>Stored events; parts name event fields.</summary>
    Events,
    /// <summary>Captured files; parts name the columns <c>original_path</c> or <c>sha256</c>.</summary>
    CapturedFiles,
}
