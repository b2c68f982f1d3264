using Ooda.Core;

namespace Ooda.Investigation.Timeline;

/// <summary>One line of a timeline: when, where, which source, what happened in one readable line, and where it was read.</summary>
public sealed record TimelineRow
{
    /// <summary>UTC; on the <see cref="TimelineLane.Happened"/> lane the evidence's time, on the recorded lane the time of the record.</summary>
    public required DateTime Time { get; init; }

    public TimelineLane Lane { get; init; }

    public required string Tenant { get; init; }

    public required string Host { get; init; }

    /// <summary>A short source label: <c>Sysmon 1</c>, <c>Security 4624</c>, <c>IIS</c>, <c>HttpProxy</c>, <c>File created</c>, …</summary>
    public required string Source { get; init; }

    /// <summary>One line, no control characters, clipped with an ellipsis.</summary>
    public required string Summary { get; init; }

    /// <summary>Timesketch's <c>timestamp_desc</c>: what the time means (<c>Event Recorded</c>, <c>Creation Time</c>, …).</summary>
    public required string TimestampDescription { get; init; }

    public string? Channel { get; init; }

    public int? EventId { get; init; }

    /// <summary>The event's record id; on the recorded lane the audit log's sequence number.</summary>
    public long? RecordId { get; init; }

    /// <summary>The evidence file (or captured copy), its SHA-256 and the line or offset; on the recorded lane the audit entry's hash.</summary>
    public required Provenance Provenance { get; init; }

    /// <summary>The findings whose evidence this row is.</summary>
    public IReadOnlyList<TimelineMarker> Findings { get; init; } = [];
}
