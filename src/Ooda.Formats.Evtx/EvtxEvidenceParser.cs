using Ooda.Core;
using Ooda.Formats.Evtx.Internal;

namespace Ooda.Formats.Evtx;

/// <summary>
/// Reads <c>.evtx</c> files into the event model: one <see cref="EvidenceEvent"/> per record, chunks decoded
/// and mapped in parallel, yielded in file order; every lost record is reported at its byte offset.
/// </summary>
public sealed class EvtxEvidenceParser : IEvidenceParser
{
    private readonly EvtxOptions _options;

    public EvtxEvidenceParser(EvtxOptions? options = null) => _options = options ?? EvtxOptions.Default;

    public string Format => "evtx";

    public bool CanParse(ReadOnlySpan<byte> head) => EvtxFile.HasSignature(head);

    public IEnumerable<EvidenceEvent> Parse(Stream stream, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(context);
        if (stream.CanSeek)
            stream.Position = 0;
        var options = _options with
        {
            OnDiagnostic = d => context.ReportOffset(d.Offset, d.ToString(), d.Severity),
        };
        using var file = EvtxFile.Open(stream, options, leaveOpen: true);
        foreach (var (events, diagnostics) in file.DecodeChunks(
            (buffer, length, index, offset) =>
            {
                using var sink = new EventSink(context);
                return (sink.Events, ChunkDecoder.Decode(buffer, length, index, offset, options, sink));
            },
            pooled: true,
            context.CancellationToken))
        {
            foreach (var diagnostic in diagnostics)
                options.OnDiagnostic(diagnostic);
            foreach (var e in events)
                yield return e;
        }
    }
}
