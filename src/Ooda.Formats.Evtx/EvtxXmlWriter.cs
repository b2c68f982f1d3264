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
        WriteElement(buffer, root, 0);
        return buffer.ToUtf8String();
    }

    public void Write(EvtxRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        WriteElement(_buffer, record.Root, 0);
        _buffer.Write((byte)'\n');
        if (_buffer.Length >= FlushThreshold)
            FlushBuffer();
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

    private static void WriteElement(Utf8Buffer output, EvtxElement element, int depth)
    {
        Indent(output, depth);
        output.Write((byte)'<');
        output.WriteText(element.Name, TextEscape.None);
        foreach (var attribute in element.Attributes)
        {
            if (!CrateJsonRenderer.HasContent(attribute.Value))
                continue;
            output.Write((byte)' ');
            output.WriteText(attribute.Name, TextEscape.None);
            output.Write("=\""u8);
            WriteContent(output, attribute.Value, TextEscape.XmlAttribute);
            output.Write((byte)'"');
        }

        if (!element.HasElementChild && !HasText(element.Children))
        {
            output.Write("/>\n"u8);
            return;
        }

        output.Write((byte)'>');
        if (element.HasElementChild)
        {
            output.Write((byte)'\n');
            foreach (var child in element.Children)
            {
                if (child is EvtxElement e)
                    WriteElement(output, e, depth + 1);
                else
                    WriteContent(output, [child], TextEscape.XmlText);
            }

            Indent(output, depth);
        }
        else
        {
            WriteContent(output, element.Children, TextEscape.XmlText);
        }

        output.Write("</"u8);
        output.WriteText(element.Name, TextEscape.None);
        output.Write(">\n"u8);
    }

    private static bool HasText(IReadOnlyList<EvtxNode> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case EvtxText t when t.Text.Length > 0:
                case EvtxCData c when c.Text.Length > 0:
                case EvtxValueNode v when !v.Value.IsEmpty:
                case EvtxCharRef or EvtxEntityRef or EvtxProcessingInstruction:
                    return true;
            }
        }

        return false;
    }

    private static void WriteContent(Utf8Buffer output, IReadOnlyList<EvtxNode> nodes, TextEscape escape)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case EvtxText t:
                    output.WriteText(t.Text, escape);
                    break;
                case EvtxValueNode v:
                    ValueFormatter.Write(output, v.Value, ValueStyle.Libevtx, escape);
                    break;
                case EvtxCData c:
                    output.Write("<![CDATA["u8);
                    output.WriteText(c.Text, TextEscape.None);
                    output.Write("]]>"u8);
                    break;
                case EvtxCharRef r:
                    output.Write("&#"u8);
                    output.Write((ulong)r.Value);
                    output.Write((byte)';');
                    break;
                case EvtxEntityRef r:
                    output.Write((byte)'&');
                    output.WriteText(r.Name, TextEscape.None);
                    output.Write((byte)';');
                    break;
                case EvtxProcessingInstruction p:
                    output.Write("<?"u8);
                    output.WriteText(p.Target, TextEscape.None);
                    output.Write((byte)' ');
                    output.WriteText(p.Data, TextEscape.None);
                    output.Write("?>"u8);
                    break;
            }
        }
    }

    private static void Indent(Utf8Buffer output, int depth)
    {
        var span = output.GetSpan(2 * depth);
        span[..(2 * depth)].Fill((byte)' ');
        output.Advance(2 * depth);
    }

    private void FlushBuffer()
    {
        if (_buffer.Length == 0)
            return;
        if (_stream is not null)
            _stream.Write(_buffer.WrittenSpan);
        else
            _text!.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _buffer.Clear();
    }
}
