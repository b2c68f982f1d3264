using System.Collections.Concurrent;
using Ooda.Core;

namespace Ooda.Engine.Hunt;

/// <summary>Running counts of a hunt; safe to update from the workers.</summary>
public sealed class HuntStatistics
{
    private long _events;
    private long _files;
    private long _detections;

    public long Events => Interlocked.Read(ref _events);

    public long Files => Interlocked.Read(ref _files);

    public long Detections => Interlocked.Read(ref _detections);

    /// <summary>Problems met while reading evidence (bad records, unreadable or unknown files).</summary>
    public ConcurrentQueue<Diagnostic> Diagnostics { get; } = new();

    /// <summary>Channels seen per host, for the blind-spot report.</summary>
    public ConcurrentDictionary<(string Host, string Channel), long> Channels { get; } = new();

    internal void AddEvents(long count) => Interlocked.Add(ref _events, count);

    internal void AddFile() => Interlocked.Increment(ref _files);

    internal void AddDetections(long count) => Interlocked.Add(ref _detections, count);
}
