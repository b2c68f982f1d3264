using System.Buffers.Binary;
using System.Text;

namespace Ooda.Formats.Evtx.Tests.Writer;

/// <summary>A substitution value as the test writer stores it: its type byte and raw bytes.</summary>
public sealed record TestValue(EvtxValueType Type, byte[] Bytes)
{
    public static TestValue Null { get; } = new(EvtxValueType.Null, []);

    public static TestValue String(string s) => new(EvtxValueType.String, Encoding.Unicode.GetBytes(s));

    public static TestValue Ansi(string s) => new(EvtxValueType.AnsiString, Encoding.Latin1.GetBytes(s));

    public static TestValue Int8(sbyte v) => new(EvtxValueType.Int8, [(byte)v]);

    public static TestValue UInt8(byte v) => new(EvtxValueType.UInt8, [v]);

    public static TestValue Int16(short v) => Le(EvtxValueType.Int16, 2, b => BinaryPrimitives.WriteInt16LittleEndian(b, v));

    public static TestValue UInt16(ushort v) => Le(EvtxValueType.UInt16, 2, b => BinaryPrimitives.WriteUInt16LittleEndian(b, v));

    public static TestValue Int32(int v) => Le(EvtxValueType.Int32, 4, b => BinaryPrimitives.WriteInt32LittleEndian(b, v));

    public static TestValue UInt32(uint v) => Le(EvtxValueType.UInt32, 4, b => BinaryPrimitives.WriteUInt32LittleEndian(b, v));

    public static TestValue Int64(long v) => Le(EvtxValueType.Int64, 8, b => BinaryPrimitives.WriteInt64LittleEndian(b, v));

    public static TestValue UInt64(ulong v) => Le(EvtxValueType.UInt64, 8, b => BinaryPrimitives.WriteUInt64LittleEndian(b, v));

    public static TestValue Real32(float v) => Le(EvtxValueType.Real32, 4, b => BinaryPrimitives.WriteSingleLittleEndian(b, v));

    public static TestValue Real64(double v) => Le(EvtxValueType.Real64, 8, b => BinaryPrimitives.WriteDoubleLittleEndian(b, v));

    public static TestValue Bool(bool v) => Le(EvtxValueType.Bool, 4, b => BinaryPrimitives.WriteInt32LittleEndian(b, v ? 1 : 0));

    public static TestValue Binary(params byte[] v) => new(EvtxValueType.Binary, v);

    public static TestValue Guid(Guid v) => new(EvtxValueType.Guid, v.ToByteArray());

    public static TestValue SizeT(ulong v) => Le(EvtxValueType.SizeT, 8, b => BinaryPrimitives.WriteUInt64LittleEndian(b, v));

    public static TestValue FileTime(DateTime utc) => Le(EvtxValueType.FileTime, 8, b => BinaryPrimitives.WriteInt64LittleEndian(b, utc.ToFileTimeUtc()));

    public static TestValue SystemTime(DateTime t) => new(EvtxValueType.SystemTime, SystemTimeBytes(t));

    /// <summary>A SID from its string form, e.g. <c>S-1-5-21-1-2-3-500</c>.</summary>
    public static TestValue Sid(string sid) => new(EvtxValueType.Sid, SidBytes(sid));

    public static TestValue HexInt32(uint v) => Le(EvtxValueType.HexInt32, 4, b => BinaryPrimitives.WriteUInt32LittleEndian(b, v));

    public static TestValue HexInt64(ulong v) => Le(EvtxValueType.HexInt64, 8, b => BinaryPrimitives.WriteUInt64LittleEndian(b, v));

    public static TestValue StringArray(params string[] items) =>
        new(EvtxValueType.StringArray, Encoding.Unicode.GetBytes(string.Concat(items.Select(i => i + "\0"))));

    public static TestValue AnsiArray(params string[] items) =>
        new(EvtxValueType.AnsiStringArray, Encoding.Latin1.GetBytes(string.Concat(items.Select(i => i + "\0"))));

    /// <summary>An array of a fixed-size or SID type: the items' bytes back to back.</summary>
    public static TestValue Array(params TestValue[] items) =>
        new((EvtxValueType)((byte)items[0].Type | 0x80), items.SelectMany(i => i.Bytes).ToArray());

    /// <summary>A nested Binary XML fragment (built by <see cref="BinXmlBuilder"/> at its final chunk offset).</summary>
    public static TestValue BinXml(Func<int, byte[]> fragmentAtOffset) => new(EvtxValueType.BinXml, []) { Fragment = fragmentAtOffset };

    internal Func<int, byte[]>? Fragment { get; init; }

    private static TestValue Le(EvtxValueType type, int size, Action<byte[]> write)
    {
        var bytes = new byte[size];
        write(bytes);
        return new TestValue(type, bytes);
    }

    private static byte[] SystemTimeBytes(DateTime t)
    {
        var b = new byte[16];
        ushort[] parts = [(ushort)t.Year, (ushort)t.Month, (ushort)t.DayOfWeek, (ushort)t.Day, (ushort)t.Hour, (ushort)t.Minute, (ushort)t.Second, (ushort)t.Millisecond];
        for (var i = 0; i < parts.Length; i++)
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2 * i), parts[i]);
        return b;
    }

    private static byte[] SidBytes(string sid)
    {
        var parts = sid.Split('-');
        var subs = parts.Skip(3).Select(uint.Parse).ToArray();
        var b = new byte[8 + (4 * subs.Length)];
        b[0] = byte.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        b[1] = (byte)subs.Length;
        var authority = ulong.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 6; i++)
            b[2 + i] = (byte)(authority >> (8 * (5 - i)));
        for (var i = 0; i < subs.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8 + (4 * i)), subs[i]);
        return b;
    }
}
