using Ooda.Store;

namespace Ooda.Investigation.Stacking;

/// <summary>What to stack and over which evidence.</summary>
/// <param name="Target">A preset name (<see cref="StackPresets"/>) or, for any other word, an event field name.</param>
public sealed record StackRequest(string Target)
{
    /// <summary>Longest field name taken; longer input is not a field name.</summary>
    public const int MaxFieldName = 256;

    /// <summary>Most values one stack returns.</summary>
    public const int MaxLimit = 100_000;

    public string? Tenant { get; init; }

    public string? Host { get; init; }

    /// <summary>Inclusive lower bound (UTC).</summary>
    public DateTime? From { get; init; }

    /// <summary>Exclusive upper bound (UTC).</summary>
    public DateTime? To { get; init; }

    /// <summary>Event field conditions (<c>name=value</c>, <c>*</c> wildcards, <c>!=</c> negates), all of which must hold.</summary>
    public IReadOnlyList<FieldFilter> Where { get; init; } = [];

    /// <summary>Only values seen on at most this many hosts.</summary>
    public int? MaxHosts { get; init; }

    public int Limit { get; init; } = StackQuery.DefaultLimit;

    /// <summary>Name the hosts of values seen on at most this many.</summary>
    public int HostNames { get; init; } = StackQuery.DefaultHostNames;
}
