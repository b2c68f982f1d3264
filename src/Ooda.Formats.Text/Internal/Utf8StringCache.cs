using System.Buffers.Binary;
using System.Text;

namespace Ooda.Formats.Text.Internal;

/// <summary>
/// Strings for short UTF-8 tokens that repeat from event to event (field names, channel, provider, level…): a
/// direct-mapped table keyed by the bytes, so a hit costs a hash and a compare and allocates nothing. Only ASCII
/// strings are kept (compared with <see cref="Ascii.Equals(ReadOnlySpan{byte}, ReadOnlySpan{char})"/>); a
/// collision simply replaces the slot, so memory stays fixed whatever the input.
/// </summary>
internal sealed class Utf8StringCache
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    private readonly string?[] _slots;
    private readonly int _mask;
    private readonly int _maxLength;

    public Utf8StringCache(int slotBits, int maxLength)
    {
        _slots = new string?[1 << slotBits];
        _mask = _slots.Length - 1;
        _maxLength = maxLength;
    }

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _maxLength || utf8.IsEmpty)
            return Encoding.UTF8.GetString(utf8);
        ref var slot = ref _slots[Hash(utf8) & _mask];
        var cached = slot;
        if (cached is not null && cached.Length == utf8.Length && Ascii.Equals(utf8, cached))
            return cached;
        var text = Encoding.UTF8.GetString(utf8);
        // As many chars as bytes only when every byte is ASCII.
        if (text.Length == utf8.Length)
            slot = text;
        return text;
    }

    /// <summary>Length and the first and last eight bytes: enough to tell field names and short values apart.</summary>
    private static int Hash(ReadOnlySpan<byte> s)
    {
        ulong head;
        ulong tail;
        if (s.Length >= 8)
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(s);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(s[^8..]);
        }
        else if (s.Length >= 4)
        {
            head = BinaryPrimitives.ReadUInt32LittleEndian(s);
            tail = BinaryPrimitives.ReadUInt32LittleEndian(s[^4..]);
        }
        else
        {
            head = s[0] | ((ulong)s[^1] << 8);
            tail = s[s.Length / 2];
        }

        var h = ((head * Multiplier) ^ tail ^ (ulong)s.Length) * Multiplier;
        return (int)(h >> 40);
    }
}
