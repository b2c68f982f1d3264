namespace Ooda.Investigation.Timeline;

/// <summary>What a timeline shows: whose evidence, which hosts, the UTC window, which sources, and how many rows at most.</summary>
public sealed record TimelineRequest
{
    public const int DefaultLimit = 1000;

    /// <summary>Null for every tenant.</summary>
    public string? Tenant { get; init; }

    /// <summary>Empty for every host of the tenant.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>Inclusive start (UTC).</summary>
    public required DateTime From { get; init; }

    /// <summary>Exclusive end (UTC).</summary>
    public required DateTime To { get; init; }

    /// <summary>The pivot point: when rows must be dropped for the limit, the ones farthest from it go first. Null means <see cref="From"/>.</summary>
    public DateTime? Anchor { get; init; }

    /// <summary>Only these sources; empty for all.</summary>
    public IReadOnlyList<TimelineSource> Sources { get; init; } = [];

    /// <summary>At most this many rows besides those carrying findings (which are always kept); null for all.</summary>
    public int? Limit { get; init; } = DefaultLimit;

    /// <summary>The case whose audit trail fills the recorded lane; null for none.</summary>
    public string? CaseId { get; init; }

    /// <summary>Longest summary, in characters.</summary>
    public int SummaryLength { get; init; } = 240;

    // The store keeps microseconds: one past the end makes the window's exclusive end include an event at exactly anchor + after.
    private static readonly TimeSpan _oneMicrosecond = TimeSpan.FromTicks(TimeSpan.TicksPerMicrosecond);

    /// <summary>The window <paramref name="before"/> and <paramref name="after"/> an anchor time, both ends included.</summary>
    public static TimelineRequest Around(DateTime anchor, TimeSpan before, TimeSpan after)
    {
        if (before < TimeSpan.Zero || after < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(before), "the window's durations cannot be negative");
        var utc = DateTime.SpecifyKind(anchor, DateTimeKind.Utc);
        return new TimelineRequest
        {
            From = SaturatingAdd(utc, -before),
            To = SaturatingAdd(utc, after + _oneMicrosecond),
            Anchor = utc,
        };
    }

    private static DateTime SaturatingAdd(DateTime time, TimeSpan span) =>
        span < TimeSpan.Zero
            ? time.Ticks + span.Ticks < DateTime.MinValue.Ticks ? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc) : time + span
            : DateTime.MaxValue.Ticks - time.Ticks < span.Ticks ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc) : time + span;
}
