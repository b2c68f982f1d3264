using System.Text;

namespace Ooda.Formats.Text.Internal;

/// <summary>Detects the byte-order mark (or a BOM-less UTF-16 start) and presents any input as UTF-8.</summary>
internal static class TextEncodingSniffer
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private const byte Utf16LeBom0 = 0xFF;
    private const byte Utf16LeBom1 = 0xFE;

    /// <summary>The encoding of the bytes and how many BOM bytes to skip.</summary>
    public static (TextEncodingKind Kind, int BomLength) Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Utf8Bom))
            return (TextEncodingKind.Utf8, 3);
        if (head.Length >= 2 && head[0] == Utf16LeBom0 && head[1] == Utf16LeBom1)
            return (TextEncodingKind.Utf16LittleEndian, 2);
        if (head.Length >= 2 && head[0] == Utf16LeBom1 && head[1] == Utf16LeBom0)
            return (TextEncodingKind.Utf16BigEndian, 2);
        // BOM-less UTF-16 of ASCII text: every other byte is zero.
        if (head.Length >= 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0)
            return (TextEncodingKind.Utf16LittleEndian, 0);
        if (head.Length >= 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0)
            return (TextEncodingKind.Utf16BigEndian, 0);
        return (TextEncodingKind.Utf8, 0);
    }

    /// <summary>The head as UTF-8 without a BOM (transcoded when it is UTF-16), for <c>CanParse</c>.</summary>
    public static ReadOnlySpan<byte> HeadAsUtf8(ReadOnlySpan<byte> head)
    {
        var (kind, bom) = Detect(head);
        head = head[bom..];
        if (kind == TextEncodingKind.Utf8)
            return head;
        var encoding = kind == TextEncodingKind.Utf16LittleEndian ? Encoding.Unicode : Encoding.BigEndianUnicode;
        return Encoding.UTF8.GetBytes(encoding.GetString(head[..(head.Length & ~1)]));
    }

    /// <summary>
    /// A UTF-8 view of the stream after its BOM. Offsets in the view equal file offsets minus <paramref name="startOffset"/>
    /// when <paramref name="offsetsKnown"/>; for UTF-16 input they are not file offsets.
    /// </summary>
    public static Stream OpenUtf8(Stream stream, out long startOffset, out bool offsetsKnown)
    {
        var prefix = new byte[4];
        var length = 0;
        while (length < prefix.Length)
        {
            var n = stream.Read(prefix, length, prefix.Length - length);
            if (n == 0)
                break;
            length += n;
        }

        var (kind, bom) = Detect(prefix.AsSpan(0, length));
        var rest = new byte[length - bom];
        prefix.AsSpan(bom, length - bom).CopyTo(rest);
        var replay = new PrefixedStream(rest, rest.Length, stream);
        startOffset = bom;
        if (kind == TextEncodingKind.Utf8)
        {
            offsetsKnown = true;
            return replay;
        }

        offsetsKnown = false;
        var encoding = kind == TextEncodingKind.Utf16LittleEndian ? Encoding.Unicode : Encoding.BigEndianUnicode;
        return Encoding.CreateTranscodingStream(replay, encoding, Encoding.UTF8, leaveOpen: true);
    }
}
