using Ooda.Core;

namespace Ooda.Store;

/// <summary>
/// One source a timeline selects events from: any of these kinds (none: every kind), on any of these channels
/// (none: every channel; compared case-insensitively), with this event id (null: every id).
/// </summary>
public sealed record TimelineEventSource
{
    public IReadOnlyList<SourceKind> Kinds { get; init; } = [];

    public IReadOnlyList<string> Channels { get; init; } = [];

    public int? EventId { get; init; }
}
