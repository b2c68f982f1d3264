using Ooda.Core;

namespace Ooda.Sigma;

/// <summary>One rule matching one event: which rule, on which event source, under which field translations, and the fields it read.</summary>
public sealed record SigmaDetection(
    SigmaRule Rule,
    string Target,
    EvidenceEvent Event,
    IReadOnlyList<SigmaFieldTranslation> Translations,
    IReadOnlyList<KeyValuePair<string, string>> MatchedFields);
