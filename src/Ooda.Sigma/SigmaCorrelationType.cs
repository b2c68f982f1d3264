namespace Ooda.Sigma;

/// <summary>The correlation types of Sigma v2.1 (<c>correlation.type</c>).</summary>
public enum SigmaCorrelationType
{
    /// <summary><c>event_count</c>: how many base hits a group has in the window.</summary>
    EventCount,
    /// <summary><c>value_count</c>: how many distinct values of <c>field</c> a group has in the window.</summary>
    ValueCount,
    /// <summary><c>temporal</c>: how many of the referenced rules matched in the window, in any order.</summary>
    Temporal,
    /// <summary><c>temporal_ordered</c>: every referenced rule matched in the window, in the listed order.</summary>
    TemporalOrdered,
    /// <summary><c>value_sum</c> (2.1): the sum of a numeric field.</summary>
    ValueSum,
    /// <summary><c>value_avg</c> (2.1): the mean of a numeric field.</summary>
    ValueAvg,
    /// <summary><c>value_percentile</c> (2.1): a percentile (nearest rank) of a numeric field.</summary>
    ValuePercentile,
    /// <summary><c>value_median</c> (2.1): the median of a numeric field.</summary>
    ValueMedian,
}
