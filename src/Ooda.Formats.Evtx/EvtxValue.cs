using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Ooda.Formats.Evtx.Internal;

namespace Ooda.Formats.Evtx;

/// <summary>
/// A typed Binary XML value, kept as its raw little-endian bytes (borrowed from the chunk) and formatted on demand.
/// </summary>
public readonly struct EvtxValue : IEquatable<EvtxValue>
{
    public EvtxValue(EvtxValueType type, ReadOnlyMemory<byte> raw)
    {
        Type = type;
        Raw = raw;
    }

    public EvtxValueType Type { get; }

    /// <summary>The value's bytes as stored in the record.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    public bool IsArray => ((byte)Type & 0x80) != 0;

    /// <summary>True for values an optional substitution leaves out: null, empty strings, binaries and arrays.</summary>
    public bool IsEmpty => Type switch
    {
        EvtxValueType.Null => true,
        EvtxValueType.String or EvtxValueType.AnsiString => IsBlankString(Raw.Span, Type == EvtxValueType.String),
        EvtxValueType.Binary or EvtxValueType.BinXml => Raw.IsEmpty,
        _ => IsArray && Raw.IsEmpty,
    };

    /// <summary>The element size of a fixed-size type, or 0 for variable-size types.</summary>
    internal static int FixedSize(EvtxValueType type) => (EvtxValueType)((byte)type & 0x7F) switch
    {
        EvtxValueType.Int8 or EvtxValueType.UInt8 => 1,
        EvtxValueType.Int16 or EvtxValueType.UInt16 => 2,
        EvtxValueType.Int32 or EvtxValueType.UInt32 or EvtxValueType.Real32 or EvtxValueType.Bool
            or EvtxValueType.HexInt32 => 4,
        EvtxValueType.Int64 or EvtxValueType.UInt64 or EvtxValueType.Real64 or EvtxValueType.FileTime
            or EvtxValueType.HexInt64 => 8,
        EvtxValueType.Guid or EvtxValueType.SystemTime => 16,
        _ => 0,
    };

    /// <summary>The number of items of an array value (1 for a scalar).</summary>
    public int Count
    {
        get
        {
            if (!IsArray)
                return 1;
            var span = Raw.Span;
            var scalar = (EvtxValueType)((byte)Type & 0x7F);
            switch (scalar)
            {
                case EvtxValueType.String:
                    return CountTerminated(MemoryMarshal.Cast<byte, char>(span[..(span.Length & ~1)]), '\0');
                case EvtxValueType.AnsiString:
                    return CountTerminated(span, (byte)0);
                case EvtxValueType.Sid:
                    return SidItems(span, null);
                case EvtxValueType.SizeT:
                    return span.Length / SizeTWidth(span.Length);
                default:
                    var size = FixedSize(scalar);
                    return size == 0 ? 1 : span.Length / size;
            }
        }
    }

    /// <summary>The item at an index of an array value, as a scalar value.</summary>
    public EvtxValue Item(int index)
    {
        if (!IsArray)
            return this;
        var scalar = (EvtxValueType)((byte)Type & 0x7F);
        var span = Raw.Span;
        switch (scalar)
        {
            case EvtxValueType.String:
                return new EvtxValue(scalar, TerminatedItem(Raw, index, 2));
            case EvtxValueType.AnsiString:
                return new EvtxValue(scalar, TerminatedItem(Raw, index, 1));
            case EvtxValueType.Sid:
            {
                var ranges = new List<Range>();
                SidItems(span, ranges);
                return new EvtxValue(scalar, Raw[ranges[index]]);
            }

            case EvtxValueType.SizeT:
            {
                var width = SizeTWidth(span.Length);
                return new EvtxValue(scalar, Raw.Slice(index * width, width));
            }

            default:
            {
                var size = FixedSize(scalar);
                // An array of a variable-size type we cannot split is one item of the scalar type.
                return size == 0 ? new EvtxValue(scalar, Raw) : new EvtxValue(scalar, Raw.Slice(index * size, size));
            }
        }
    }

    /// <summary>The value as text, formatted as the Rust <c>evtx</c> crate renders it (arrays comma-separated).</summary>
    public override string ToString()
    {
        var buffer = new Utf8Buffer(64);
        try
        {
            ValueFormatter.Write(buffer, this, ValueStyle.Crate, TextEscape.None);
            return buffer.ToUtf8String();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>The value as a signed integer when it is an integer type (not hex, not arrays).</summary>
    public bool TryGetInt64(out long value)
    {
        var span = Raw.Span;
        var size = FixedSize(Type);
        if (size == 0 || span.Length < size)
        {
            value = 0;
            return false;
        }

        switch (Type)
        {
            case EvtxValueType.Int8: value = (sbyte)span[0]; return true;
            case EvtxValueType.UInt8: value = span[0]; return true;
            case EvtxValueType.Int16: value = BinaryPrimitives.ReadInt16LittleEndian(span); return true;
            case EvtxValueType.UInt16: value = BinaryPrimitives.ReadUInt16LittleEndian(span); return true;
            case EvtxValueType.Int32: value = BinaryPrimitives.ReadInt32LittleEndian(span); return true;
            case EvtxValueType.UInt32 or EvtxValueType.HexInt32: value = BinaryPrimitives.ReadUInt32LittleEndian(span); return true;
            case EvtxValueType.Int64: value = BinaryPrimitives.ReadInt64LittleEndian(span); return true;
            case EvtxValueType.UInt64 or EvtxValueType.HexInt64: value = BinaryPrimitives.ReadInt64LittleEndian(span); return true;
            default: value = 0; return false;
        }
    }

    /// <summary>The value as a UTC time when it is a FILETIME or SYSTEMTIME that .NET can represent.</summary>
    public bool TryGetDateTime(out DateTime value)
    {
        var span = Raw.Span;
        if (Type == EvtxValueType.FileTime && span.Length >= 8)
            return FileTime.TryToDateTime(BinaryPrimitives.ReadInt64LittleEndian(span), out value);
        if (Type == EvtxValueType.SystemTime && span.Length >= 16)
        {
            try
            {
                value = new DateTime(
                    BinaryPrimitives.ReadUInt16LittleEndian(span), BinaryPrimitives.ReadUInt16LittleEndian(span[2..]),
                    BinaryPrimitives.ReadUInt16LittleEndian(span[6..]), BinaryPrimitives.ReadUInt16LittleEndian(span[8..]),
                    BinaryPrimitives.ReadUInt16LittleEndian(span[10..]), BinaryPrimitives.ReadUInt16LittleEndian(span[12..]),
                    BinaryPrimitives.ReadUInt16LittleEndian(span[14..]), DateTimeKind.Utc);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
            }
        }

        value = default;
        return false;
    }

    public bool Equals(EvtxValue other) => Type == other.Type && Raw.Span.SequenceEqual(other.Raw.Span);

    public override bool Equals(object? obj) => obj is EvtxValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, Raw.Length);

    public static bool operator ==(EvtxValue left, EvtxValue right) => left.Equals(right);

    public static bool operator !=(EvtxValue left, EvtxValue right) => !left.Equals(right);

    /// <summary>SIZE_T has no width of its own: 8 bytes when the size allows, else 4.</summary>
    internal static int SizeTWidth(int length) => length % 8 == 0 && length > 0 ? 8 : 4;

    private static bool IsBlankString(ReadOnlySpan<byte> raw, bool utf16) =>
        utf16 ? raw.Length < 2 || (raw[0] == 0 && raw[1] == 0) : raw.IsEmpty || raw[0] == 0;

    private static int CountTerminated<T>(ReadOnlySpan<T> span, T terminator)
        where T : IEquatable<T>
    {
        if (span.IsEmpty)
            return 0;
        var count = span.Count(terminator);
        return span[^1].Equals(terminator) ? count : count + 1;
    }

    private static ReadOnlyMemory<byte> TerminatedItem(ReadOnlyMemory<byte> raw, int index, int unit)
    {
        var span = raw.Span;
        var start = 0;
        var item = 0;
        for (var i = 0; i + unit <= span.Length; i += unit)
        {
            var isNul = unit == 2 ? span[i] == 0 && span[i + 1] == 0 : span[i] == 0;
            if (!isNul)
                continue;
            if (item == index)
                return raw[start..i];
            item++;
            start = i + unit;
        }

        return item == index ? raw[start..(span.Length - (span.Length - start) % unit)] : ReadOnlyMemory<byte>.Empty;
    }

    private static int SidItems(ReadOnlySpan<byte> span, List<Range>? ranges)
    {
        var count = 0;
        var offset = 0;
        while (offset + 8 <= span.Length)
        {
            var length = 8 + (4 * span[offset + 1]);
            if (offset + length > span.Length)
                break;
            ranges?.Add(new Range(offset, offset + length));
            offset += length;
            count++;
        }

        return count;
    }
}
