using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>A bounds-checked little-endian reader over a chunk; positions are chunk-relative because names and templates are addressed that way.</summary>
internal ref struct BinXmlReader
{
    private readonly ReadOnlySpan<byte> _chunk;
    private int _end;

    public BinXmlReader(ReadOnlySpan<byte> chunk, int position, int end)
    {
        _chunk = chunk;
        Position = position;
        _end = Math.Min(end, chunk.Length);
    }

    public int Position { get; set; }

    public readonly int End => _end;

    public readonly int Remaining => _end - Position;

    public readonly ReadOnlySpan<byte> Chunk => _chunk;

    /// <summary>Narrows the readable range (a nested fragment must not read past its value).</summary>
    public void Limit(int end) => _end = Math.Min(end, _chunk.Length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly byte Peek()
    {
        if (Position >= _end)
            ThrowHelper.Corrupt("unexpected end of binary XML", Position);
        return _chunk[Position];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte()
    {
        if (Position >= _end)
            ThrowHelper.Corrupt("unexpected end of binary XML", Position);
        return _chunk[Position++];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ushort ReadUInt16()
    {
        if (Position + 2 > _end)
            ThrowHelper.Corrupt("unexpected end of binary XML", Position);
        var value = BinaryPrimitives.ReadUInt16LittleEndian(_chunk[Position..]);
        Position += 2;
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadUInt32()
    {
        if (Position + 4 > _end)
            ThrowHelper.Corrupt("unexpected end of binary XML", Position);
        var value = BinaryPrimitives.ReadUInt32LittleEndian(_chunk[Position..]);
        Position += 4;
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Skip(int count)
    {
        if (count < 0 || Position + count > _end)
            ThrowHelper.Corrupt("unexpected end of binary XML", Position);
        Position += count;
    }

    /// <summary>Reads a UTF-16 string of a character count.</summary>
    public string ReadUtf16(int chars)
    {
        var bytes = chars * 2;
        if (Position + bytes > _end)
            ThrowHelper.Corrupt("string runs past the end of binary XML", Position);
        var text = ValueFormatter.DecodeUtf16(_chunk.Slice(Position, bytes));
        Position += bytes;
        return text.Length == 0 ? string.Empty : new string(text);
    }
}
