using System.Text;
using Ooda.Formats.Evtx.Internal;

namespace Ooda.Formats.Evtx;

/// <summary>Writes records as JSON in the Rust <c>evtx</c> crate's shape (what SigmaHQ regression data stores).</summary>
public sealed class EvtxJsonWriter : IDisposable
{
    /// <summary>Bytes buffered before they go to the output.</summary>
    private const int FlushThreshold = 1 << 16;

    private readonly Stream? _stream;
    private readonly TextWriter? _text;
    private readonly Utf8Buffer _buffer = new(FlushThreshold * 2);
    private readonly CrateJsonRenderer _renderer;
    private readonly bool _leaveOpen;

    public EvtxJsonWriter(Stream output, EvtxJsonOptions? options = null, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        _stream = output;
        _leaveOpen = leaveOpen;
        Options = options ?? EvtxJsonOptions.Pretty;
        _renderer = new CrateJsonRenderer(new JsonEmitter(_buffer, Options.Indented));
    }

    public EvtxJsonWriter(TextWriter output, EvtxJsonOptions? options = null, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        _text = output;
        _leaveOpen = leaveOpen;
        Options = options ?? EvtxJsonOptions.Pretty;
        _renderer = new CrateJsonRenderer(new JsonEmitter(_buffer, Options.Indented));
    }

    public EvtxJsonOptions Options { get; }

    /// <summary>One record's JSON, as a string.</summary>
    public static string ToJson(EvtxElement root, EvtxJsonOptions? options = null)
    {
        using var buffer = new Utf8Buffer();
        new CrateJsonRenderer(new JsonEmitter(buffer, (options ?? EvtxJsonOptions.Pretty).Indented)).WriteRecord(root);
        return buffer.ToUtf8String();
    }

    public void Write(EvtxRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _renderer.WriteRecord(record.Root);
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
