namespace Ooda.Sigma;

/// <summary>How rules compile to SQL.</summary>
public sealed record SigmaSqlOptions
{
    public static SigmaSqlOptions Default { get; } = new();

    public SigmaSqlStrategy Strategy { get; init; } = SigmaSqlStrategy.Grouped;

    /// <summary>At most this many predicates per query (a very long query costs DuckDB more to plan than it saves).</summary>
    public int MaxPredicatesPerQuery { get; init; } = 256;

    /// <summary>Returns RE2's error for a translated pattern, or null when DuckDB accepts it; null to skip the check.</summary>
    public Func<string, string?>? RegexCheck { get; init; }
}
