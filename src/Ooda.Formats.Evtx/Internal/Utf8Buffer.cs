using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>A growable UTF-8 output buffer rented from the array pool, with escaping writers.</summary>
internal sealed class Utf8Buffer : IBufferWriter<byte>, IDisposable
{
    /// <summary>ASCII characters each escaping writes as they are.</summary>
    private static readonly SearchValues<char> _plainNone = SearchValues.Create(AsciiWithout(static _ => false));
    private static readonly SearchValues<char> _plainJson = SearchValues.Create(AsciiWithout(static c => c < 0x20 || c is '"' or '\\'));
    private static readonly SearchValues<char> _plainXmlText = SearchValues.Create(AsciiWithout(static c => c is '&' or '<' or '>'));
    private static readonly SearchValues<char> _plainXmlAttribute = SearchValues.Create(AsciiWithout(static c => c is '&' or '<' or '>' or '"'));

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
        var plain = PlainAscii(escape);
        while (true)
        {
            // Runs of ASCII that need no escaping (nearly all event text) are found and narrowed with vector instructions.
            Ensure(text.Length * 3);
            var stop = text.IndexOfAnyExcept(plain);
            var run = stop < 0 ? text : text[..stop];
            if (!run.IsEmpty)
            {
                Ascii.FromUtf16(run, _buffer.AsSpan(_length), out var narrowed);
                _length += narrowed;
            }

            if (stop < 0)
                return;
            text = text[(stop + WriteSpecial(text[stop..], escape))..];
        }
    }

    /// <summary>Writes the first character (or surrogate pair) of the text, escaped or encoded; returns the chars used.</summary>
    private int WriteSpecial(ReadOnlySpan<char> text, TextEscape escape)
    {
        int c = text[0];
        if (c < 0x80)
        {
            WriteEscapedAscii(c, escape);
            return 1;
        }

        var span = GetSpan(4);
        if (c < 0x800)
        {
            span[0] = (byte)(0xC0 | (c >> 6));
            span[1] = (byte)(0x80 | (c & 0x3F));
            Advance(2);
            return 1;
        }

        if (!char.IsSurrogate((char)c))
        {
            span[0] = (byte)(0xE0 | (c >> 12));
            span[1] = (byte)(0x80 | ((c >> 6) & 0x3F));
            span[2] = (byte)(0x80 | (c & 0x3F));
            Advance(3);
            return 1;
        }

        if (char.IsHighSurrogate((char)c) && text.Length > 1 && char.IsLowSurrogate(text[1]))
        {
            var scalar = char.ConvertToUtf32((char)c, text[1]);
            span[0] = (byte)(0xF0 | (scalar >> 18));
            span[1] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
            span[2] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
            span[3] = (byte)(0x80 | (scalar & 0x3F));
            Advance(4);
            return 2;
        }

        span[0] = 0xEF;
        span[1] = 0xBF;
        span[2] = 0xBD;
        Advance(3);
        return 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static SearchValues<char> PlainAscii(TextEscape escape) => escape switch
    {
        TextEscape.Json => _plainJson,
        TextEscape.XmlText => _plainXmlText,
        TextEscape.XmlAttribute => _plainXmlAttribute,
        _ => _plainNone,
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

    private static string AsciiWithout(Func<char, bool> excluded)
    {
        var chars = new List<char>(128);
        for (var c = (char)0; c < 0x80; c++)
        {
            if (!excluded(c))
                chars.Add(c);
        }

        return new string([.. chars]);
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
