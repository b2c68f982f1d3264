namespace Ooda.Sigma.Internal;

/// <summary>The base hits one correlation collected, with each group's key interned and its values as first seen.</summary>
internal sealed class CorrelationBuffer
{
    public List<CorrelationHit> Hits { get; } = [];

    /// <summary>Group key → the same key instance (so hits share it) and the group-by values as first seen.</summary>
    public Dictionary<string, (string Key, string[] Values)> Groups { get; } = new(StringComparer.Ordinal);

    /// <summary>Distinct-value texts, interned so repeated values cost one string.</summary>
    public HashSet<string> Texts { get; } = new(StringComparer.Ordinal);
}
