namespace Ooda.Knowledge;

/// <summary>One released build: a CU's base build or a security/hotfix update on it.</summary>
/// <param name="Product">"Exchange Server 2019", …</param>
/// <param name="Cu">CU name: <c>RTM</c>, <c>CU9</c>, <c>SP1</c>.</param>
/// <param name="SecurityUpdate">Update name (<c>Apr21SU</c>, <c>Aug23SUv2</c>, <c>Apr24HU</c>); null for the CU's base build.</param>
/// <param name="Build">The build number.</param>
/// <param name="ReleaseDate">Release day.</param>
/// <param name="Kb">KB article, when the sources give one.</param>
/// <param name="AlsoKnownAs">Other builds sources give for the same release (facts §8.1).</param>
/// <param name="Source">Source id from the data file.</param>
/// <param name="Note">Why this row is special, if it is.</param>
public sealed record ExchangeRelease(
    string Product,
    string Cu,
    string? SecurityUpdate,
    ExchangeBuild Build,
    DateOnly ReleaseDate,
    string? Kb,
    IReadOnlyList<ExchangeBuild> AlsoKnownAs,
    string Source,
    string? Note)
{
    /// <summary>True when <paramref name="build"/> is this release's build or one of its aliases.</summary>
    public bool Matches(ExchangeBuild build) => Build == build || AlsoKnownAs.Contains(build);
}
