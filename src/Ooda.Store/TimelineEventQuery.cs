namespace Ooda.Store;

/// <summary>The events of a timeline window: tenant, hosts and time are pushed into the store's scan.</summary>
public sealed record TimelineEventQuery
{
    /// <summary>Null for every tenant.</summary>
    public string? Tenant { get; init; }

    /// <summary>Host names, compared case-insensitively; empty for every host.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>Inclusive lower bound (UTC).</summary>
    public required DateTime From { get; init; }

    /// <summary>Exclusive upper bound (UTC).</summary>
    public required DateTime To { get; init; }

    /// <summary>Events of any of these sources; empty for every source.</summary>
    public IReadOnlyList<TimelineEventSource> Sources { get; init; } = [];

    /// <summary>At most this many events, those nearest <see cref="Anchor"/>; null for all.</summary>
    public int? Limit { get; init; }

    /// <summary>The time a limit keeps the nearest events to; null for <see cref="From"/> (the earliest events).</summary>
    public DateTime? Anchor { get; init; }
}
