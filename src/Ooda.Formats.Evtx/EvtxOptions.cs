namespace Ooda.Formats.Evtx;

/// <summary>How a file is read.</summary>
public sealed record EvtxOptions
{
    public static EvtxOptions Default { get; } = new();

    /// <summary>Also carve records from chunk slack, damaged chunks and space after the last chunk.</summary>
    public bool Recover { get; init; }

    /// <summary>Check the CRC32 of the file header, chunk headers and record data (a mismatch is a warning).</summary>
    public bool VerifyChecksums { get; init; } = true;

    /// <summary>Chunks decoded at once; 1 decodes on the calling thread. Memory stays about this × 64 KiB × (1 + expansion).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Receives each diagnostic, in file order, on the enumerating thread.</summary>
    public Action<EvtxDiagnostic>? OnDiagnostic { get; init; }
}
