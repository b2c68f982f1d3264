namespace Ooda.Store;

/// <summary>A least-frequency-of-occurrence count: values from <see cref="Sources"/>, by the number of distinct hosts showing each.</summary>
public sealed record StackQuery
{
    public const int DefaultLimit = 50;
    public const int DefaultHostNames = 5;

    public required IReadOnlyList<StackSource> Sources { get; init; }

    public string? Tenant { get; init; }

    /// <summary>One host (any case).</summary>
    public string? Host { get; init; }

    /// <summary>Inclusive lower bound (UTC); a captured file counts by its modification time.</summary>
    public DateTime? From { get; init; }

    /// <summary>Exclusive upper bound (UTC).</summary>
    public DateTime? To { get; init; }

    /// <summary>Event field conditions, all of which must hold; captured files have no fields, so only negated ones keep them.</summary>
    public IReadOnlyList<FieldFilter> Where { get; init; } = [];

    /// <summary>Only values seen on at most this many hosts; null for all.</summary>
    public int? MaxHosts { get; init; }

    /// <summary>At most this many values, rarest first.</summary>
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Name the hosts of a value seen on at most this many.</summary>
    public int HostNames { get; init; } = DefaultHostNames;
}
