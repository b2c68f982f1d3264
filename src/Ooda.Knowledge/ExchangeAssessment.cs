namespace Ooda.Knowledge;

/// <summary>What the knowledge base says about one build.</summary>
/// <param name="Input">The text given.</param>
/// <param name="Build">The parsed build; null when the text is not a build.</param>
/// <param name="Product">Product, when known.</param>
/// <param name="Cu">CU name, when the CU line is known.</param>
/// <param name="SecurityUpdate">SU name when the exact build is an SU; null for a CU base build or an unknown SU level.</param>
/// <param name="ReleaseDate">Release day of the exact build (of the CU when only the CU is known).</param>
/// <param name="Status">Vulnerable, patched or unknown.</param>
/// <param name="VulnerableTo">CVEs the build is still exposed to (for a CU-only build: those its SU level decides, marked not certain).</param>
/// <param name="LatestBuildForCu">Newest known build on the same CU line.</param>
/// <param name="RecommendedBuild">The latest build of this CU if it fixes everything, otherwise the latest build of the product's newest CU.</param>
/// <param name="FixAvailableForCu">True when an update on this CU fixes every exposure; false when some need a CU upgrade; null when nothing is exposed or the CU is unknown.</param>
/// <param name="Notes">Why the status is what it is, when that needs saying.</param>
public sealed record ExchangeAssessment(
    string Input,
    ExchangeBuild? Build,
    string? Product,
    string? Cu,
    string? SecurityUpdate,
    DateOnly? ReleaseDate,
    AssessmentStatus Status,
    IReadOnlyList<CveExposure> VulnerableTo,
    ExchangeBuild? LatestBuildForCu,
    ExchangeBuild? RecommendedBuild,
    bool? FixAvailableForCu,
    IReadOnlyList<string> Notes);
