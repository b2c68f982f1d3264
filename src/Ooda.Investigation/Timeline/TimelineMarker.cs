namespace Ooda.Investigation.Timeline;

/// <summary>A finding on a timeline row: what fired, how bad, and when it was found (not when its evidence happened).</summary>
public sealed record TimelineMarker
{
    public required string FindingId { get; init; }

    public required string Title { get; init; }

    /// <summary>informational, low, medium, high or critical.</summary>
    public required string Severity { get; init; }

    public required string Detector { get; init; }

    public IReadOnlyList<string> Techniques { get; init; } = [];

    /// <summary>When the hunt found it (UTC).</summary>
    public required DateTime FoundAt { get; init; }
}
