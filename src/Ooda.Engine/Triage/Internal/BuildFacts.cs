using Ooda.Knowledge;

namespace Ooda.Engine.Triage.Internal;

/// <summary>What a build means for triage, worked out once per distinct build text: a fleet runs a handful of builds.</summary>
/// <param name="Assessment">The knowledge base's assessment.</param>
/// <param name="HasPreAuthExposure">Certainly exposed to a pre-authentication entry point.</param>
/// <param name="StatusReasons">The reasons that come before the exposure reason.</param>
/// <param name="FixReason">The reason that comes after it: which update fixes the build, or that none does; null when patched or unknown.</param>
/// <param name="UnknownNote">Why the status is unknown, for the diagnostic; null otherwise.</param>
internal sealed record BuildFacts(ExchangeAssessment Assessment, bool HasPreAuthExposure, IReadOnlyList<string> StatusReasons, string? FixReason, string? UnknownNote);
