using Ooda.Formats.Evtx.Internal;

namespace Ooda.Formats.Evtx;

/// <summary>
/// Writes records as indented XML in the conventions of libevtx's <c>evtxexport -f xml</c>
/// (braced GUIDs, zero-padded hex, 100 ns times), one record per block followed by a blank line.
/// </summary>
public sealed class EvtxXmlWriter : IDisposable
{
    private readonly RecordOutput _output;

    public EvtxXmlWriter(Stream output, bool leaveOpen = true) =>
        _output = new RecordOutput(output ?? throw new ArgumentNullException(nameof(output)), null, leaveOpen);

    public EvtxXmlWriter(TextWriter output, bool leaveOpen = true) =>
        _output = new RecordOutput(null, output ?? throw new ArgumentNullException(nameof(output)), leaveOpen);

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
        XmlRenderer.WriteElement(_output.Buffer, new ElementView(record.Root), 0);
        _output.EndRecord();
    }

    /// <summary>
    /// Writes every record of a file in file order and returns how many were written. Chunks are rendered in parallel
    /// straight from their templates (no record trees); the file's diagnostics go to its <see cref="EvtxOptions.OnDiagnostic"/>.
    /// </summary>
    public long WriteAll(EvtxFile file, CancellationToken cancellationToken = default) =>
        _output.WriteAll(file, length => new XmlSink(new Utf8Buffer(2 * length)), cancellationToken);

    public void Flush() => _output.Flush();

    public void Dispose() => _output.Dispose();
}
