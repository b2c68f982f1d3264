using Ooda.Core;

namespace Ooda.Sigma;

/// <summary>One stored event and the detections the SQL hunt made of it, one per rule (as <see cref="SigmaRuleSet.Evaluate"/> would).</summary>
public sealed record SigmaSqlEventMatch(EvidenceEvent Event, IReadOnlyList<SigmaDetection> Detections);
