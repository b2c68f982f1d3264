namespace Ooda.Store;

/// <summary>The process starts and ends (Sysmon 1/5, Security 4688/4689) of one host in a time window.</summary>
public sealed record ProcessEventQuery
{
    public required string Tenant { get; init; }

    /// <summary>Matched case-insensitively.</summary>
    public required string Host { get; init; }

    /// <summary>Inclusive lower bound (UTC); null for the host's first event.</summary>
    public DateTime? From { get; init; }

    /// <summary>Exclusive upper bound (UTC); null for the host's last event.</summary>
    public DateTime? To { get; init; }

    /// <summary>At most this many events, the earliest; null for all. Events sharing the time where the limit falls are all left out, so the cut is clean.</summary>
    public int? Limit { get; init; }
}
