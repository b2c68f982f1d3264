using System.Text;
using Ooda.Formats.Evtx.Internal;

namespace Ooda.Formats.Evtx;

/// <summary>
/// Writes records as indented XML in the conventions of libevtx's <c>evtxexport -f xml</c>
/// (braced GUIDs, zero-padded hex, 100 ns times), one record per block followed by a blank line.
/// </summary>
public sealed class EvtxXmlWriter : IDisposable
{
    private const int FlushThreshold = 1 << 16;

    private readonly Stream? _stream;
    private readonly TextWriter? _text;
    private readonly Utf8Buffer _buffer = new(FlushThreshold * 2);
    private readonly bool _leaveOpen;

    public EvtxXmlWriter(Stream output, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        _stream = output;
        _leaveOpen = leaveOpen;
    }

    public EvtxXmlWriter(TextWriter output, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        _text = output;
        _leaveOpen = leaveOpen;
    }

    /// <summary>One record's XML, as a string (no trailing blank line).</summary>
    public static string ToXml(EvtxElement root)
    {
        using var buffer = new Utf8Buffer();
        XmlRenderer.WriteElement(buffer, new ElementView(root), 0);
        return buffer.ToUtf8String();
    }

    public void Write(EvtxRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        XmlRenderer.WriteElement(_buffer, new ElementView(record.Root), 0);
        _buffer.Write((byte)'\n');
        if (_buffer.Length >= FlushThreshold)
            FlushBuffer();
    }

    /// <summary>
    /// Writes every record of a file in file order and returns how many were written. Chunks are rendered in parallel
    /// straight from their templates (no record trees); the file's diagnostics go to its <see cref="EvtxOptions.OnDiagnostic"/>.
    /// </summary>
    public long WriteAll(EvtxFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        long count = 0;
        var options = file.Options;
        foreach (var (output, records, diagnostics) in file.DecodeChunks(
            (buffer, length, index, offset) =>
            {
                var sink = new XmlSink(new Utf8Buffer(2 * length));
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

        _buffer.Dispose();
    }

    private void FlushBuffer()
    {
        if (_buffer.Length == 0)
            return;
        WriteOut(_buffer.WrittenSpan);
        _buffer.Clear();
    }

    private void WriteOut(ReadOnlySpan<byte> utf8)
    {
        if (_stream is not null)
            _stream.Write(utf8);
        else
            _text!.Write(Encoding.UTF8.GetString(utf8));
    }
}
