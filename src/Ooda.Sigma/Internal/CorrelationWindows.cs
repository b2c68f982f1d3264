using System.Globalization;
using Ooda.Core;

namespace Ooda.Sigma.Internal;

/// <summary>
/// Finds the windows of one group (hits sorted by time) that satisfy a correlation. A window spans at most the
/// timespan, both ends included, and starts at a hit (never at a clock boundary). Two modes:
/// <list type="bullet">
/// <item>Lower bounds (gt, gte) on a measure that cannot shrink as the window grows (count, distinct values, rules,
/// a sum of non-negative numbers) slide: the window fires at the first hit that meets the condition within one
/// timespan of the window's first hit, and is reported with every hit up to one timespan after its first.</item>
/// <item>Every other condition (an upper bound, or a mean, percentile or median) is tested once per window, each
/// window starting at the first hit after the previous one ended, so a burst is judged whole and never cut into
/// sub-windows that would pass an upper bound.</item>
/// </list>
/// A reported window is not reused: the scan resumes after its last hit. <c>temporal_ordered</c> looks, from each hit
/// of the first rule, for the earliest following hit of each next rule within the timespan.
/// </summary>
internal static class CorrelationWindows
{
    public static void Run(CompiledCorrelation correlation, ReadOnlySpan<CorrelationHit> hits, string[] groupValues, List<SigmaDetection> output)
    {
        if (hits.IsEmpty)
            return;
        if (correlation.Type == SigmaCorrelationType.TemporalOrdered)
        {
            Ordered(correlation, hits, groupValues, output);
            return;
        }

        var (sorted, ranks) = Ranks(correlation, hits);
        var state = new WindowState(correlation, correlation.Sources.Count, sorted);
        var span = correlation.Timespan.Ticks;
        if (correlation.FiresEarly || (correlation.Type == SigmaCorrelationType.ValueSum && !correlation.Condition.HasUpperBound && !HasNegative(hits)))
        {
            var start = 0;
            var k = 0;
            while (k < hits.Length)
            {
                state.Add(hits[k], ranks[k]);
                while (hits[k].Ticks - hits[start].Ticks > span)
                {
                    state.Remove(hits[start], ranks[start]);
                    start++;
                }

                if (!correlation.Condition.Holds(state.Measure()))
                {
                    k++;
                    continue;
                }

                // Report the whole window from its first hit, so the count says how big the burst was.
                var end = k;
                while (end + 1 < hits.Length && hits[end + 1].Ticks - hits[start].Ticks <= span)
                {
                    end++;
                    state.Add(hits[end], ranks[end]);
                }

                Emit(correlation, hits, groupValues, start, end, k, state.Measure(), output);
                for (var r = start; r <= end; r++)
                    state.Remove(hits[r], ranks[r]);
                start = end + 1;
                k = end + 1;
            }

            return;
        }

        var first = 0;
        var last = -1;
        while (first < hits.Length)
        {
            while (last + 1 < hits.Length && hits[last + 1].Ticks - hits[first].Ticks <= span)
            {
                last++;
                state.Add(hits[last], ranks[last]);
            }

            var measure = state.Measure();
            if (correlation.Condition.Holds(measure))
                Emit(correlation, hits, groupValues, first, last, last, measure, output);
            for (var r = first; r <= last; r++)
                state.Remove(hits[r], ranks[r]);
            first = last + 1;
        }
    }

    private static bool HasNegative(ReadOnlySpan<CorrelationHit> hits)
    {
        foreach (var hit in hits)
        {
            if (hit.Number < 0)
                return true;
        }

        return false;
    }

