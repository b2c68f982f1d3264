using System.Runtime.InteropServices;
using System.Text;
using Ooda.Core;
using Ooda.Sigma.Internal;

namespace Ooda.Sigma;

/// <summary>
/// The correlation stage of a hunt. Workers hand it each event's detections (<see cref="Observe"/>, thread-safe); it
/// keeps only hits of rules a correlation references, as small records without the event. <see cref="Finish"/> then
/// sorts each correlation's hits by group and time, slides the windows, feeds chained correlations, and returns the
/// correlation detections to report. Memory is bounded by the buffered hits (about 100 bytes each), at most
/// <c>maxBufferedHits</c>; hits past that are counted in <see cref="Dropped"/>, never silently lost.
/// </summary>
public sealed class SigmaCorrelator
{
    /// <summary>Contributing hits listed per correlation detection; the rest are counted.</summary>
    public const int MaxListedEvents = 16;

    /// <summary>About 200 MB of buffered hits.</summary>
    public const int DefaultMaxBufferedHits = 2_000_000;

    /// <summary>The <see cref="SigmaDetection.Target"/> of correlation detections.</summary>
    public const string Target = "correlation";

    private readonly IReadOnlyList<CompiledCorrelation> _correlations;
    private readonly Func<SigmaRule, bool> _reported;
    private readonly Dictionary<SigmaRule, (CompiledCorrelation Correlation, int Slot)[]> _subscribers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<CompiledCorrelation, List<(CompiledCorrelation Parent, int Slot)>> _parents = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<CompiledCorrelation, CorrelationBuffer> _buffers = new(ReferenceEqualityComparer.Instance);
    private readonly int _maxBufferedHits;
    private readonly Lock _gate = new();
    private long _buffered;
    private long _dropped;
    private long _ungrouped;
    private long _untimed;
    private bool _finished;

    internal SigmaCorrelator(IReadOnlyList<CompiledCorrelation> correlations, Func<SigmaRule, bool> reported, int maxBufferedHits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBufferedHits);
        _correlations = correlations;
        _reported = reported;
        _maxBufferedHits = maxBufferedHits;
        var subscribers = new Dictionary<SigmaRule, List<(CompiledCorrelation, int)>>(ReferenceEqualityComparer.Instance);
        foreach (var correlation in correlations)
        {
            _buffers[correlation] = new CorrelationBuffer();
            for (var slot = 0; slot < correlation.Sources.Count; slot++)
            {
                var source = correlation.Sources[slot];
                if (source.Child is { } child)
                {
                    if (!_parents.TryGetValue(child, out var parents))
                        _parents[child] = parents = [];
                    parents.Add((correlation, slot));
                    continue;
                }

                if (!subscribers.TryGetValue(source.Rule, out var list))
                    subscribers[source.Rule] = list = [];
                list.Add((correlation, slot));
            }
        }

