using System.Text;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>
/// Reuses the strings of short field values that repeat from record to record (levels, channels, providers, GUIDs,
/// computer names), one direct-mapped table per thread: a miss costs one hash, memory stays bounded.
/// </summary>
internal sealed class StringCache
{
    /// <summary>Longer values rarely repeat (command lines, messages) and are not worth hashing.</summary>
    public const int MaxLength = 64;

    private const int Size = 1024;

    [ThreadStatic]
    private static StringCache? _current;

    private readonly string?[] _strings = new string?[Size];
    private readonly int[] _hashes = new int[Size];

    public static StringCache Current => _current ??= new StringCache();

    public string Get(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
            return string.Empty;
        if (chars.Length > MaxLength)
            return new string(chars);
        var hash = string.GetHashCode(chars);
        var slot = hash & (Size - 1);
        var cached = _strings[slot];
        if (cached is not null && _hashes[slot] == hash && chars.SequenceEqual(cached))
            return cached;
        var text = new string(chars);
        _strings[slot] = text;
        _hashes[slot] = hash;
        return text;
    }

    public string GetUtf8(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
            return Encoding.UTF8.GetString(utf8);
        Span<char> chars = stackalloc char[MaxLength];
        var count = Encoding.UTF8.GetChars(utf8, chars);
        return Get(chars[..count]);
    }
}
