using System.Collections.Concurrent;
using Ooda.Core;
using Ooda.Engine.Ingest;
using Ooda.Engine.Internal;
using Ooda.Sigma;
using Ooda.Store;

namespace Ooda.Engine.Hunt;

/// <summary>
/// Runs a compiled Sigma rule set over evidence. Files are hunted in parallel (one worker per core, each file parsed and
/// evaluated by one worker) and their detections come out in file order; a stored event stream is cut into batches that
/// the workers evaluate, again in order. Only detections are buffered, never events, so memory stays flat in input size.
/// Correlation rules need their base hits in time order across files, so the workers hand the hits of referenced rules
/// (only those) to a <see cref="SigmaCorrelator"/>, and the correlation detections follow the per-event ones once the
/// evidence is read. Base rules that only feed correlations with <c>generate: false</c> are evaluated but not reported.
/// </summary>
public sealed class HuntService(SigmaRuleSet rules, EvidenceParsers parsers)
{
    private const int BatchSize = 4096;

    public HuntService(SigmaRuleSet rules)
        : this(rules, EvidenceParsers.Default)
    {
    }

    /// <summary>
    /// Makes, per file or batch, a callback that sees every event (with its host) beside the rules: how IOC matching rides
    /// the same single pass over the evidence. Each callback is used by one thread at a time.
    /// </summary>
    public Func<Action<EvidenceEvent, string>>? EventObserverFactory { get; init; }

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
        var hits = Ordered(entries, entry => HuntFile(entry, minimum, statistics, correlator, cancellationToken), Workers(request), cancellationToken);
        return WithCorrelations(hits, correlator, minimum, statistics);
    }

    /// <summary>Detections from a stream of events (e.g. the workspace store), in stream order.</summary>
    public IEnumerable<HuntHit> HuntEvents(IEnumerable<EvidenceEvent> events, HuntStatistics statistics, string? minLevel = null, int parallelism = 0, CancellationToken cancellationToken = default)
    {
        var minimum = LevelRank(minLevel);
        var contexts = new ConcurrentBag<SigmaEvaluationContext>();
        var correlator = rules.CreateCorrelator();
        var hits = Ordered(Batches(events), batch =>
        {
            var context = contexts.TryTake(out var c) ? c : rules.CreateContext();
            var hits = new List<HuntHit>();
            var detections = new List<SigmaDetection>();
            var observer = EventObserverFactory?.Invoke();
            foreach (var evidence in batch)
                Evaluate(evidence, context, detections, hits, minimum, statistics, observer, correlator);
            statistics.AddEvents(batch.Count);
            contexts.Add(context);
            return hits;
        }, parallelism <= 0 ? Environment.ProcessorCount : parallelism, cancellationToken);
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

    private static IEnumerable<List<EvidenceEvent>> Batches(IEnumerable<EvidenceEvent> events)
    {
        var batch = new List<EvidenceEvent>(BatchSize);
        foreach (var evidence in events)
        {
            batch.Add(evidence);
            if (batch.Count == BatchSize)
            {
                yield return batch;
                batch = new List<EvidenceEvent>(BatchSize);
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

    private List<HuntHit> HuntFile(CollectionEntry entry, int minimum, HuntStatistics statistics, SigmaCorrelator? correlator, CancellationToken cancellationToken)
    {
        var hits = new List<HuntHit>();
        FileFacts facts;
        try
        {
            facts = FileFacts.Read(entry.FullPath, cancellationToken);
        }
        catch (IOException e)
        {
            statistics.Diagnostics.Enqueue(new Diagnostic(entry.DisplayPath, string.Empty, "cannot read: " + e.Message));
            return hits;
        }
        catch (UnauthorizedAccessException e)
        {
            statistics.Diagnostics.Enqueue(new Diagnostic(entry.DisplayPath, string.Empty, "cannot read: " + e.Message));
            return hits;
        }

        var parser = parsers.Find(facts.Head, capturedFile: false);
        if (parser is null)
            return hits;
        statistics.AddFile();
        var context = rules.CreateContext();
        var detections = new List<SigmaDetection>();
        var source = new EvidenceSource(entry.FullPath, facts.Sha256, entry.Tenant, entry.Host);
        using var stream = new FileStream(entry.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        long count = 0;
        var observer = EventObserverFactory?.Invoke();
        foreach (var evidence in parser.Parse(stream, new ParseContext(source, statistics.Diagnostics.Enqueue, cancellationToken)))
        {
            count++;
            Evaluate(evidence, context, detections, hits, minimum, statistics, observer, correlator);
        }

        statistics.AddEvents(count);
        return hits;
    }

    private void Evaluate(EvidenceEvent evidence, SigmaEvaluationContext context, List<SigmaDetection> detections, List<HuntHit> hits, int minimum,
        HuntStatistics statistics, Action<EvidenceEvent, string>? observer, SigmaCorrelator? correlator)
    {
        var host = evidence.Host == "-" && evidence.Fields.Get("Computer") is { } computer ? computer : evidence.Host;
        observer?.Invoke(evidence, host);
        statistics.Channels.AddOrUpdate((host, evidence.Channel ?? evidence.Kind.ToString()), 1, (_, n) => n + 1);
        detections.Clear();
        rules.Evaluate(evidence, context, detections);
        correlator?.Observe(detections, host);
        foreach (var detection in detections)
        {
            if ((minimum >= 0 && LevelRank(detection.Rule.Level) < minimum) || !rules.IsReportedAlone(detection.Rule))
                continue;
            hits.Add(new HuntHit(detection, host));
        }

        statistics.AddDetections(detections.Count);
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
