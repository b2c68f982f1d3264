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
    private readonly int _writerCount = Math.Max(1, Environment.ProcessorCount);

    private const int BatchSize = 2048;
    private const int BatchesInFlight = 4;
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
        var sizes = entries.Select(e => SafeLength(e.FullPath)).ToArray();
        var total = sizes.Sum();
        var results = new List<FileIngestResult>(entries.Count);
        var captured = new List<CapturedFile>();
        long done = 0, events = 0;

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new IngestProgress(done, total, entry.DisplayPath, events));
            var result = await IngestFileAsync(entry, captured, request.MaxDiagnosticsPerFile, bytes => progress?.Report(new IngestProgress(done + bytes, total, entry.DisplayPath, events)), cancellationToken).ConfigureAwait(false);
            results.Add(result);
            onFileDone?.Invoke(result);
            done += sizes[i];
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
            captured.Add(CapturedFileFacts.From(entry, facts));

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
        var batches = Channel.CreateBounded<EvidenceEvent[]>(new BoundedChannelOptions(BatchesInFlight) { SingleReader = false, SingleWriter = true });
        using var stream = new CountingStream(new FileStream(entry.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan));

        // One thread parses; one writer per core encodes and appends, each on its own connection, since appending costs most.
        var producer = Task.Run(() => Produce(parser, stream, context, batches.Writer), cancellationToken);
        var writers = Enumerable.Range(0, _writerCount)
            .Select(_ => Task.Run(() => Consume(ingest, batches.Reader, () => onBytes(stream.BytesRead), cancellationToken), cancellationToken))
            .ToArray();
        try
        {
            await Task.WhenAll([producer, .. writers]).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The whole file is rolled back: a file is in the store completely or not at all.
            batches.Writer.TryComplete(e);
            diagnostics.Add(new Diagnostic(entry.DisplayPath, string.Empty, $"read failed, nothing of this file was stored: {e.GetType().Name}: {e.Message}"));
            return Result(entry, facts.Sha256, parser.Format, IngestOutcome.Failed, 0, facts.Size, diagnostics.ToList());
        }

        var all = diagnostics.ToList();
        ingest.Complete(all);
        return Result(entry, facts.Sha256, parser.Format, IngestOutcome.Ingested, ingest.Events, facts.Size, all);
    }

    private static void Produce(IEvidenceParser parser, Stream stream, ParseContext context, ChannelWriter<EvidenceEvent[]> writer)
    {
        try
        {
            var batch = new List<EvidenceEvent>(BatchSize);
            foreach (var e in parser.Parse(stream, context))
            {
                batch.Add(e);
                if (batch.Count == BatchSize)
                {
                    Write(writer, [.. batch], context.CancellationToken);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
                Write(writer, [.. batch], context.CancellationToken);
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }

    private static async Task Consume(FileIngest ingest, ChannelReader<EvidenceEvent[]> reader, Action onBatch, CancellationToken cancellationToken)
    {
        EventWriter? writer = null;
        try
        {
            await foreach (var batch in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                // Created on first use, so a small file costs one connection, not one per core.
                writer ??= ingest.CreateWriter();
                writer.Append(batch);
                onBatch();
            }
        }
        catch (ChannelClosedException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static void Write(ChannelWriter<EvidenceEvent[]> writer, EvidenceEvent[] batch, CancellationToken cancellationToken)
    {
        while (!writer.TryWrite(batch))
        {
            if (!writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
                throw new ChannelClosedException();
        }
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
