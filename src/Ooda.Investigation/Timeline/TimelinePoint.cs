namespace Ooda.Investigation.Timeline;

/// <summary>A resolved anchor: its time (UTC), the host it is on when it names evidence, and what it was, for the reader.</summary>
public sealed record TimelinePoint(DateTime Time, string? Host, string Description);
