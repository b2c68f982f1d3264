namespace Ooda.Sigma.Internal;

/// <summary>
/// The running aggregate of one sliding window: hits enter at the right and leave at the left, each in O(1) or
/// O(log n), so a group of n hits is scanned in O(n log n) whatever the timespan.
/// </summary>
internal sealed class WindowState(CompiledCorrelation correlation, int rules, double[] sortedNumbers)
{
    private readonly int[] _ruleCounts = new int[rules];
    private readonly Dictionary<string, int> _texts = new(StringComparer.Ordinal);
    private readonly RankCounter? _ranks = sortedNumbers.Length > 0 ? new RankCounter(sortedNumbers.Length) : null;
    private int _count;
    private int _distinctRules;
    private double _sum;
    private int _numbers;

    public void Add(in CorrelationHit hit, int rank)
    {
        _count++;
        if (_ruleCounts[hit.Slot]++ == 0)
            _distinctRules++;
        if (hit.Text is { } text)
            _texts[text] = _texts.GetValueOrDefault(text) + 1;
        if (!double.IsNaN(hit.Number))
        {
            _sum += hit.Number;
            _numbers++;
            _ranks?.Add(rank, 1);
        }
    }

    public void Remove(in CorrelationHit hit, int rank)
    {
        _count--;
        if (--_ruleCounts[hit.Slot] == 0)
            _distinctRules--;
        if (hit.Text is { } text)
        {
            var left = _texts[text] - 1;
            if (left == 0)
                _texts.Remove(text);
            else
                _texts[text] = left;
        }

        if (!double.IsNaN(hit.Number))
        {
            _numbers--;
            // Start again from zero when the window empties so rounding from add-then-subtract cannot pile up.
            _sum = _numbers == 0 ? 0 : _sum - hit.Number;
            _ranks?.Add(rank, -1);
        }
    }

    /// <summary>The window's value for the correlation type; NaN when a value type has no numeric hit.</summary>
    public double Measure() => correlation.Type switch
    {
        SigmaCorrelationType.EventCount => _count,
        SigmaCorrelationType.ValueCount => _texts.Count,
        SigmaCorrelationType.Temporal or SigmaCorrelationType.TemporalOrdered => _distinctRules,
        SigmaCorrelationType.ValueSum => _numbers == 0 ? double.NaN : _sum,
        SigmaCorrelationType.ValueAvg => _numbers == 0 ? double.NaN : _sum / _numbers,
        SigmaCorrelationType.ValuePercentile => Percentile(),
        _ => Median(),
    };

    /// <summary>Nearest rank: the smallest value with at least p% of the window's values at or below it.</summary>
    private double Percentile()
    {
        if (_ranks is not { Total: > 0 } ranks)
            return double.NaN;
        var k = Math.Max(1, (int)Math.Ceiling(correlation.Percentile * ranks.Total / 100));
        return sortedNumbers[ranks.Kth(Math.Min(k, ranks.Total))];
    }

    private double Median()
    {
        if (_ranks is not { Total: > 0 } ranks)
            return double.NaN;
        var n = ranks.Total;
        var lower = sortedNumbers[ranks.Kth((n + 1) / 2)];
        return n % 2 == 1 ? lower : (lower + sortedNumbers[ranks.Kth((n / 2) + 1)]) / 2;
    }
}
