using Ooda.Core;

namespace Ooda.Investigation.Timeline.Internal;

/// <summary>
/// A source analysts name in one word: the label rows show, the names <c>--source</c> accepts, and which stored events it is
/// (any of <see cref="Kinds"/>, none meaning every kind; any of <see cref="Channels"/>, none meaning every channel).
/// </summary>
internal sealed record SourceFamily(
    string Label,
    string[] Aliases,
    SourceKind[] Kinds,
    string[] Channels,
    bool ShowsEventId,
    string TimestampDescription);
