namespace Ooda.Store;

/// <summary>A filter over stored events; every criterion left null matches everything.</summary>
public sealed record EventQuery
{
    public string? Tenant { get; init; }

    public string? Host { get; init; }

    /// <summary>Inclusive lower bound (UTC).</summary>
    public DateTime? From { get; init; }

    /// <summary>Exclusive upper bound (UTC).</summary>
    public DateTime? To { get; init; }

    public string? Channel { get; init; }

    /// <summary>Only the events of the file with this SHA-256 (lower-case hex), e.g. the one continuous hunting just ingested.</summary>
    public string? FileSha256 { get; init; }

    public IReadOnlyList<int> EventIds { get; init; } = [];

    /// <summary>Field conditions, all of which must hold.</summary>
    public IReadOnlyList<FieldFilter> Fields { get; init; } = [];

    /// <summary>At most this many events, oldest first; null for all.</summary>
    public int? Limit { get; init; }
}
