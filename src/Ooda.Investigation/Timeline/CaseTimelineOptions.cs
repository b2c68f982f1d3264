namespace Ooda.Investigation.Timeline;

/// <summary>How to pivot a case's timeline; what is left unset the case supplies (hosts in scope, earliest finding as anchor).</summary>
public sealed record CaseTimelineOptions
{
    public static readonly TimeSpan DefaultBefore = TimeSpan.FromHours(24);
    public static readonly TimeSpan DefaultAfter = TimeSpan.FromHours(6);

    /// <summary>A finding id, an event (<c>&lt;sha256-prefix&gt;:&lt;record-id&gt;</c> or <c>…:L&lt;line&gt;</c>) or a time; null for the case's earliest finding.</summary>
    public string? Around { get; init; }

    public TimeSpan Before { get; init; } = DefaultBefore;

    public TimeSpan After { get; init; } = DefaultAfter;

    /// <summary>Hosts to show instead of the case's scope; empty for the scope (or every host of the tenant when the scope is empty).</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    public IReadOnlyList<TimelineSource> Sources { get; init; } = [];

    public int? Limit { get; init; } = TimelineRequest.DefaultLimit;

    public int SummaryLength { get; init; } = 240;
}
