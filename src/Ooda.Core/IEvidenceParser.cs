namespace Ooda.Core;

/// <summary>
/// Reads one evidence format into events. Ingest sniffs the first bytes of a file and gives it to the first
/// parser that recognises them; a parser yields lazily and reports bad records through the context instead of throwing.
/// </summary>
public interface IEvidenceParser
{
    /// <summary>A short stable name stored with each ingested file (e.g. <c>iis-w3c</c>, <c>evtx</c>).</summary>
    string Format { get; }

    /// <summary>True when the first bytes of a file (up to 4 KiB, fewer for a short file) are this format.</summary>
    bool CanParse(ReadOnlySpan<byte> head);

    /// <summary>Parses the stream from its start; never throws for bad content, only for I/O failures or cancellation.</summary>
    IEnumerable<EvidenceEvent> Parse(Stream stream, ParseContext context);
}
