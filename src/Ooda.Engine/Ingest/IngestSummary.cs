using Ooda.Core;

namespace Ooda.Engine.Ingest;

/// <summary>The result of one ingest run: per-file results, captured files, and problems that concern no single file.</summary>
public sealed record IngestSummary(
    IReadOnlyList<FileIngestResult> Files,
    int CapturedFilesAdded,
    int CapturedFilesSeen,
    IReadOnlyList<Diagnostic> Diagnostics,
    TimeSpan Elapsed)
{
    public long EventsAdded => Files.Sum(f => f.Outcome == IngestOutcome.Ingested ? f.Events : 0);

    public long BytesRead => Files.Sum(f => f.Bytes);

    public int Count(IngestOutcome outcome) => Files.Count(f => f.Outcome == outcome);
}
