using Ooda.Sigma.Internal;

namespace Ooda.Sigma;

/// <summary>
/// A correlation rule compiled against the rules it references: it consumes their detections (and, for chains, the
/// detections of referenced correlations) and emits correlation detections from sliding windows per group.
/// </summary>
public sealed class CompiledCorrelation
{
    internal CompiledCorrelation(SigmaRule rule, SigmaCorrelationType type, TimeSpan timespan, IReadOnlyList<string> groupBy, bool generate,
        CorrelationCondition condition, IReadOnlyList<string> valueFields, double percentile, IReadOnlyList<CorrelationSource> sources)
    {
        Rule = rule;
        Type = type;
        Timespan = timespan;
        GroupBy = groupBy;
        Generate = generate;
        Condition = condition;
        ValueFields = valueFields;
        Percentile = percentile;
        Sources = sources;
    }

    /// <summary>The correlation rule; its level is the rule's own, or the highest level of the rules it references.</summary>
    public SigmaRule Rule { get; }

    public SigmaCorrelationType Type { get; }

    public TimeSpan Timespan { get; }

    /// <summary>The <c>group-by</c> names as written (fields or aliases).</summary>
    public IReadOnlyList<string> GroupBy { get; }

    /// <summary>Whether the referenced rules also report their own hits (<c>generate</c>, default false).</summary>
    public bool Generate { get; }

    /// <summary>The referenced rules in the listed order (a correlation's own compiled rule for chains).</summary>
    public IReadOnlyList<SigmaRule> Rules => [.. Sources.Select(s => s.Rule)];

    /// <summary>The condition as text, e.g. <c>gte 10</c>.</summary>
    public string ConditionText => Condition.ToString();

    internal CorrelationCondition Condition { get; }

    internal IReadOnlyList<string> ValueFields { get; }

    internal double Percentile { get; }

    internal IReadOnlyList<CorrelationSource> Sources { get; }

    /// <summary>1 over detection rules only, one more per level of correlations below.</summary>
    internal int Depth => 1 + Sources.Select(s => s.Child?.Depth ?? 0).DefaultIfEmpty(0).Max();

    /// <summary>Lower bounds only on a measure that cannot shrink as the window grows: the window may fire at the first hit that satisfies it.</summary>
    internal bool FiresEarly => Type is SigmaCorrelationType.EventCount or SigmaCorrelationType.ValueCount or SigmaCorrelationType.Temporal && !Condition.HasUpperBound;

    internal string Measure => Type switch
    {
        SigmaCorrelationType.EventCount => "count",
        SigmaCorrelationType.ValueCount => $"distinct({string.Join(',', ValueFields)})",
        SigmaCorrelationType.Temporal => "rules",
        SigmaCorrelationType.TemporalOrdered => "rules-in-order",
        SigmaCorrelationType.ValueSum => $"sum({ValueFields[0]})",
        SigmaCorrelationType.ValueAvg => $"avg({ValueFields[0]})",
        SigmaCorrelationType.ValuePercentile => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p{Percentile}({ValueFields[0]})"),
        _ => $"median({ValueFields[0]})",
    };
}
