using System.Buffers;
using System.Text;
using Ooda.Core;

namespace Ooda.Store;

/// <summary>
/// Events on their way into the store, with their fields already encoded as one UTF-8 JSON object each. Encoding is
/// the expensive half of storing events, so a parser's thread fills a batch while the store's thread appends the
/// previous one. Batches are reusable: <see cref="Clear"/> keeps the buffer.
/// </summary>
public sealed class EventBatch
{
    // The characters JSON requires escaping (RFC 8259 §7); everything else, non-ASCII included, is written as UTF-8.
    private static readonly SearchValues<char> _mustEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    private static readonly byte[] _hex = "0123456789abcdef"u8.ToArray();

    private readonly List<EvidenceEvent> _events = [];
    private readonly List<int> _ends = [];
    private byte[] _buffer = new byte[1 << 16];
    private int _length;

    public int Count => _events.Count;

    /// <summary>Adds an event, encoding its fields now.</summary>
    public void Add(EvidenceEvent e)
    {
        Put((byte)'{');
        var first = true;
        foreach (var (name, value) in e.Fields)
        {
            if (!first)
                Put((byte)',');
            first = false;
            PutString(name);
            Put((byte)':');
            PutString(value);
        }

        Put((byte)'}');
        _events.Add(e);
        _ends.Add(_length);
    }

    public void Clear()
    {
        _events.Clear();
        _ends.Clear();
        _length = 0;
    }

    internal EvidenceEvent Event(int index) => _events[index];

    /// <summary>The encoded fields of one event; a <see cref="Span{T}"/> only because the appender's API asks for one.</summary>
    internal Span<byte> Fields(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _buffer.AsSpan(start, _ends[index] - start);
    }

    private void PutString(string text)
    {
        Put((byte)'"');
        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            var stop = rest.IndexOfAny(_mustEscape);
            var plain = stop < 0 ? rest : rest[..stop];
            Reserve(Encoding.UTF8.GetMaxByteCount(plain.Length));
            _length += Encoding.UTF8.GetBytes(plain, _buffer.AsSpan(_length));
            if (stop < 0)
                break;
            PutEscaped(rest[stop]);
            rest = rest[(stop + 1)..];
        }

        Put((byte)'"');
    }

    private void PutEscaped(char c)
    {
        Reserve(6);
        _buffer[_length++] = (byte)'\\';
        switch (c)
        {
            case '"': _buffer[_length++] = (byte)'"'; break;
            case '\\': _buffer[_length++] = (byte)'\\'; break;
            case '\n': _buffer[_length++] = (byte)'n'; break;
            case '\r': _buffer[_length++] = (byte)'r'; break;
            case '\t': _buffer[_length++] = (byte)'t'; break;
            default:
                _buffer[_length++] = (byte)'u';
                _buffer[_length++] = (byte)'0';
                _buffer[_length++] = (byte)'0';
                _buffer[_length++] = _hex[c >> 4];
                _buffer[_length++] = _hex[c & 0xf];
                break;
        }
    }

    private void Put(byte b)
    {
        Reserve(1);
        _buffer[_length++] = b;
    }

    private void Reserve(int bytes)
    {
        if (_length + bytes <= _buffer.Length)
            return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
    }
}
