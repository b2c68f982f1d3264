using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) as EVTX uses it, slicing-by-8.</summary>
internal static class Crc32
{
    private const uint Polynomial = 0xEDB88320;

    private static readonly uint[] _table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues a CRC over more data (pass the previous result, 0 to start).</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        crc = ~crc;
        if (Pclmulqdq.IsSupported && Sse41.IsSupported && data.Length >= 64)
        {
            var folded = data.Length & ~15;
            crc = Fold(crc, data[..folded]);
            data = data[folded..];
        }

        return ~Table(crc, data);
    }

    /// <summary>Byte-table CRC (slicing-by-8) of the register without the final inversion.</summary>
    private static uint Table(uint crc, ReadOnlySpan<byte> data)
    {
        var table = _table;
        while (data.Length >= 8)
        {
            var one = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var two = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = table[0x700 + (one & 0xFF)] ^ table[0x600 + ((one >> 8) & 0xFF)]
                ^ table[0x500 + ((one >> 16) & 0xFF)] ^ table[0x400 + (one >> 24)]
                ^ table[0x300 + (two & 0xFF)] ^ table[0x200 + ((two >> 8) & 0xFF)]
                ^ table[0x100 + ((two >> 16) & 0xFF)] ^ table[two >> 24];
            data = data[8..];
        }

        foreach (var b in data)
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    /// <summary>
    /// Carry-less multiplication folding (Intel, "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ"):
    /// four 16-byte lanes folded 64 bytes at a time, then to one lane, then a Barrett reduction to 32 bits.
    /// Takes and returns the register without inversion; the length is a multiple of 16, at least 64.
    /// </summary>
    private static uint Fold(uint crc, ReadOnlySpan<byte> data)
    {
        // x^(4*128+32), x^(4*128-32); x^(128+32), x^(128-32); x^64; P(x) reflected and Barrett's mu, all bit-reflected.
        var k1k2 = Vector128.Create(0x154442bd4UL, 0x1c6e41596UL);
        var k3k4 = Vector128.Create(0x1751997d0UL, 0x0ccaa009eUL);
        var k5 = Vector128.Create(0x163cd6124UL, 0UL);
        var poly = Vector128.Create(0x1db710641UL, 0x1f7011641UL);
        var mask32 = Vector128.Create(0xFFFFFFFFUL, 0UL);

        var x1 = Load(data, 0) ^ Vector128.Create((ulong)crc, 0UL);
        var x2 = Load(data, 16);
        var x3 = Load(data, 32);
        var x4 = Load(data, 48);
        var at = 64;
        for (; at + 64 <= data.Length; at += 64)
        {
            x1 = FoldInto(x1, k1k2, Load(data, at));
            x2 = FoldInto(x2, k1k2, Load(data, at + 16));
            x3 = FoldInto(x3, k1k2, Load(data, at + 32));
            x4 = FoldInto(x4, k1k2, Load(data, at + 48));
        }

        x1 = FoldInto(x1, k3k4, x2);
        x1 = FoldInto(x1, k3k4, x3);
        x1 = FoldInto(x1, k3k4, x4);
        for (; at + 16 <= data.Length; at += 16)
            x1 = FoldInto(x1, k3k4, Load(data, at));

        // 128 bits to 64, then to 32, then Barrett reduction.
        x1 = Pclmulqdq.CarrylessMultiply(x1, k3k4, 0x10) ^ Sse2.ShiftRightLogical128BitLane(x1, 8);
        x1 = Pclmulqdq.CarrylessMultiply(x1 & mask32, k5, 0x00) ^ Sse2.ShiftRightLogical128BitLane(x1, 4);
        var t = Pclmulqdq.CarrylessMultiply(x1 & mask32, poly, 0x10) & mask32;
        x1 ^= Pclmulqdq.CarrylessMultiply(t, poly, 0x00);
        return x1.AsUInt32().GetElement(1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> FoldInto(Vector128<ulong> x, Vector128<ulong> k, Vector128<ulong> next) =>
        Pclmulqdq.CarrylessMultiply(x, k, 0x00) ^ Pclmulqdq.CarrylessMultiply(x, k, 0x11) ^ next;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> Load(ReadOnlySpan<byte> data, int at) =>
        Vector128.Create(data.Slice(at, 16)).AsUInt64();

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            table[i] = c;
        }

        for (var i = 0; i < 256; i++)
        {
            for (var slice = 1; slice < 8; slice++)
            {
                var prev = table[((slice - 1) * 256) + i];
                table[(slice * 256) + i] = (prev >> 8) ^ table[prev & 0xFF];
            }
        }

        return table;
    }
}