    private static void Ordered(CompiledCorrelation correlation, ReadOnlySpan<CorrelationHit> hits, string[] groupValues, List<SigmaDetection> output)
    {
        var rules = correlation.Sources.Count;
        var positions = new List<int>[rules];
        for (var s = 0; s < rules; s++)
            positions[s] = [];
        for (var i = 0; i < hits.Length; i++)
            positions[hits[i].Slot].Add(i);
        var span = correlation.Timespan.Ticks;
        var anchor = 0;
        while (anchor < hits.Length)
        {
            if (hits[anchor].Slot != 0)
            {
                anchor++;
                continue;
            }

            var at = anchor;
            var complete = true;
            for (var s = 1; s < rules && complete; s++)
            {
                var next = FirstAfter(positions[s], at);
                if (next < 0)
                    return; // no later hit of this rule at all: no later anchor can complete either
                at = next;
                complete = hits[at].Ticks - hits[anchor].Ticks <= span;
            }

            if (complete)
            {
                Emit(correlation, hits, groupValues, anchor, at, at, rules, output);
                anchor = at + 1;
            }
            else
            {
                anchor++;
            }
        }
    }

    /// <summary>The first position in the ascending list greater than <paramref name="after"/>, or -1.</summary>
    private static int FirstAfter(List<int> list, int after)
    {
        var index = list.BinarySearch(after + 1);
        if (index < 0)
            index = ~index;
        return index < list.Count ? list[index] : -1;
    }

    /// <summary>The group's distinct numbers in order and each hit's rank among them (percentile and median types only).</summary>
    private static (double[] Sorted, int[] Ranks) Ranks(CompiledCorrelation correlation, ReadOnlySpan<CorrelationHit> hits)
    {
        var ranks = new int[hits.Length];
        if (correlation.Type is not (SigmaCorrelationType.ValuePercentile or SigmaCorrelationType.ValueMedian))
            return ([], ranks);
        var numbers = new List<double>(hits.Length);
        foreach (var hit in hits)
        {
            if (!double.IsNaN(hit.Number))
                numbers.Add(hit.Number);
        }

        numbers.Sort();
        var sorted = numbers.Distinct().ToArray();
        for (var i = 0; i < hits.Length; i++)
            ranks[i] = double.IsNaN(hits[i].Number) ? -1 : Array.BinarySearch(sorted, hits[i].Number);
        return (sorted, ranks);
    }

    private static void Emit(CompiledCorrelation correlation, ReadOnlySpan<CorrelationHit> hits, string[] groupValues, int first, int last, int fired, double value, List<SigmaDetection> output)
    {
        var count = last - first + 1;
        var events = new List<SigmaCorrelationEvent>(Math.Min(count, SigmaCorrelator.MaxListedEvents));
        for (var r = first; r <= last && events.Count < SigmaCorrelator.MaxListedEvents; r++)
        {
            var hit = hits[r];
            events.Add(new SigmaCorrelationEvent(correlation.Sources[hit.Slot].Rule, new DateTime(hit.Ticks, DateTimeKind.Utc), hit.Tenant, hit.Host, hit.Provenance));
        }

        var groupBy = new List<KeyValuePair<string, string>>(correlation.GroupBy.Count);
        for (var g = 0; g < correlation.GroupBy.Count; g++)
            groupBy.Add(new(correlation.GroupBy[g], groupValues[g]));
        var start = new DateTime(hits[first].Ticks, DateTimeKind.Utc);
        var match = new SigmaCorrelationMatch(correlation.Type, groupBy, start, new DateTime(hits[last].Ticks, DateTimeKind.Utc),
            new DateTime(hits[fired].Ticks, DateTimeKind.Utc), value, correlation.Measure, count, events);

        var measured = new KeyValuePair<string, string>(correlation.Measure, value.ToString("0.####", CultureInfo.InvariantCulture));
        var fields = new EventFields(groupBy.Count + 1);
        foreach (var (name, text) in groupBy)
            fields.Set(name, text);
        fields.Set(measured.Key, measured.Value);
        var head = hits[first];
        var summary = new EvidenceEvent
        {
            Timestamp = start,
            Tenant = head.Tenant,
            Host = head.Host,
            Kind = SourceKind.Unknown,
            Fields = fields,
            Provenance = head.Provenance,
        };
        output.Add(new SigmaDetection(correlation.Rule, SigmaCorrelator.Target, summary, [], [.. groupBy, measured]) { Correlation = match });
    }
}
