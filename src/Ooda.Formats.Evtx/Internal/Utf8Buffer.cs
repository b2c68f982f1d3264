using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>A growable UTF-8 output buffer rented from the array pool, with escaping writers.</summary>
internal sealed class Utf8Buffer : IBufferWriter<byte>, IDisposable
{
    private static ReadOnlySpan<byte> HexLower => "0123456789abcdef"u8;

    private byte[] _buffer;
    private int _length;

    public Utf8Buffer(int capacity = 4096) => _buffer = ArrayPool<byte>.Shared.Rent(capacity);

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public void Clear() => _length = 0;

    /// <summary>Drops what was written after <paramref name="length"/> bytes.</summary>
    public void Truncate(int length) => _length = Math.Min(_length, length);

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    public string ToUtf8String() => Encoding.UTF8.GetString(_buffer, 0, _length);

    public void Advance(int count) => _length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(Math.Max(sizeHint, 16));
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(Math.Max(sizeHint, 16));
        return _buffer.AsSpan(_length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(byte b)
    {
        if (_length >= _buffer.Length)
            Grow(1);
        _buffer[_length++] = b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length)
            Grow(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Write(long value)
    {
        Ensure(24);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    public void Write(ulong value)
    {
        Ensure(24);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>Writes digits zero-padded to a width.</summary>
    public void WritePadded(ulong value, int width)
    {
        Ensure(24);
        var span = _buffer.AsSpan(_length);
        var digits = 1;
        for (var v = value / 10; v != 0; v /= 10)
            digits++;
        var total = Math.Max(width, digits);
        for (var i = total - 1; i >= 0; i--)
        {
            span[i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        _length += total;
    }

    /// <summary>Writes lower-case hex, unpadded unless a width is given.</summary>
    public void WriteHex(ulong value, int width = 0)
    {
        Ensure(24);
        var digits = 1;
        for (var v = value >> 4; v != 0; v >>= 4)
            digits++;
        var total = Math.Max(width, digits);
        var span = _buffer.AsSpan(_length, total);
        for (var i = total - 1; i >= 0; i--)
        {
            span[i] = HexLower[(int)(value & 0xF)];
            value >>= 4;
        }

        _length += total;
    }

    /// <summary>Writes UTF-16 text as UTF-8, escaped; lone surrogates become U+FFFD.</summary>
    public void WriteText(ReadOnlySpan<char> text, TextEscape escape)
    {
        Ensure(text.Length * 3);
        var buffer = _buffer;
        var pos = _length;
        for (var i = 0; i < text.Length; i++)
        {
            int c = text[i];
            if (c < 0x80)
            {
                if (escape != TextEscape.None && NeedsEscape(c, escape))
                {
                    _length = pos;
                    WriteEscapedAscii(c, escape);
                    Ensure((text.Length - i) * 3);
                    buffer = _buffer;
                    pos = _length;
                    continue;
                }

                buffer[pos++] = (byte)c;
            }
            else if (c < 0x800)
            {
                buffer[pos++] = (byte)(0xC0 | (c >> 6));
                buffer[pos++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (char.IsSurrogate((char)c))
            {
                if (char.IsHighSurrogate((char)c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    var scalar = char.ConvertToUtf32((char)c, text[i + 1]);
                    i++;
                    buffer[pos++] = (byte)(0xF0 | (scalar >> 18));
                    buffer[pos++] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                    buffer[pos++] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                    buffer[pos++] = (byte)(0x80 | (scalar & 0x3F));
                }
                else
                {
                    buffer[pos++] = 0xEF;
                    buffer[pos++] = 0xBF;
                    buffer[pos++] = 0xBD;
                }
            }
            else
            {
                buffer[pos++] = (byte)(0xE0 | (c >> 12));
                buffer[pos++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                buffer[pos++] = (byte)(0x80 | (c & 0x3F));
            }
        }

        _length = pos;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NeedsEscape(int c, TextEscape escape) => escape switch
    {
        TextEscape.Json => c < 0x20 || c == '"' || c == '\\',
        TextEscape.XmlText => c is '&' or '<' or '>',
        TextEscape.XmlAttribute => c is '&' or '<' or '>' or '"',
        _ => false,
    };

    private void WriteEscapedAscii(int c, TextEscape escape)
    {
        if (escape == TextEscape.Json)
        {
            switch (c)
            {
                case '"': Write("\\\""u8); break;
                case '\\': Write("\\\\"u8); break;
                case '\n': Write("\\n"u8); break;
                case '\r': Write("\\r"u8); break;
                case '\t': Write("\\t"u8); break;
                case '\b': Write("\\b"u8); break;
                case '\f': Write("\\f"u8); break;
                default:
                    Write("\\u00"u8);
                    WriteHex((ulong)c, 2);
                    break;
            }

            return;
        }

        switch (c)
        {
            case '&': Write("&amp;"u8); break;
            case '<': Write("&lt;"u8); break;
            case '>': Write("&gt;"u8); break;
            default: Write("&quot;"u8); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length)
            Grow(extra);
    }

    private void Grow(int extra)
    {
        var next = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(next);
        if (_buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = next;
    }
}
