using System.Security.Cryptography;
using System.Text;

namespace Ooda.Sigma.Internal;

/// <summary>
/// Parsed YAML trees of rule files, kept on disk keyed by the SHA-256 of each file's bytes, so a later load of the same
/// rules skips YAML parsing (most of the load time). A file whose bytes changed misses and is parsed again; files that
/// do not parse are never cached. The cache file carries its own SHA-256: a damaged or foreign file is ignored and
/// rewritten, never trusted. Holds one rule folder's files; entries not used by a load are dropped when it is rewritten.
/// </summary>
internal sealed class RuleTreeCache
{
    // The format and the build that wrote it: another Ooda (or YAML parser) may read a file differently, so its cache is not trusted.
    private static readonly string _stamp = "OODA-SIGMA-YAML-TREES-1/" + typeof(RuleTreeCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");
    private const int MaxDepth = 512;
    private const byte NullTag = 0;
    private const byte PlainTag = 1;
    private const byte QuotedTag = 2;
    private const byte MapTag = 3;
    private const byte ListTag = 4;

    private readonly string _file;
    private readonly Dictionary<string, byte[]> _stored;
    private readonly Dictionary<string, byte[]> _used = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private bool _changed;

    private RuleTreeCache(string file, Dictionary<string, byte[]> stored)
    {
        _file = file;
        _stored = stored;
    }

    /// <summary>The cache of the rules under <paramref name="rulePath"/> in <paramref name="directory"/> (empty when absent or unreadable).</summary>
    public static RuleTreeCache Open(string directory, string rulePath)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(rulePath))))[..32];
        var file = Path.Combine(directory, $"sigma-yaml-{name}.bin");
        return new RuleTreeCache(file, Read(file) ?? new Dictionary<string, byte[]>(StringComparer.Ordinal));
    }

    /// <summary>The SHA-256 key of a rule file's bytes.</summary>
    public static string Key(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The documents cached for <paramref name="key"/>, as fresh trees the caller may change; null on a miss.</summary>
    public List<object?>? TryGet(string key)
    {
        byte[]? bytes;
        lock (_lock)
        {
            if (!_stored.TryGetValue(key, out bytes))
                return null;
            _used[key] = bytes;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            var count = Count(reader);
            var documents = new List<object?>(count);
            for (var i = 0; i < count; i++)
                documents.Add(ReadNode(reader, 0));
            return reader.BaseStream.Position == bytes.Length ? documents : null;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or FormatException or DecoderFallbackException)
        {
            // A sound file hash makes this unreachable; parsing again is always correct.
            lock (_lock)
                _used.Remove(key);
            return null;
        }
    }

    /// <summary>Keeps the parsed documents of a file (before any change to them) under its key.</summary>
    public void Add(string key, List<object?> documents)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(documents.Count);
            foreach (var document in documents)
                WriteNode(writer, document);
        }

        lock (_lock)
        {
            _used[key] = stream.ToArray();
            _changed = true;
        }
    }

    /// <summary>Rewrites the cache file when this load parsed new files or left entries unused; a failure to write is ignored.</summary>
    public void Save()
    {
        lock (_lock)
        {
            if (!_changed && _used.Count == _stored.Count)
                return;
            var temporary = $"{_file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                {
                    var body = Body();
                    stream.Write(body);
                    stream.Write(SHA256.HashData(body));
                }

                // Atomic on one volume: a concurrent reader sees the old file or the new one, never half of it.
                File.Move(temporary, _file, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryDelete(temporary);
            }
        }
    }

    private byte[] Body()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(_stamp);
            writer.Write7BitEncodedInt(_used.Count);
            foreach (var (key, bytes) in _used.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.Write(key);
                writer.Write7BitEncodedInt(bytes.Length);
                writer.Write(bytes);
            }
        }

        return stream.ToArray();
    }

    private static Dictionary<string, byte[]>? Read(string file)
    {
        try
        {
            if (!File.Exists(file))
                return null;
            var bytes = File.ReadAllBytes(file);
            const int hashLength = SHA256.HashSizeInBytes;
            if (bytes.Length < hashLength || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - hashLength)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - hashLength)))
                return null;
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - hashLength), Encoding.UTF8);
            if (reader.ReadString() != _stamp)
                return null;
            var count = Count(reader);
            var entries = new Dictionary<string, byte[]>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                var length = Count(reader);
                entries[key] = reader.ReadBytes(length);
            }

            return entries;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or InvalidDataException or FormatException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static void WriteNode(BinaryWriter writer, object? node)
    {
        switch (node)
        {
            case null:
                writer.Write(NullTag);
                break;
            case YamlScalar scalar:
                writer.Write(scalar.Plain ? PlainTag : QuotedTag);
                writer.Write(scalar.Text);
                break;
            case OrderedDictionary<string, object?> map:
                writer.Write(MapTag);
                writer.Write7BitEncodedInt(map.Count);
                foreach (var (key, value) in map)
                {
                    writer.Write(key);
                    WriteNode(writer, value);
                }

                break;
            case List<object?> list:
                writer.Write(ListTag);
                writer.Write7BitEncodedInt(list.Count);
                foreach (var item in list)
                    WriteNode(writer, item);
                break;
            default:
                throw new InvalidOperationException($"not a YAML tree node: {node.GetType().Name}");
        }
    }

    private static object? ReadNode(BinaryReader reader, int depth)
    {
        if (depth > MaxDepth)
            throw new InvalidDataException("cached tree too deep");
        switch (reader.ReadByte())
        {
            case NullTag:
                return null;
            case PlainTag:
                return new YamlScalar(reader.ReadString(), true);
            case QuotedTag:
                return new YamlScalar(reader.ReadString(), false);
            case MapTag:
                var entries = Count(reader);
                var map = new OrderedDictionary<string, object?>(entries, StringComparer.Ordinal);
                for (var i = 0; i < entries; i++)
                {
                    var key = reader.ReadString();
                    if (!map.TryAdd(key, ReadNode(reader, depth + 1)))
                        throw new InvalidDataException("duplicate key in a cached map");
                }

                return map;
            case ListTag:
                var items = Count(reader);
                var list = new List<object?>(items);
                for (var i = 0; i < items; i++)
                    list.Add(ReadNode(reader, depth + 1));
                return list;
            default:
                throw new InvalidDataException("unknown cached node");
        }
    }

    /// <summary>A count that cannot exceed the bytes left (each item takes at least one), so damage cannot ask for huge allocations.</summary>
    private static int Count(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        if (count < 0 || count > reader.BaseStream.Length - reader.BaseStream.Position)
            throw new InvalidDataException("cached count out of range");
        return count;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind: a stray temporary file is harmless.
        }
    }
}
