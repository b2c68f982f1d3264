using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>
/// Compiled templates kept across chunks, one bounded table per thread: every chunk repeats the definitions it uses,
/// and compiling them again was most of the parser's time and allocation. A definition anywhere in a chunk reuses a
/// compiled template when its bytes (GUID, size, data) are the same except for name offsets, and each of those reads
/// the same name the same way (inline, or a reference to a name with the same text), and each element's
/// dependency-identifier test (which compares bytes with positions) comes out the same: all a compiled template depends on.
/// </summary>
internal sealed class TemplateCache
{
    /// <summary>Bounds per thread: far more distinct definitions than a log's chunks hold.</summary>
    private const int MaxEntries = 1024;

    private const int MaxDefinitionBytes = 1 << 20;

    /// <summary>Variants kept per GUID and size; a hostile file could otherwise make lookups scan without bound.</summary>
    private const int MaxVariants = 8;

    [ThreadStatic]
    private static TemplateCache? _current;

    private readonly Dictionary<(Guid, int), Entry> _entries = [];
    private int _count;
    private int _bytes;

    public static TemplateCache Current => _current ??= new TemplateCache();

    /// <summary>The template compiled from an equivalent definition, or null.</summary>
    /// <param name="chunk">The chunk the definition is in.</param>
    /// <param name="start">Chunk offset of the definition's GUID; the definition runs to the end of its data.</param>
    public CompiledTemplate? Find(ReadOnlySpan<byte> chunk, int start, int length)
    {
        var definition = chunk.Slice(start, length);
        if (!_entries.TryGetValue(Key(definition), out var entry))
            return null;
        for (; entry is not null; entry = entry.Next)
        {
            if (entry.Definition.Length == length && Matches(entry, chunk, start))
                return entry.Template;
        }

        return null;
    }

    /// <summary>Keeps a template compiled from the definition at <paramref name="start"/>, with what it read by position.</summary>
    public void Add(ReadOnlySpan<byte> chunk, int start, int length, CompiledTemplate template, NameRead[] names, DependencyTest[] tests)
    {
        if (length > MaxDefinitionBytes / 16)
            return;
        if (_count >= MaxEntries || _bytes + length > MaxDefinitionBytes)
        {
            _entries.Clear();
            _count = 0;
            _bytes = 0;
        }

        var definition = chunk.Slice(start, length);
        var key = Key(definition);
        _entries.TryGetValue(key, out var next);
        var variants = 0;
        for (var e = next; e is not null; e = e.Next)
            variants++;
        if (variants >= MaxVariants)
            return;
        _entries[key] = new Entry(definition.ToArray(), template, names, tests, next);
        _count++;
        _bytes += length;
    }

    private static (Guid, int) Key(ReadOnlySpan<byte> definition) =>
        (new Guid(definition[..16]), BinaryPrimitives.ReadInt32LittleEndian(definition[16..]));

    private static bool Matches(Entry entry, ReadOnlySpan<byte> chunk, int start)
    {
        var stored = entry.Definition;
        var definition = chunk.Slice(start, stored.Length);
        var from = 0;
        foreach (var read in entry.Names)
        {
            // Name reads are in definition order and never overlap (each is a 4-byte field the parser stepped over).
            if (!definition[from..read.Field].SequenceEqual(stored.AsSpan(from, read.Field - from)))
                return false;
            var field = start + read.Field;
            var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(definition[read.Field..]);
            var inline = offset == field + 4;
            if (inline != (read.Outside is null) || (!inline && !NameIs(chunk, offset, read.Outside!)))
                return false;
            // An inline name starts with the offset of the next name in its hash chain: a position the parser never reads.
            from = read.Field + (inline ? 8 : 4);
        }

        if (!definition[from..].SequenceEqual(stored.AsSpan(from)))
            return false;
        foreach (var test in entry.Tests)
        {
            if (BinXmlParser.HasDependencyIdentifier(chunk, start + test.At, start + stored.Length, inTemplate: true) != test.Result)
                return false;
        }

        return true;
    }

    /// <summary>The same bounds the parser checks reading a name, then its text.</summary>
    private static bool NameIs(ReadOnlySpan<byte> chunk, int offset, string name)
    {
        if (offset < 0 || offset + BinXmlParser.NameHeaderSize > chunk.Length)
            return false;
        var chars = BinaryPrimitives.ReadUInt16LittleEndian(chunk[(offset + 6)..]);
        return chars == name.Length && offset + BinXmlParser.NameHeaderSize + (2 * chars) <= chunk.Length
            && MemoryMarshal.Cast<byte, char>(chunk.Slice(offset + BinXmlParser.NameHeaderSize, 2 * chars)).SequenceEqual(name);
    }

    /// <summary>A name offset field at <paramref name="Field"/> (definition-relative): inline when <paramref name="Outside"/> is null, else the text it pointed to.</summary>
    internal readonly record struct NameRead(int Field, string? Outside);

    /// <summary>An element's dependency-identifier test at <paramref name="At"/> (definition-relative) and its outcome.</summary>
    internal readonly record struct DependencyTest(int At, bool Result);

    private sealed record Entry(byte[] Definition, CompiledTemplate Template, NameRead[] Names, DependencyTest[] Tests, Entry? Next);
}
