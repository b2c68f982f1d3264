using Ooda.Core;

namespace Ooda.Sigma;

/// <summary>One rule matching one event: which rule, on which event source, under which field translations, and the fields it read.</summary>
/// <remarks>
/// A correlation detection carries <see cref="Correlation"/>; its <see cref="Event"/> is a summary event (window start,
/// tenant, the first contributing hit's host and provenance, the group-by values as fields) and its target is <c>correlation</c>.
/// </remarks>
public sealed record SigmaDetection(
    SigmaRule Rule,
    string Target,
    EvidenceEvent Event,
    IReadOnlyList<SigmaFieldTranslation> Translations,
    IReadOnlyList<KeyValuePair<string, string>> MatchedFields)
{
    /// <summary>The correlation's findings when <see cref="Rule"/> is a correlation rule; null for a per-event detection.</summary>
    public SigmaCorrelationMatch? Correlation { get; init; }
}
