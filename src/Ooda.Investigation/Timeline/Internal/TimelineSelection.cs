using Ooda.Core;
using Ooda.Store;

namespace Ooda.Investigation.Timeline.Internal;

/// <summary>What a request's <c>--source</c> selectors add up to; no selector selects everything.</summary>
internal sealed record TimelineSelection(
    IReadOnlyList<TimelineEventSource> EventSources,
    bool Everything,
    bool FileCreated,
    bool FileModified,
    bool Findings)
{
    public static TimelineSelection Of(IReadOnlyList<TimelineSource> sources) =>
        sources.Count == 0
            ? new([], true, true, true, true)
            : new([.. sources.Select(s => s.Events).OfType<TimelineEventSource>()], false,
                sources.Any(s => s.FileCreated), sources.Any(s => s.FileModified), sources.Any(s => s.Findings));

    public bool AnyEvents => Everything || EventSources.Count > 0;

    /// <summary>True when the event would have been selected by the store's query.</summary>
    public bool Selects(EvidenceEvent e) =>
        Everything || EventSources.Any(s => SourceFamilies.Matches(s.Kinds, s.Channels, s.EventId, e));
}
