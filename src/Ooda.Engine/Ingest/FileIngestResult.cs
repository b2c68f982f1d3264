using Ooda.Core;

namespace Ooda.Engine.Ingest;

/// <summary>What ingest did with one file.</summary>
public sealed record FileIngestResult(
    string Path,
    string Tenant,
    string Host,
    string? Sha256,
    string? Format,
    IngestOutcome Outcome,
    long Events,
    long Bytes,
    IReadOnlyList<Diagnostic> Diagnostics);
