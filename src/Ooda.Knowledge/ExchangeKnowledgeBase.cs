using Ooda.Knowledge.Internal;

namespace Ooda.Knowledge;

/// <summary>
/// Exchange 2013/2016/2019/SE builds and the 2021–2022 Exchange CVEs, from the reviewed data file
/// <c>Data/exchange-builds.json</c> (sources named in it). Immutable; safe to share.
/// </summary>
public sealed partial class ExchangeKnowledgeBase
{
    private static readonly Lazy<ExchangeKnowledgeBase> _embedded = new(() => KnowledgeLoader.LoadEmbedded());

    private readonly Dictionary<(int Major, int Minor, int Build), ExchangeCumulativeUpdate> _cuByLine;

    internal ExchangeKnowledgeBase(IReadOnlyList<ExchangeProductLine> products, IReadOnlyList<ExchangeCve> cves, IReadOnlyList<string> sources)
    {
        Products = products;
        Cves = cves;
        Sources = sources;
        _cuByLine = [];
        foreach (var cu in products.SelectMany(p => p.CumulativeUpdates))
            _cuByLine.Add((cu.Base.Build.Major, cu.Base.Build.Minor, cu.Base.Build.Build), cu);
    }

    /// <summary>The knowledge base shipped in this assembly.</summary>
    public static ExchangeKnowledgeBase Embedded => _embedded.Value;

    public IReadOnlyList<ExchangeProductLine> Products { get; }

    public IReadOnlyList<ExchangeCve> Cves { get; }

    /// <summary>The sources the data file names.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Every release (CU base builds and updates), product by product, oldest first.</summary>
    public IEnumerable<ExchangeRelease> Releases => Products.SelectMany(p => p.CumulativeUpdates).SelectMany(cu => cu.Releases);

    /// <summary>The product a build belongs to, or null (Exchange 2010 and older, anything else).</summary>
    public ExchangeProductLine? ProductOf(ExchangeBuild build) =>
        Products.Where(p => p.Major == build.Major && p.Minor == build.Minor && build.Build >= p.MinBuild).MaxBy(p => p.MinBuild);

    /// <summary>The CU line of a build, or null when we do not know it.</summary>
    public ExchangeCumulativeUpdate? CumulativeUpdateOf(ExchangeBuild build) =>
        _cuByLine.GetValueOrDefault((build.Major, build.Minor, build.Build));

    /// <summary>The exact release of a four-part build (aliases included), or null.</summary>
    public ExchangeRelease? ReleaseOf(ExchangeBuild build) =>
        build.HasRevision ? CumulativeUpdateOf(build)?.Releases.FirstOrDefault(r => r.Matches(build)) : null;

    public ExchangeCve? Cve(string id) => Cves.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));
}
