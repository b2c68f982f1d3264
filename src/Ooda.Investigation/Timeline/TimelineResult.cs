namespace Ooda.Investigation.Timeline;

/// <summary>A built timeline: what happened, in time order, and apart from it what was recorded or done about it.</summary>
public sealed record TimelineResult
{
    public required TimelineRequest Request { get; init; }

    /// <summary>What the window was built around, when it was built around something.</summary>
    public TimelinePoint? Anchor { get; init; }

    /// <summary>The <see cref="TimelineLane.Happened"/> lane, oldest first.</summary>
    public required IReadOnlyList<TimelineRow> Rows { get; init; }

    /// <summary>The <see cref="TimelineLane.Recorded"/> lane (the case's audit trail), oldest first.</summary>
    public IReadOnlyList<TimelineRow> Recorded { get; init; } = [];

    /// <summary>True when the window held more rows than the limit and the farthest from the anchor were left out.</summary>
    public bool Truncated { get; init; }

    /// <summary>Both lanes in one time order, for exports that keep them apart by <see cref="TimelineRow.Lane"/> and <c>timestamp_desc</c>.</summary>
    public IEnumerable<TimelineRow> AllRows() =>
        Rows.Concat(Recorded).OrderBy(r => r.Time).ThenBy(r => r.Lane);
}
