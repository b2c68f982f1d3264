namespace Ooda.Knowledge;

/// <summary>A product: its <c>Major.Minor</c>, the lowest build number that belongs to it (Exchange SE shares 15.2 with 2019), and its CUs.</summary>
public sealed record ExchangeProductLine(string Name, int Major, int Minor, int MinBuild, IReadOnlyList<ExchangeCumulativeUpdate> CumulativeUpdates)
{
    /// <summary>The newest CU of the product.</summary>
    public ExchangeCumulativeUpdate NewestCu => CumulativeUpdates[^1];
}
