using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Ooda.Core;
using Ooda.Engine.Ingest;
using Ooda.Engine.Internal;
using Ooda.Sigma;
using Ooda.Store;

namespace Ooda.Engine.Hunt;

/// <summary>
/// Runs a compiled Sigma rule set over evidence. Up to one file per worker is read at a time, each by its own task that
/// parses it and cuts its events into batches; the batches are evaluated on the thread pool (so one big file uses every
/// core too) and their detections come out in file and batch order. A stored event stream is cut into batches the same
/// way. Only a bounded number of batches is in flight and only detections are kept, so memory stays flat in input size.
/// Correlation rules need their base hits in time order across files, so the workers hand the hits of referenced rules
/// (only those) to a <see cref="SigmaCorrelator"/>, and the correlation detections follow the per-event ones once the
/// evidence is read. Base rules that only feed correlations with <c>generate: false</c> are evaluated but not reported.
/// </summary>
public sealed class HuntService(SigmaRuleSet rules, EvidenceParsers parsers)
{
    private const int BatchSize = 4096;

    // Small enough that one file's batches spread over the cores, large enough that a batch outweighs its task.
    private const int FileBatchSize = 1024;

    private readonly ConcurrentBag<SigmaEvaluationContext> _contexts = [];

    public HuntService(SigmaRuleSet rules)
        : this(rules, EvidenceParsers.Default)
    {
    }

    /// <summary>
    /// Makes, per file or batch, a callback that sees every event (with its host) beside the rules: how IOC matching rides
    /// the same single pass over the evidence. Each callback is used by one thread at a time.
    /// </summary>
    public Func<Action<EvidenceEvent, string>>? EventObserverFactory { get; init; }

    /// <summary>How the rule set skips rule targets that cannot match (every setting finds the same detections).</summary>
    public SigmaPrefilter Prefilter { get; init; } = SigmaPrefilter.Needles;

    /// <summary>0 (informational) … 4 (critical); -1 for an unknown or absent level.</summary>
    public static int LevelRank(string? level) => SeverityLevels.Rank(level);

    /// <summary>Detections from every evidence file under the request's paths, file by file in path order.</summary>
    public IEnumerable<HuntHit> HuntFiles(HuntRequest request, HuntStatistics statistics, CancellationToken cancellationToken = default)
    {
        var entries = request.Paths
            .SelectMany(p => CollectionLayout.Enumerate(p, request.Tenant ?? "-", request.Host ?? "-", statistics.Diagnostics.Enqueue))
            .Where(e => e.OriginalPath is null)
            .ToList();
        var minimum = LevelRank(request.MinLevel);
        var correlator = rules.CreateCorrelator();
        var hits = Files(entries, minimum, statistics, correlator, Workers(request), cancellationToken);
        return WithCorrelations(hits, correlator, minimum, statistics);
    }

    /// <summary>Detections from a stream of events (e.g. the workspace store), in stream order.</summary>
    public IEnumerable<HuntHit> HuntEvents(IEnumerable<EvidenceEvent> events, HuntStatistics statistics, string? minLevel = null, int parallelism = 0, CancellationToken cancellationToken = default)
    {
        var minimum = LevelRank(minLevel);
        var correlator = rules.CreateCorrelator();
        var hits = Ordered(Batches(events, BatchSize), batch => EvaluateBatch(batch, minimum, statistics, correlator), parallelism <= 0 ? Environment.ProcessorCount : parallelism, cancellationToken);
        return WithCorrelations(hits, correlator, minimum, statistics);
    }

