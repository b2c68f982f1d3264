using Ooda.Core;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>The state of matching one event or file: where its hits go, where they start, and whether the cap is reached.</summary>
internal struct MatchContext(List<IocHit> hits, int start, EvidenceEvent? evidence)
{
    public readonly List<IocHit> Hits = hits;

    public readonly int Start = start;

    public readonly EvidenceEvent? Event = evidence;

    public bool Full;
}