        foreach (var (rule, list) in subscribers)
            _subscribers[rule] = [.. list];
    }

    /// <summary>Base hits held for the correlations so far.</summary>
    public long Buffered => Interlocked.Read(ref _buffered);

    /// <summary>Base hits not held because the buffer was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Base hits without a value for a group-by field (they cannot be grouped, so they are not counted).</summary>
    public long Ungrouped => Interlocked.Read(ref _ungrouped);

    /// <summary>Base hits of events without a timestamp (they cannot be placed in a window).</summary>
    public long Untimed => Interlocked.Read(ref _untimed);

    /// <summary>Whether any correlation consumes this rule's detections.</summary>
    public bool Wants(SigmaRule rule) => _subscribers.ContainsKey(rule);

    /// <summary>Takes the detections of one event (as <see cref="SigmaRuleSet.Evaluate"/> produced them); keeps those a correlation references.</summary>
    /// <param name="host">The host to record when the event's own host is not the one to report (e.g. the EVTX <c>Computer</c>).</param>
    public void Observe(IReadOnlyList<SigmaDetection> detections, string? host = null)
    {
        ArgumentNullException.ThrowIfNull(detections);
        List<CompiledCorrelation>? counted = null;
        foreach (var detection in detections)
        {
            if (!_subscribers.TryGetValue(detection.Rule, out var subscriptions))
                continue;
            var evidence = detection.Event;
            foreach (var (correlation, slot) in subscriptions)
            {
                // An event that matches two referenced rules is one event to a count, but one hit per rule to temporal types.
                if (correlation.Type is not (SigmaCorrelationType.Temporal or SigmaCorrelationType.TemporalOrdered))
                {
                    counted ??= [];
                    if (counted.Contains(correlation))
                        continue;
                    counted.Add(correlation);
                }

                var source = correlation.Sources[slot];
                var group = Read(evidence, source.GroupFields.GetValueOrDefault(detection.Target), correlation.GroupBy.Count);
                var values = Read(evidence, source.ValueFields.GetValueOrDefault(detection.Target), correlation.ValueFields.Count);
                Add(correlation, slot, evidence.Timestamp, evidence.Tenant, host ?? evidence.Host, evidence.Provenance, group, values);
            }
        }
    }

    /// <summary>Evaluates every correlation (children before the chains over them); call once, after the last <see cref="Observe"/>.</summary>
    /// <returns>The correlation detections to report, by window start.</returns>
    public IReadOnlyList<SigmaDetection> Finish()
    {
        lock (_gate)
        {
            if (_finished)
                throw new InvalidOperationException("the correlator has already finished");
            _finished = true;
        }

        var reported = new List<SigmaDetection>();
        foreach (var correlation in _correlations)
        {
            var produced = Evaluate(correlation);
            if (_parents.TryGetValue(correlation, out var parents))
            {
                foreach (var detection in produced)
                {
                    var match = detection.Correlation!;
                    foreach (var (parent, slot) in parents)
                    {
                        var source = parent.Sources[slot];
                        var group = source.ChildGroup.Select(i => (string?)match.GroupBy[i].Value).ToArray();
                        var values = source.ChildValue.Select(i => (string?)match.GroupBy[i].Value).ToArray();
                        Add(parent, slot, match.FiredAt, detection.Event.Tenant, detection.Event.Host, detection.Event.Provenance, group, values);
                    }
                }
            }

            if (_reported(correlation.Rule))
                reported.AddRange(produced);
        }

        reported.Sort((a, b) =>
        {
            var order = a.Event.Timestamp.CompareTo(b.Event.Timestamp);
            if (order == 0)
                order = string.CompareOrdinal(a.Rule.Location, b.Rule.Location);
            if (order == 0)
                order = string.CompareOrdinal(a.Event.Tenant, b.Event.Tenant);
            return order != 0 ? order : string.CompareOrdinal(GroupText(a), GroupText(b));
        });
        return reported;
    }

    private static string GroupText(SigmaDetection detection) => string.Join('\u001f', detection.Correlation!.GroupBy.Select(p => p.Value));

    private static string?[] Read(EvidenceEvent evidence, string?[]? fields, int count)
    {
        var values = new string?[count];
        if (fields is null)
            return values;
        for (var i = 0; i < count; i++)
            values[i] = fields[i] is { } field ? evidence.Fields.Get(field) : null;
        return values;
    }

    private void Add(CompiledCorrelation correlation, int slot, DateTime timestamp, string tenant, string host, Provenance provenance, string?[] group, string?[] values)
    {
        if (timestamp == DateTime.MinValue)
        {
            Interlocked.Increment(ref _untimed);
            return;
        }

        if (Array.IndexOf(group, null) >= 0)
        {
            Interlocked.Increment(ref _ungrouped);
            return;
        }

        var key = Key(group!);
        string? text = null;
        var number = double.NaN;
        if (correlation.Type == SigmaCorrelationType.ValueCount)
            text = Array.IndexOf(values, null) >= 0 ? null : Key(values!);
        else if (values.Length > 0 && values[0] is { } raw && NumericMatcher.TryParse(raw, out var parsed) && double.IsFinite(parsed))
            number = parsed;

        lock (_gate)
        {
            if (_buffered >= _maxBufferedHits)
            {
                _dropped++;
                return;
            }

            var buffer = _buffers[correlation];
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(buffer.Groups, key, out var exists);
            if (!exists)
                entry = (key, Array.ConvertAll(group, v => v!));
            if (text is not null && !buffer.Texts.Add(text))
                buffer.Texts.TryGetValue(text, out text);
            buffer.Hits.Add(new CorrelationHit(timestamp.Ticks, slot, tenant, host, entry.Key, text, number, provenance));
            _buffered++;
        }
    }

    /// <summary>Case-folded values, each prefixed with its length so no value can forge another group's key.</summary>
    private static string Key(string[] values)
    {
        var builder = new StringBuilder();
        foreach (var value in values)
            builder.Append(value.Length).Append(':').Append(value.ToLowerInvariant());
        return builder.ToString();
    }

    private List<SigmaDetection> Evaluate(CompiledCorrelation correlation)
    {
        var buffer = _buffers[correlation];
        var hits = CollectionsMarshal.AsSpan(buffer.Hits);
        hits.Sort(Compare);
        var produced = new List<SigmaDetection>();
        var start = 0;
        for (var i = 1; i <= hits.Length; i++)
        {
            if (i < hits.Length && SameGroup(hits[i], hits[start]))
                continue;
            CorrelationWindows.Run(correlation, hits[start..i], buffer.Groups[hits[start].Key].Values, produced);
            start = i;
        }

        // The hits are spent; let them go before the next correlation sorts its own.
        buffer.Hits.Clear();
        buffer.Hits.TrimExcess();
        return produced;
    }

    private static bool SameGroup(in CorrelationHit a, in CorrelationHit b) =>
        ReferenceEquals(a.Key, b.Key) && string.Equals(a.Tenant, b.Tenant, StringComparison.Ordinal);

    /// <summary>Tenant, group, time, then where the event was read: a total order, so output never depends on thread timing.</summary>
    private static int Compare(CorrelationHit a, CorrelationHit b)
    {
        var order = string.CompareOrdinal(a.Tenant, b.Tenant);
        if (order == 0)
            order = string.CompareOrdinal(a.Key, b.Key);
        if (order == 0)
            order = a.Ticks.CompareTo(b.Ticks);
        if (order == 0)
            order = string.CompareOrdinal(a.Provenance.File, b.Provenance.File);
        if (order == 0)
            order = a.Provenance.Offset.CompareTo(b.Provenance.Offset);
        if (order == 0)
            order = a.Provenance.Line.CompareTo(b.Provenance.Line);
        return order != 0 ? order : a.Slot.CompareTo(b.Slot);
    }
}
