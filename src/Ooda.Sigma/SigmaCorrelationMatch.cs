namespace Ooda.Sigma;

/// <summary>
/// What a correlation found: the group it fired for, the window (first and last contributing hit), the measured value
/// and the contributing hits — at most <see cref="SigmaCorrelator.MaxListedEvents"/> of them, <see cref="MoreEvents"/> says how many more.
/// </summary>
/// <param name="GroupBy">The <c>group-by</c> names (aliases or fields) with the group's values, as first seen.</param>
/// <param name="FiredAt">When the condition first held: the time a chained correlation sees this detection at.</param>
/// <param name="Value">The count, distinct count, number of rules, sum, mean, percentile or median that met the condition.</param>
/// <param name="Measure">What <paramref name="Value"/> is, e.g. <c>count</c>, <c>distinct(User)</c>, <c>p95(Bytes)</c>.</param>
/// <param name="EventCount">How many base hits the window holds.</param>
public sealed record SigmaCorrelationMatch(
    SigmaCorrelationType Type,
    IReadOnlyList<KeyValuePair<string, string>> GroupBy,
    DateTime WindowStart,
    DateTime WindowEnd,
    DateTime FiredAt,
    double Value,
    string Measure,
    int EventCount,
    IReadOnlyList<SigmaCorrelationEvent> Events)
{
    /// <summary>Contributing hits not listed in <see cref="Events"/>.</summary>
    public int MoreEvents => EventCount - Events.Count;

    /// <summary>The type as Sigma spells it, e.g. <c>event_count</c>.</summary>
    public string TypeName => Name(Type);

    internal static string Name(SigmaCorrelationType type) => type switch
    {
        SigmaCorrelationType.EventCount => "event_count",
        SigmaCorrelationType.ValueCount => "value_count",
        SigmaCorrelationType.Temporal => "temporal",
        SigmaCorrelationType.TemporalOrdered => "temporal_ordered",
        SigmaCorrelationType.ValueSum => "value_sum",
        SigmaCorrelationType.ValueAvg => "value_avg",
        SigmaCorrelationType.ValuePercentile => "value_percentile",
        _ => "value_median",
    };
}
