using System.Buffers.Binary;
using System.Text;
using Ooda.Formats.Evtx.Internal;
using Ooda.Formats.Evtx.Tests.Support;
using Ooda.Formats.Evtx.Tests.Writer;

namespace Ooda.Formats.Evtx.Tests;

public sealed class TemplateCacheTests
{
    private static readonly string[] _first = ["User", "Count"];
    private static readonly string[] _second = ["Other"];

    /// <summary>Two templates per chunk, the second reading most names from the first; record sizes vary, so offsets differ from chunk to chunk.</summary>
    private static byte[] TwoTemplates()
    {
        var writer = new EvtxTestWriter();
        for (ulong id = 1; id <= 1500; id++)
        {
            writer.Add(id % 3 == 0
                ? EvtxTestWriter.StandardEvent(id, 2, _second, TestValue.String(new string('o', (int)(id % 37))))
                : EvtxTestWriter.StandardEvent(id, 1, _first, TestValue.String($"user{id}"), TestValue.String(new string('x', (int)(id % 50)))));
        }

        return writer.ToArray();
    }

    [Fact]
    public void Reuses_a_template_compiled_in_an_earlier_chunk_at_another_offset()
    {
        var file = TwoTemplates();
        var chunk0 = Chunk(file, 0);
        ParseAll(chunk0);
        // A later chunk that writes the same definition as the first chunk (same names inline), at another offset.
        var reused = 0;
        for (var index = 1; index < (file.Length - FileHeaderLayout.Size) / ChunkLayout.Size; index++)
        {
            var chunk = Chunk(file, index);
            foreach (var guid in new[] { EvtxTestWriter.TemplateGuid(_first), EvtxTestWriter.TemplateGuid(_second) })
            {
                var (offset0, length0) = Definition(chunk0, guid);
                var (offset, length) = Definition(chunk, guid);
                if (offset == offset0 || length != length0)
                    continue;
                var compiled = TemplateCache.Current.Find(chunk0, offset0 + 4, length0);
                Assert.NotNull(compiled);
                Assert.Same(compiled, TemplateCache.Current.Find(chunk, offset + 4, length));
                reused++;
            }
        }

        Assert.NotEqual(0, reused);
    }

    [Fact]
    public void Does_not_reuse_a_template_whose_name_elsewhere_in_the_chunk_reads_differently()
    {
        var file = TwoTemplates();
        var chunk0 = Chunk(file, 0);
        var second = EvtxTestWriter.TemplateGuid(_second);
        var (_, length0) = Definition(chunk0, second);
        // A chunk where the first template writes the names inline and the second, defined after it, reads them by reference.
        var index = Enumerable.Range(1, ((file.Length - FileHeaderLayout.Size) / ChunkLayout.Size) - 1).First(i =>
            Definition(Chunk(file, i), EvtxTestWriter.TemplateGuid(_first)).Offset < Definition(Chunk(file, i), second).Offset
            && Definition(Chunk(file, i), second).Length == length0);
        var (offset, length) = Definition(Chunk(file, index), second);
        ParseAll(chunk0);
        Assert.NotNull(TemplateCache.Current.Find(Chunk(file, index), offset + 4, length));

        var at = FileHeaderLayout.Size + (index * ChunkLayout.Size);
        var hit = file.AsSpan(at, ChunkLayout.Size).IndexOf(Encoding.Unicode.GetBytes("Computer"));
        Encoding.Unicode.GetBytes("Computex").CopyTo(file, at + hit);
        EvtxTestWriter.Reseal(file, index);

        Assert.Null(TemplateCache.Current.Find(Chunk(file, index), offset + 4, length));
        var lines = Json(file).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var renamed = lines.Where(line => line.Contains("\"Computex\"", StringComparison.Ordinal)).ToList();
        Assert.Contains(renamed, line => line.Contains("\"Other\"", StringComparison.Ordinal));
        Assert.All(renamed, line => Assert.DoesNotContain("\"Computer\"", line, StringComparison.Ordinal));
        Assert.Equal(1500, lines.Length);
    }

    [Fact]
    public void A_file_read_again_from_cached_templates_prints_the_same()
    {
        var file = TestFiles.EveryShape();
        var expected = Json(file);
        // The same file again: every template comes from the cache, compiled from chunk buffers since reused.
        Assert.Equal(expected, Json(file));
        Assert.Equal(expected, Json(file));
    }

    private static string Json(byte[] file)
    {
        using var evtx = EvtxFile.Open(new MemoryStream(file), new EvtxOptions { MaxDegreeOfParallelism = 1 });
        using var output = new StringWriter();
        using (var json = new EvtxJsonWriter(output, EvtxJsonOptions.Lines))
            json.WriteAll(evtx);
        return output.ToString();
    }

    private static byte[] Chunk(byte[] file, int index) => file.AsSpan(FileHeaderLayout.Size + (index * ChunkLayout.Size), ChunkLayout.Size).ToArray();

    private static void ParseAll(byte[] chunk)
    {
        var parser = new BinXmlParser(chunk, chunk.Length);
        var limit = (int)BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(ChunkLayout.FreeSpaceOffset));
        for (var position = ChunkLayout.HeaderSize; ChunkDecoder.TryRecordAt(chunk, position, limit, out var size); position += size)
            parser.ParseRecordView(position + RecordLayout.Data, position + size - 4);
    }

    /// <summary>Where the chunk defines the template (inline in its first record using it) and the length of GUID, size and data.</summary>
    private static (int Offset, int Length) Definition(byte[] chunk, Guid guid)
    {
        var limit = (int)BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(ChunkLayout.FreeSpaceOffset));
        for (var position = ChunkLayout.HeaderSize; ChunkDecoder.TryRecordAt(chunk, position, limit, out var size); position += size)
        {
            var instance = position + RecordLayout.Data + 4; // after the fragment header
            var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(instance + 6));
            if (offset == instance + 10 && new Guid(chunk.AsSpan(offset + 4, 16)) == guid)
                return (offset, 20 + (int)BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(offset + 20)));
        }

        throw new InvalidOperationException("template not defined in the chunk");
    }
}
