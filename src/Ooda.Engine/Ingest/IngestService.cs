using System.Diagnostics;
using System.Threading.Channels;
using Ooda.Core;
using Ooda.Engine.Internal;
using Ooda.Store;

namespace Ooda.Engine.Ingest;

/// <summary>
/// The ingest use case: walks a collection, sniffs each file's format, and loads it into the workspace —
/// idempotent (a file already loaded for its host adds nothing), atomic per file, and tolerant of bad records.
/// </summary>
public sealed class IngestService(Workspace workspace, EvidenceParsers parsers)
{
    private const int BatchSize = 2048;
    private const int BatchesInFlight = 4;
    private const int FirstBytesLength = 16;

    public IngestService(Workspace workspace)
        : this(workspace, EvidenceParsers.Default)
    {
    }

    /// <param name="onFileDone">Called after each file, once its outcome is final (committed or rolled back).</param>
    public async Task<IngestSummary> IngestAsync(IngestRequest request, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default, Action<FileIngestResult>? onFileDone = null)
    {
        var clock = Stopwatch.StartNew();
        var runDiagnostics = new List<Diagnostic>();
        var entries = CollectionLayout.Enumerate(request.Path, request.Tenant, request.Host, runDiagnostics.Add).ToList();
        var total = entries.Sum(e => SafeLength(e.FullPath));
        var results = new List<FileIngestResult>(entries.Count);
        var captured = new List<CapturedFile>();
        long done = 0, events = 0;

        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new IngestProgress(done, total, entry.DisplayPath, events));
            var result = await IngestFileAsync(entry, captured, request.MaxDiagnosticsPerFile, bytes => progress?.Report(new IngestProgress(done + bytes, total, entry.DisplayPath, events)), cancellationToken).ConfigureAwait(false);
            results.Add(result);
            onFileDone?.Invoke(result);
            done += SafeLength(entry.FullPath);
            if (result.Outcome == IngestOutcome.Ingested)
                events += result.Events;
        }

        var capturedAdded = captured.Count > 0 ? workspace.AddCapturedFiles(captured) : 0;
        progress?.Report(new IngestProgress(total, total, string.Empty, events));
        return new IngestSummary(results, capturedAdded, captured.Count, runDiagnostics, clock.Elapsed);
    }

    private async Task<FileIngestResult> IngestFileAsync(CollectionEntry entry, List<CapturedFile> captured, int maxDiagnostics, Action<long> onBytes, CancellationToken cancellationToken)
    {
        FileFacts facts;
        try
        {
            facts = FileFacts.Read(entry.FullPath, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Result(entry, null, null, IngestOutcome.Failed, 0, 0, [new Diagnostic(entry.DisplayPath, string.Empty, "cannot read: " + e.Message)]);
        }

        if (entry.OriginalPath is not null)
            captured.Add(Captured(entry, facts));

        var parser = parsers.Find(facts.Head, entry.OriginalPath is not null);
        if (parser is null)
        {
            return entry.OriginalPath is not null
                ? Result(entry, facts.Sha256, null, IngestOutcome.CapturedOnly, 0, 0, [])
                : Result(entry, facts.Sha256, null, IngestOutcome.Unrecognised, 0, 0,
                    [new Diagnostic(entry.DisplayPath, string.Empty, "format not recognised; skipped", DiagnosticSeverity.Warning)]);
        }

        if (workspace.IsIngested(entry.Tenant, entry.Host, facts.Sha256))
            return Result(entry, facts.Sha256, parser.Format, IngestOutcome.AlreadyIngested, 0, 0, []);

        var diagnostics = new DiagnosticCollector(entry.DisplayPath, maxDiagnostics);
        var source = new EvidenceSource(entry.DisplayPath, facts.Sha256, entry.Tenant, entry.Host);
        using var ingest = workspace.BeginFile(source, parser.Format, facts.Size);
        var context = new ParseContext(source, diagnostics.Add, cancellationToken);
        var batches = Channel.CreateBounded<EventBatch>(new BoundedChannelOptions(BatchesInFlight) { SingleReader = true, SingleWriter = true });
        var spare = new System.Collections.Concurrent.ConcurrentBag<EventBatch>();
        using var stream = new CountingStream(new FileStream(entry.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan));

        // Parse on a worker while this thread appends: the two halves of ingest overlap on two cores.
        var producer = Task.Run(() => Produce(parser, stream, context, batches.Writer, spare), cancellationToken);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                ingest.Append(batch);
                batch.Clear();
                spare.Add(batch);
                onBytes(stream.BytesRead);
            }

            await producer.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The whole file is rolled back: a file is in the store completely or not at all.
            diagnostics.Add(new Diagnostic(entry.DisplayPath, string.Empty, $"read failed, nothing of this file was stored: {e.GetType().Name}: {e.Message}"));
            return Result(entry, facts.Sha256, parser.Format, IngestOutcome.Failed, 0, facts.Size, diagnostics.ToList());
        }

        var all = diagnostics.ToList();
        ingest.Complete(all);
        return Result(entry, facts.Sha256, parser.Format, IngestOutcome.Ingested, ingest.Events, facts.Size, all);
    }

    // Parsing and encoding fields happen here, on a worker; the caller's thread only appends finished batches.
    private static void Produce(IEvidenceParser parser, Stream stream, ParseContext context, ChannelWriter<EventBatch> writer, System.Collections.Concurrent.ConcurrentBag<EventBatch> spare)
    {
        try
        {
            var batch = spare.TryTake(out var reused) ? reused : new EventBatch();
            foreach (var e in parser.Parse(stream, context))
            {
                batch.Add(e);
                if (batch.Count == BatchSize)
                {
                    Write(writer, batch, context.CancellationToken);
                    batch = spare.TryTake(out reused) ? reused : new EventBatch();
                }
            }

            if (batch.Count > 0)
                Write(writer, batch, context.CancellationToken);
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }

    private static void Write(ChannelWriter<EventBatch> writer, EventBatch batch, CancellationToken cancellationToken)
    {
        while (!writer.TryWrite(batch))
        {
            if (!writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
                throw new ChannelClosedException();
        }
    }

    private static CapturedFile Captured(CollectionEntry entry, FileFacts facts)
    {
        var info = new FileInfo(entry.FullPath);
        return new CapturedFile(entry.Tenant, entry.Host, entry.OriginalPath!, entry.DisplayPath, facts.Size,
            info.LastWriteTimeUtc, info.CreationTimeUtc, facts.Sha256, facts.Head.AsSpan(0, Math.Min(FirstBytesLength, facts.Head.Length)).ToArray());
    }

    private static FileIngestResult Result(CollectionEntry entry, string? sha256, string? format, IngestOutcome outcome, long events, long bytes, IReadOnlyList<Diagnostic> diagnostics) =>
        new(entry.DisplayPath, entry.Tenant, entry.Host, sha256, format, outcome, events, bytes, diagnostics);

    private static long SafeLength(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
