using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>Formats typed values as text in the crate's or libevtx's conventions.</summary>
internal static class ValueFormatter
{
    private static ReadOnlySpan<byte> HexUpper => "0123456789ABCDEF"u8;

    /// <summary>Windows-1252 code points for bytes 0x80–0x9F (the rest map to themselves).</summary>
    private static ReadOnlySpan<char> Cp1252High =>
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    /// <summary>True when the crate prints the value as a bare JSON number or boolean.</summary>
    public static bool IsJsonNumber(EvtxValueType type) => type is >= EvtxValueType.Int8 and <= EvtxValueType.UInt64 or EvtxValueType.Bool;

    public static void Write(Utf8Buffer output, in EvtxValue value, ValueStyle style, TextEscape escape)
    {
        var raw = value.Raw.Span;
        var type = value.Type;
        if (value.IsArray)
        {
            var count = value.Count;
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                    output.Write((byte)',');
                Write(output, value.Item(i), style, escape);
            }

            return;
        }

        var size = EvtxValue.FixedSize(type);
        if (size > 0 && raw.Length < size)
        {
            WriteHexBytes(output, raw);
            return;
        }

        switch (type)
        {
            case EvtxValueType.Null:
                break;
            case EvtxValueType.String:
                output.WriteText(DecodeUtf16(raw), escape);
                break;
            case EvtxValueType.AnsiString:
                WriteAnsi(output, raw, escape);
                break;
            case EvtxValueType.Int8: output.Write((long)(sbyte)raw[0]); break;
            case EvtxValueType.UInt8: output.Write((ulong)raw[0]); break;
            case EvtxValueType.Int16: output.Write((long)BinaryPrimitives.ReadInt16LittleEndian(raw)); break;
            case EvtxValueType.UInt16: output.Write((ulong)BinaryPrimitives.ReadUInt16LittleEndian(raw)); break;
            case EvtxValueType.Int32: output.Write((long)BinaryPrimitives.ReadInt32LittleEndian(raw)); break;
            case EvtxValueType.UInt32: output.Write((ulong)BinaryPrimitives.ReadUInt32LittleEndian(raw)); break;
            case EvtxValueType.Int64: output.Write(BinaryPrimitives.ReadInt64LittleEndian(raw)); break;
            case EvtxValueType.UInt64: output.Write(BinaryPrimitives.ReadUInt64LittleEndian(raw)); break;
            case EvtxValueType.Real32:
                WriteFloat(output, BinaryPrimitives.ReadSingleLittleEndian(raw));
                break;
            case EvtxValueType.Real64:
                WriteFloat(output, BinaryPrimitives.ReadDoubleLittleEndian(raw));
                break;
            case EvtxValueType.Bool:
                output.Write(BinaryPrimitives.ReadInt32LittleEndian(raw) != 0 ? "true"u8 : "false"u8);
                break;
            case EvtxValueType.Guid:
                WriteGuid(output, raw, style == ValueStyle.Libevtx);
                break;
            case EvtxValueType.SizeT:
                if (raw.Length >= 8)
                    WriteHex(output, BinaryPrimitives.ReadUInt64LittleEndian(raw), style == ValueStyle.Libevtx ? 16 : 0);
                else if (raw.Length >= 4)
                    WriteHex(output, BinaryPrimitives.ReadUInt32LittleEndian(raw), style == ValueStyle.Libevtx ? 8 : 0);
                else
                    WriteHexBytes(output, raw);
                break;
            case EvtxValueType.FileTime:
                FileTime.Write(output, BinaryPrimitives.ReadUInt64LittleEndian(raw), style == ValueStyle.Libevtx ? 9 : 6);
                break;
            case EvtxValueType.SystemTime:
                FileTime.WriteDateTime(output,
                    BinaryPrimitives.ReadUInt16LittleEndian(raw), BinaryPrimitives.ReadUInt16LittleEndian(raw[2..]),
                    BinaryPrimitives.ReadUInt16LittleEndian(raw[6..]), BinaryPrimitives.ReadUInt16LittleEndian(raw[8..]),
                    BinaryPrimitives.ReadUInt16LittleEndian(raw[10..]), BinaryPrimitives.ReadUInt16LittleEndian(raw[12..]),
                    (ulong)BinaryPrimitives.ReadUInt16LittleEndian(raw[14..]) * (style == ValueStyle.Libevtx ? 1_000_000UL : 1000UL),
                    style == ValueStyle.Libevtx ? 9 : 6);
                break;
            case EvtxValueType.Sid:
                WriteSid(output, raw);
                break;
            case EvtxValueType.HexInt32:
                WriteHex(output, BinaryPrimitives.ReadUInt32LittleEndian(raw), style == ValueStyle.Libevtx ? 8 : 0);
                break;
            case EvtxValueType.HexInt64:
                WriteHex(output, BinaryPrimitives.ReadUInt64LittleEndian(raw), style == ValueStyle.Libevtx ? 16 : 0);
                break;
            default:
                WriteHexBytes(output, raw);
                break;
        }
    }

    /// <summary>Decodes a UTF-16LE string value, stopping at the first NUL.</summary>
    public static ReadOnlySpan<char> DecodeUtf16(ReadOnlySpan<byte> raw)
    {
        var chars = MemoryMarshal.Cast<byte, char>(raw[..(raw.Length & ~1)]);
        var nul = chars.IndexOf('\0');
        return nul >= 0 ? chars[..nul] : chars;
    }

    public static string DecodeAnsi(ReadOnlySpan<byte> raw)
    {
        var nul = raw.IndexOf((byte)0);
        if (nul >= 0)
            raw = raw[..nul];
        return string.Create(raw.Length, raw.ToArray(), static (span, bytes) =>
        {
            for (var i = 0; i < bytes.Length; i++)
                span[i] = bytes[i] is >= 0x80 and <= 0x9F ? Cp1252High[bytes[i] - 0x80] : (char)bytes[i];
        });
    }

    public static void WriteHexBytes(Utf8Buffer output, ReadOnlySpan<byte> raw)
    {
        var span = output.GetSpan(raw.Length * 2);
        for (var i = 0; i < raw.Length; i++)
        {
            span[2 * i] = HexUpper[raw[i] >> 4];
            span[(2 * i) + 1] = HexUpper[raw[i] & 0xF];
        }

        output.Advance(raw.Length * 2);
    }

    private static void WriteAnsi(Utf8Buffer output, ReadOnlySpan<byte> raw, TextEscape escape) =>
        output.WriteText(DecodeAnsi(raw), escape);

    private static void WriteHex(Utf8Buffer output, ulong value, int width)
    {
        output.Write("0x"u8);
        output.WriteHex(value, width);
    }

    private static void WriteFloat(Utf8Buffer output, double value)
    {
        var span = output.GetSpan(32);
        value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    private static void WriteFloat(Utf8Buffer output, float value)
    {
        var span = output.GetSpan(32);
        value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    private static void WriteGuid(Utf8Buffer output, ReadOnlySpan<byte> raw, bool braces)
    {
        ReadOnlySpan<byte> order = [3, 2, 1, 0, 0xFF, 5, 4, 0xFF, 7, 6, 0xFF, 8, 9, 0xFF, 10, 11, 12, 13, 14, 15];
        var span = output.GetSpan(38);
        var n = 0;
        if (braces)
            span[n++] = (byte)'{';
        foreach (var index in order)
        {
            if (index == 0xFF)
            {
                span[n++] = (byte)'-';
                continue;
            }

            span[n++] = HexUpper[raw[index] >> 4];
            span[n++] = HexUpper[raw[index] & 0xF];
        }

        if (braces)
            span[n++] = (byte)'}';
        output.Advance(n);
    }

    private static void WriteSid(Utf8Buffer output, ReadOnlySpan<byte> raw)
    {
        if (raw.Length < 8)
        {
            output.Write("S-?"u8);
            return;
        }

        var authority = ((ulong)raw[2] << 40) | ((ulong)raw[3] << 32) | ((ulong)raw[4] << 24)
            | ((ulong)raw[5] << 16) | ((ulong)raw[6] << 8) | raw[7];
        output.Write("S-"u8);
        output.Write((ulong)raw[0]);
        output.Write((byte)'-');
        output.Write(authority);
        var count = raw[1];
        for (var i = 0; i < count && 8 + (4 * i) + 4 <= raw.Length; i++)
        {
            output.Write((byte)'-');
            output.Write((ulong)BinaryPrimitives.ReadUInt32LittleEndian(raw[(8 + (4 * i))..]));
        }
    }
}
