using System.Collections.Concurrent;
using Ooda.Core;
using Ooda.Sigma;

namespace Ooda.Engine.Hunt;

/// <summary>Running counts of a hunt; safe to update from the workers.</summary>
public sealed class HuntStatistics
{
    private long _events;
    private long _files;
    private long _detections;
    private long _correlations;
    private long _ruleTicks;

    public long Events => Interlocked.Read(ref _events);

    public long Files => Interlocked.Read(ref _files);

    public long Detections => Interlocked.Read(ref _detections);

    /// <summary>Time the workers spent evaluating rules and the per-event bookkeeping beside them (summed over threads; parsing, event observers and output excluded).</summary>
    public TimeSpan RuleTime => TimeSpan.FromTicks(Interlocked.Read(ref _ruleTicks));

    /// <summary>Correlation detections (before the level filter), counted when the hunt finishes.</summary>
    public long Correlations => Interlocked.Read(ref _correlations);

    /// <summary>Base hits the correlation stage held, dropped past its buffer, could not group (a group-by field had no value) or could not place in time.</summary>
    public (long Buffered, long Dropped, long Ungrouped, long Untimed) CorrelationBuffer { get; private set; }

    /// <summary>The SQL hunt of a store hunt run with <see cref="HuntEngine.Sql"/> (its plan, verdicts and counters); null otherwise.</summary>
    public SigmaSqlHunt? SqlHunt { get; internal set; }

    /// <summary>Problems met while reading evidence (bad records, unreadable or unknown files).</summary>
    public ConcurrentQueue<Diagnostic> Diagnostics { get; } = new();

    /// <summary>Channels seen per host, for the blind-spot report.</summary>
    public ConcurrentDictionary<(string Host, string Channel), long> Channels { get; } = new();

    internal void AddEvents(long count) => Interlocked.Add(ref _events, count);

    internal void AddFile() => Interlocked.Increment(ref _files);

    internal void AddDetections(long count) => Interlocked.Add(ref _detections, count);

    internal void AddRuleTime(TimeSpan time) => Interlocked.Add(ref _ruleTicks, time.Ticks);

    internal void AddCorrelations(long count) => Interlocked.Add(ref _correlations, count);

    internal void SetCorrelationBuffer(long buffered, long dropped, long ungrouped, long untimed) => CorrelationBuffer = (buffered, dropped, ungrouped, untimed);
}
