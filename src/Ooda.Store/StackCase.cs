namespace Ooda.Store;

/// <summary>How a stacked value's letter case is folded before values are compared.</summary>
public enum StackCase
{
    /// <summary>Kept as written.</summary>
    AsIs,
    /// <summary>Lower-cased (Windows paths, account and service names).</summary>
    Lower,
    /// <summary>Upper-cased (hex hashes).</summary>
    Upper,
}