    /// <summary>
    /// Detections from the events in a workspace store, found by DuckDB: the rules compiled to SQL (<see cref="SigmaSqlHunt"/>),
    /// what SQL cannot decide exactly decided in memory, so the detections are the ones <see cref="HuntEvents"/> makes of
    /// <see cref="Workspace.QueryEvents"/>, in the same order. Correlations run over them as in the other paths.
    /// </summary>
    /// <exception cref="InvalidOperationException">An <see cref="EventObserverFactory"/> is set: the SQL path never sees every event.</exception>
    public IEnumerable<HuntHit> HuntStore(Workspace workspace, SqlHuntScope scope, HuntStatistics statistics, string? minLevel = null, SigmaSqlOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(statistics);
        if (EventObserverFactory is not null)
            throw new InvalidOperationException("a SQL hunt reads only the matching events, so it cannot feed an event observer; use HuntEvents");
        var hunt = SigmaSqlHunt.Prepare(rules, workspace, scope, options, cancellationToken);
        statistics.SqlHunt = hunt;
        statistics.AddEvents(hunt.Catalog.Events);
        var computer = hunt.Catalog.FieldNames.Where(n => string.Equals(n, "Computer", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var count in workspace.CountSqlHuntChannels(scope, computer))
        {
            var channel = count.Channel ?? SourceKindNames.Parse(count.SourceKind).ToString();
            statistics.Channels.AddOrUpdate((count.Host, channel), count.Events, (_, n) => n + count.Events);
        }

        var correlator = rules.CreateCorrelator();
        return WithCorrelations(StoreHits(hunt, statistics, LevelRank(minLevel), correlator, cancellationToken), correlator, LevelRank(minLevel), statistics);
    }

    private IEnumerable<HuntHit> StoreHits(SigmaSqlHunt hunt, HuntStatistics statistics, int minimum, SigmaCorrelator? correlator, CancellationToken cancellationToken)
    {
        foreach (var match in hunt.Run(cancellationToken))
        {
            var evidence = match.Event;
            var host = evidence.Host == "-" && evidence.Fields.Get("Computer") is { } computer ? computer : evidence.Host;
            correlator?.Observe(match.Detections, host);
            statistics.AddDetections(match.Detections.Count);
            foreach (var detection in match.Detections)
            {
                if ((minimum >= 0 && LevelRank(detection.Rule.Level) < minimum) || !rules.IsReportedAlone(detection.Rule))
                    continue;
                yield return new HuntHit(detection, host);
            }
        }
    }

    private static int Workers(HuntRequest request) => request.Parallelism <= 0 ? Environment.ProcessorCount : request.Parallelism;

    private static IEnumerable<List<EvidenceEvent>> Batches(IEnumerable<EvidenceEvent> events, int size)
    {
        var batch = new List<EvidenceEvent>(size);
        foreach (var evidence in events)
        {
            batch.Add(evidence);
            if (batch.Count == size)
            {
                yield return batch;
                batch = new List<EvidenceEvent>(size);
            }
        }

        if (batch.Count > 0)
            yield return batch;
    }

    /// <summary>The per-event hits as they come, then the correlation detections of the whole hunt.</summary>
    private static IEnumerable<HuntHit> WithCorrelations(IEnumerable<HuntHit> hits, SigmaCorrelator? correlator, int minimum, HuntStatistics statistics)
    {
        foreach (var hit in hits)
            yield return hit;
        if (correlator is null)
            yield break;
        var detections = correlator.Finish();
        statistics.AddCorrelations(detections.Count);
        statistics.SetCorrelationBuffer(correlator.Buffered, correlator.Dropped, correlator.Ungrouped, correlator.Untimed);
        if (correlator.Dropped > 0)
        {
            statistics.Diagnostics.Enqueue(new Diagnostic("correlation", string.Empty,
                $"{correlator.Dropped} base hits past the buffer of {correlator.Buffered} were not correlated; correlations may be missing", DiagnosticSeverity.Warning));
        }

        foreach (var detection in detections)
        {
            if (minimum >= 0 && LevelRank(detection.Rule.Level) < minimum)
                continue;
            yield return new HuntHit(detection, detection.Event.Host);
        }
    }

    /// <summary>
    /// The hits of every file in order: up to <paramref name="workers"/> files are read ahead, each by a task that hands
    /// its batches to the pool through a bounded channel; the caller's thread takes each file's batches in order.
    /// </summary>
    private IEnumerable<HuntHit> Files(List<CollectionEntry> entries, int minimum, HuntStatistics statistics, SigmaCorrelator? correlator, int workers, CancellationToken cancellationToken)
    {
        using var abandoned = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = new Queue<(Channel<Task<List<HuntHit>>> Batches, Task Reader)>();
        var next = 0;
        try
        {
            while (true)
            {
                while (reading.Count < workers && next < entries.Count)
                {
                    var batches = Channel.CreateBounded<Task<List<HuntHit>>>(new BoundedChannelOptions(workers * 2) { SingleReader = true, SingleWriter = true });
                    var entry = entries[next++];
                    reading.Enqueue((batches, Task.Run(() => ReadFile(entry, batches.Writer, minimum, statistics, correlator, abandoned.Token), abandoned.Token)));
                }

                if (reading.Count == 0)
                    yield break;
                var (channel, reader) = reading.Peek();
                while (channel.Reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
                {
                    while (channel.Reader.TryRead(out var batch))
                    {
                        foreach (var hit in batch.GetAwaiter().GetResult())
                            yield return hit;
                    }
                }

                reader.GetAwaiter().GetResult();
                reading.Dequeue();
            }
        }
        finally
        {
            // An abandoned enumeration stops the readers still waiting to hand over batches.
            abandoned.Cancel();
        }
    }

    /// <summary>Parses one file and queues the evaluation of each batch of its events, in order; completes the channel when done.</summary>
    private async Task ReadFile(CollectionEntry entry, ChannelWriter<Task<List<HuntHit>>> batches, int minimum, HuntStatistics statistics, SigmaCorrelator? correlator, CancellationToken cancellationToken)
    {
        try
        {
            FileFacts facts;
            try
            {
                facts = FileFacts.Read(entry.FullPath, cancellationToken);
            }
            catch (IOException e)
            {
                statistics.Diagnostics.Enqueue(new Diagnostic(entry.DisplayPath, string.Empty, "cannot read: " + e.Message));
                return;
            }
            catch (UnauthorizedAccessException e)
            {
                statistics.Diagnostics.Enqueue(new Diagnostic(entry.DisplayPath, string.Empty, "cannot read: " + e.Message));
                return;
            }

            var parser = parsers.Find(facts.Head, capturedFile: false);
            if (parser is null)
                return;
            statistics.AddFile();
            var source = new EvidenceSource(entry.FullPath, facts.Sha256, entry.Tenant, entry.Host);
            using var stream = new FileStream(entry.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            foreach (var batch in Batches(parser.Parse(stream, new ParseContext(source, statistics.Diagnostics.Enqueue, cancellationToken)), FileBatchSize))
                await batches.WriteAsync(Task.Run(() => EvaluateBatch(batch, minimum, statistics, correlator), cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            batches.TryComplete();
        }
    }

    /// <summary>Evaluates a batch of events with a pooled context; counts its events, channels and rule time.</summary>
    private List<HuntHit> EvaluateBatch(List<EvidenceEvent> batch, int minimum, HuntStatistics statistics, SigmaCorrelator? correlator)
    {
        var context = _contexts.TryTake(out var pooled) ? pooled : rules.CreateContext();
        var hits = new List<HuntHit>();
        var detections = new List<SigmaDetection>();
        var channels = new Dictionary<(string Host, string Channel), long>();
        var observer = EventObserverFactory?.Invoke();
        // The batch's loop is the rule time, less what an event observer took: a clock read costs microseconds on
        // some virtual machines, so it is not read around every event when no observer rides along.
        var batchStart = Stopwatch.GetTimestamp();
        long observerTicks = 0;
        foreach (var evidence in batch)
        {
            var host = evidence.Host == "-" && evidence.Fields.Get("Computer") is { } computer ? computer : evidence.Host;
            if (observer is not null)
            {
                var observed = Stopwatch.GetTimestamp();
                observer(evidence, host);
                observerTicks += Stopwatch.GetTimestamp() - observed;
            }

            var channel = (host, evidence.Channel ?? evidence.Kind.ToString());
            channels[channel] = channels.GetValueOrDefault(channel) + 1;
            detections.Clear();
            rules.Evaluate(evidence, context, detections, Prefilter);
            if (detections.Count == 0)
                continue;
            correlator?.Observe(detections, host);
            foreach (var detection in detections)
            {
                if ((minimum >= 0 && LevelRank(detection.Rule.Level) < minimum) || !rules.IsReportedAlone(detection.Rule))
                    continue;
                hits.Add(new HuntHit(detection, host));
            }

            statistics.AddDetections(detections.Count);
        }

        var ruleTicks = Stopwatch.GetTimestamp() - batchStart - observerTicks;
        foreach (var (key, count) in channels)
            statistics.Channels.AddOrUpdate(key, count, (_, n) => n + count);
        statistics.AddEvents(batch.Count);
        statistics.AddRuleTime(Stopwatch.GetElapsedTime(0, ruleTicks));
        _contexts.Add(context);
        return hits;
    }

    /// <summary>Runs <paramref name="work"/> over the items on up to <paramref name="workers"/> threads and yields results in item order.</summary>
    private static IEnumerable<HuntHit> Ordered<T>(IEnumerable<T> items, Func<T, List<HuntHit>> work, int workers, CancellationToken cancellationToken)
    {
        var pending = new Queue<Task<List<HuntHit>>>();
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pending.Enqueue(Task.Run(() => work(item), cancellationToken));
            // Keep a couple of items per worker in flight: enough to keep every core busy, bounded for memory.
            while (pending.Count >= workers * 2)
            {
                foreach (var hit in pending.Dequeue().GetAwaiter().GetResult())
                    yield return hit;
            }
        }

        while (pending.Count > 0)
        {
            foreach (var hit in pending.Dequeue().GetAwaiter().GetResult())
                yield return hit;
        }
    }
}
