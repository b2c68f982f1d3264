using Ooda.Knowledge;

namespace Ooda.Engine.Triage.Internal;

/// <summary>What a build means for triage, worked out once per distinct build text: a fleet runs a handful of builds.</summary>
/// <param name="Assessment">The knowledge base's assessment.</param>
/// <param name="PreAuthExposures">Pre-authentication entry points the build is certainly exposed to.</param>
/// <param name="StatusReasons">The reasons that come before the exposure reason.</param>
/// <param name="FixReason">The reason that comes after it: which update fixes the build, or that none does; null when patched or unknown.</param>
/// <param name="UnknownNote">Why the status is unknown, for the diagnostic; null otherwise.</param>
internal sealed record BuildFacts(ExchangeAssessment Assessment, int PreAuthExposures, IReadOnlyList<string> StatusReasons, string? FixReason, string? UnknownNote)
{
    /// <summary>The build as text, written once per build rather than once per host.</summary>
    public string? BuildText { get; } = Assessment.Build?.ToString();

    public string? RecommendedBuildText { get; } = Assessment.RecommendedBuild?.ToString();
}
