namespace Ooda.Sigma.Internal;

/// <summary>
/// One rule a correlation references, and how to read the correlation's group-by and value fields from its hits:
/// per event source of a detection rule (the same field translation the rule itself used), or by position among a
/// chained correlation's group-by values.
/// </summary>
internal sealed class CorrelationSource(SigmaRule rule, CompiledRule? compiled, CompiledCorrelation? child)
{
    public SigmaRule Rule { get; } = rule;

    /// <summary>The referenced detection rule as compiled; null for a chain.</summary>
    public CompiledRule? Compiled { get; } = compiled;

    /// <summary>The referenced correlation when this is a chain; null for a detection rule.</summary>
    public CompiledCorrelation? Child { get; } = child;

    /// <summary>Event source name → event field per group-by entry (null: that source does not carry it).</summary>
    public Dictionary<string, string?[]> GroupFields { get; } = new(StringComparer.Ordinal);

    /// <summary>Event source name → event field per condition field (null: that source does not carry it).</summary>
    public Dictionary<string, string?[]> ValueFields { get; } = new(StringComparer.Ordinal);

    /// <summary>For a chain: index of each group-by entry among the child's group-by values.</summary>
    public int[] ChildGroup { get; set; } = [];

    /// <summary>For a chain: index of each condition field among the child's group-by values.</summary>
    public int[] ChildValue { get; set; } = [];
}
