using System.Text;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>
/// Where rendered records go: a buffer flushed in blocks to a stream or text writer, and the parallel
/// whole-file path that renders chunks on workers and writes them in file order. Shared by the JSON and XML writers.
/// </summary>
internal sealed class RecordOutput : IDisposable
{
    /// <summary>Bytes buffered before they go to the output.</summary>
    private const int FlushThreshold = 1 << 16;

    private readonly Stream? _stream;
    private readonly TextWriter? _text;
    private readonly bool _leaveOpen;

    public RecordOutput(Stream? stream, TextWriter? text, bool leaveOpen)
    {
        _stream = stream;
        _text = text;
        _leaveOpen = leaveOpen;
    }

    public Utf8Buffer Buffer { get; } = new(FlushThreshold * 2);

    /// <summary>Ends the record just rendered into <see cref="Buffer"/>.</summary>
    public void EndRecord()
    {
        Buffer.Write((byte)'\n');
        if (Buffer.Length >= FlushThreshold)
            FlushBuffer();
    }

    /// <summary>Renders every record of a file, chunks in parallel, and writes them in file order; returns the count.</summary>
    public long WriteAll(EvtxFile file, Func<int, IRenderedSink> createSink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        long count = 0;
        var options = file.Options;
        foreach (var (output, records, diagnostics) in file.DecodeChunks(
            (buffer, length, index, offset) =>
            {
                var sink = createSink(length);
                var diagnostics = ChunkDecoder.Decode(buffer, length, index, offset, options, sink);
                return (sink.Output, sink.Count, diagnostics);
            },
            pooled: true,
            cancellationToken))
        {
            using (output)
            {
                foreach (var diagnostic in diagnostics)
                    options.OnDiagnostic?.Invoke(diagnostic);
                FlushBuffer();
                WriteOut(output.WrittenSpan);
                count += records;
            }
        }

        Flush();
        return count;
    }

    public void Flush()
    {
        FlushBuffer();
        _stream?.Flush();
        _text?.Flush();
    }

    public void Dispose()
    {
        Flush();
        if (!_leaveOpen)
        {
            _stream?.Dispose();
            _text?.Dispose();
        }

        Buffer.Dispose();
    }

    private void FlushBuffer()
    {
        if (Buffer.Length == 0)
            return;
        WriteOut(Buffer.WrittenSpan);
        Buffer.Clear();
    }

    private void WriteOut(ReadOnlySpan<byte> utf8)
    {
        if (_stream is not null)
            _stream.Write(utf8);
        else
            _text!.Write(Encoding.UTF8.GetString(utf8));
    }
}
