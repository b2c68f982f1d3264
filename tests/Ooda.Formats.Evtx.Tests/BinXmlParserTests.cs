using System.Buffers.Binary;
using Ooda.Formats.Evtx.Internal;
using Ooda.Formats.Evtx.Tests.Support;

namespace Ooda.Formats.Evtx.Tests;

public sealed class BinXmlParserTests
{
    /// <summary>Records of <see cref="TestFiles.EveryShape"/> come in rounds of nine; these three hold many-item arrays.</summary>
    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    [InlineData(8, true)]
    public void Shows_array_items_from_template_instances_unless_an_element_holds_several_or_the_root_holds_one(int shape, bool tree)
    {
        var file = TestFiles.EveryShape();
        var checkedRecords = 0;
        for (var at = FileHeaderLayout.Size; at + ChunkLayout.Size <= file.Length; at += ChunkLayout.Size)
        {
            var chunk = file.AsSpan(at, ChunkLayout.Size).ToArray();
            var parser = new BinXmlParser(chunk, chunk.Length);
            var limit = (int)BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(ChunkLayout.FreeSpaceOffset));
            for (var position = ChunkLayout.HeaderSize; ChunkDecoder.TryRecordAt(chunk, position, limit, out var size); position += size)
            {
                var recordId = BinaryPrimitives.ReadUInt64LittleEndian(chunk.AsSpan(position + RecordLayout.RecordId));
                if ((int)((recordId - 1) % 9) != shape)
                    continue;
                Assert.Equal(tree, parser.ParseRecordView(position + RecordLayout.Data, position + size - 4).IsTree);
                checkedRecords++;
            }
        }

        Assert.Equal(40, checkedRecords);
    }
}
