namespace Ooda.Knowledge;

/// <summary>A CU line (<c>Major.Minor.Build</c>): its base build and the updates released for it, oldest first.</summary>
public sealed record ExchangeCumulativeUpdate(string Product, string Name, ExchangeRelease Base, IReadOnlyList<ExchangeRelease> Updates)
{
    /// <summary>The newest build released on this line.</summary>
    public ExchangeRelease Latest => Updates.Count == 0 ? Base : Updates[^1];

    /// <summary>The base build and every update, oldest first.</summary>
    public IEnumerable<ExchangeRelease> Releases => Updates.Prepend(Base);
}
