using System.Buffers.Binary;
using Ooda.Formats.Evtx.Internal;

namespace Ooda.Formats.Evtx.Tests.Writer;

/// <summary>
/// Writes valid EVTX files for tests: file header, 64 KiB chunks with both CRCs, inline names and template
/// definitions on first use per chunk (by reference after), and substitution values of any type.
/// </summary>
public sealed class EvtxTestWriter
{
    private readonly List<byte[]> _chunks = [];
    private readonly List<long> _recordOffsets = [];
    private byte[] _chunk = NewChunk();
    private int _position = ChunkLayout.HeaderSize;
    private Dictionary<string, int> _names = [];
    private Dictionary<Guid, int> _templates = [];
    private ulong _firstId;
    private ulong _lastId;
    private int _lastRecord;
    private int _records;

    /// <summary>File offsets of the records written so far.</summary>
    public IReadOnlyList<long> RecordOffsets => _recordOffsets;

    public uint Flags { get; set; }

    public static TestElement StandardTemplate(params string[] dataNames)
    {
        var data = dataNames.Select((name, i) => TestNode.Element("Data", TestNode.Sub((ushort)(6 + i), EvtxValueType.String, optional: true)).Attr("Name", TestNode.Text(name)));
        return TestNode.Element("Event",
                TestNode.Element("System",
                    TestNode.Element("Provider").Attr("Name", TestNode.Sub(0, EvtxValueType.String)),
                    TestNode.Element("EventID", TestNode.Sub(1, EvtxValueType.UInt16)),
                    TestNode.Element("TimeCreated").Attr("SystemTime", TestNode.Sub(2, EvtxValueType.FileTime)),
                    TestNode.Element("EventRecordID", TestNode.Sub(3, EvtxValueType.UInt64)),
                    TestNode.Element("Channel", TestNode.Sub(4, EvtxValueType.String)),
                    TestNode.Element("Computer", TestNode.Sub(5, EvtxValueType.String))),
                TestNode.Element("EventData", [.. data]))
            .Attr("xmlns", TestNode.Text("http://schemas.microsoft.com/win/2004/08/events/event"));
    }

    /// <summary>A record of the standard template: System fields, then the data values in order.</summary>
    public static TestEvent StandardEvent(ulong recordId, ushort eventId, string[] dataNames, params TestValue[] data)
    {
        var time = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddSeconds(recordId);
        TestValue[] system = [TestValue.String("Test-Provider"), TestValue.UInt16(eventId), TestValue.FileTime(time), TestValue.UInt64(recordId), TestValue.String("Test/Operational"), TestValue.String("host.example")];
        return new TestEvent(recordId, time, StandardTemplate(dataNames), [.. system, .. data], TemplateGuid(dataNames));
    }

    public static Guid TemplateGuid(string[] dataNames) =>
        new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("|", dataNames))));

    public void Add(TestEvent e)
    {
        var names = new Dictionary<string, int>(_names);
        var templates = new Dictionary<Guid, int>(_templates);
        var record = BuildRecord(e, _position, names, templates);
        if (_position + record.Length > ChunkLayout.Size)
        {
            FinishChunk();
            names = [];
            templates = [];
            record = BuildRecord(e, _position, names, templates);
        }

        _names = names;
        _templates = templates;
        record.CopyTo(_chunk, _position);
        _recordOffsets.Add(FileHeaderLayout.Size + ((long)_chunks.Count * ChunkLayout.Size) + _position);
        if (_records == 0)
            _firstId = e.RecordId;
        _lastId = e.RecordId;
        _lastRecord = _position;
        _position += record.Length;
        _records++;
    }

    public byte[] ToArray()
    {
        var chunks = new List<byte[]>(_chunks);
        if (_records > 0)
        {
            WriteChunkHeader();
            chunks.Add(Seal(_chunk.ToArray()));
        }
        var file = new byte[FileHeaderLayout.Size + (chunks.Count * ChunkLayout.Size)];
        var header = file.AsSpan(0, FileHeaderLayout.Size);
        header[..8].CopyTo(header);
        BinaryPrimitives.WriteUInt64LittleEndian(header, FileHeaderLayout.Signature);
        BinaryPrimitives.WriteUInt64LittleEndian(header[FileHeaderLayout.FirstChunkNumber..], 0);
        BinaryPrimitives.WriteUInt64LittleEndian(header[FileHeaderLayout.LastChunkNumber..], (ulong)Math.Max(0, chunks.Count - 1));
        BinaryPrimitives.WriteUInt64LittleEndian(header[FileHeaderLayout.NextRecordId..], _lastId + 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[FileHeaderLayout.HeaderSize..], FileHeaderLayout.UsedSize);
        BinaryPrimitives.WriteUInt16LittleEndian(header[FileHeaderLayout.MinorVersion..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[FileHeaderLayout.MajorVersion..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[FileHeaderLayout.HeaderBlockSize..], FileHeaderLayout.Size);
        BinaryPrimitives.WriteUInt16LittleEndian(header[FileHeaderLayout.NumberOfChunks..], (ushort)chunks.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(header[FileHeaderLayout.Flags..], Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(header[FileHeaderLayout.Checksum..], Crc32.Compute(header[..FileHeaderLayout.ChecksummedLength]));
        for (var i = 0; i < chunks.Count; i++)
            chunks[i].CopyTo(file, FileHeaderLayout.Size + (i * ChunkLayout.Size));
        return file;
    }

    /// <summary>Recomputes a chunk's header and records CRCs in a file (after a test edits a chunk on purpose).</summary>
    public static void Reseal(byte[] file, int chunkIndex)
    {
        var at = FileHeaderLayout.Size + (chunkIndex * ChunkLayout.Size);
        var sealedChunk = Seal(file.AsSpan(at, ChunkLayout.Size).ToArray(), keepCounters: true);
        sealedChunk.CopyTo(file, at);
    }

    private static byte[] NewChunk() => new byte[ChunkLayout.Size];

    private static byte[] Seal(byte[] chunk, bool keepCounters = false)
    {
        var span = chunk.AsSpan();
        var free = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[ChunkLayout.FreeSpaceOffset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[ChunkLayout.RecordsChecksum..], Crc32.Compute(span[ChunkLayout.HeaderSize..free]));
        var crc = Crc32.Append(Crc32.Compute(span[..ChunkLayout.HeaderChecksumFirstPart]), span[ChunkLayout.StringTable..ChunkLayout.HeaderSize]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[ChunkLayout.HeaderChecksum..], crc);
        _ = keepCounters;
        return chunk;
    }

    private void FinishChunk()
    {
        WriteChunkHeader();
        _chunks.Add(Seal(_chunk));
        _chunk = NewChunk();
        _position = ChunkLayout.HeaderSize;
        _records = 0;
    }

    private void WriteChunkHeader()
    {
        var span = _chunk.AsSpan();
        BinaryPrimitives.WriteUInt64LittleEndian(span, ChunkLayout.Signature);
        BinaryPrimitives.WriteUInt64LittleEndian(span[ChunkLayout.FirstRecordNumber..], _firstId);
        BinaryPrimitives.WriteUInt64LittleEndian(span[ChunkLayout.LastRecordNumber..], _lastId);
        BinaryPrimitives.WriteUInt64LittleEndian(span[ChunkLayout.FirstRecordId..], _firstId);
        BinaryPrimitives.WriteUInt64LittleEndian(span[ChunkLayout.LastRecordId..], _lastId);
        BinaryPrimitives.WriteUInt32LittleEndian(span[ChunkLayout.HeaderSizeField..], 0x80);
        BinaryPrimitives.WriteUInt32LittleEndian(span[ChunkLayout.LastRecordOffset..], (uint)_lastRecord);
        BinaryPrimitives.WriteUInt32LittleEndian(span[ChunkLayout.FreeSpaceOffset..], (uint)_position);
    }

    private byte[] BuildRecord(TestEvent e, int at, Dictionary<string, int> names, Dictionary<Guid, int> templates)
    {
        var b = new BinXmlBuilder(at + RecordLayout.Data, names);
        b.FragmentHeader();
        b.Byte(0x0C);
        b.Byte(0x01);
        b.Bytes(e.TemplateGuid.ToByteArray().AsSpan(0, 4));
        if (templates.TryGetValue(e.TemplateGuid, out var definition))
            b.U32((uint)definition);
        else
        {
            var defAt = b.Position + 4;
            templates[e.TemplateGuid] = defAt;
            b.U32((uint)defAt);
            var data = new BinXmlBuilder(defAt + 24, names);
            data.FragmentHeader();
            data.Element(e.Template);
            data.Byte(0x00);
            var bytes = data.ToArray();
            b.U32(0);
            b.Bytes(e.TemplateGuid.ToByteArray());
            b.U32((uint)bytes.Length);
            b.Bytes(bytes);
        }

        b.U32((uint)e.Values.Length);
        var valueAt = b.Position + (4 * e.Values.Length);
        var payloads = new List<byte[]>();
        foreach (var value in e.Values)
        {
            var bytes = value.Fragment?.Invoke(valueAt) ?? value.Bytes;
            payloads.Add(bytes);
            b.U16((ushort)bytes.Length);
            b.Byte((byte)value.Type);
            b.Byte(0);
            valueAt += bytes.Length;
        }

        foreach (var bytes in payloads)
            b.Bytes(bytes);
        b.Byte(0x00);

        var binXml = b.ToArray();
        var size = RecordLayout.Data + binXml.Length + 4;
        var record = new byte[size];
        BinaryPrimitives.WriteUInt32LittleEndian(record, RecordLayout.Signature);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(RecordLayout.Size), (uint)size);
        BinaryPrimitives.WriteUInt64LittleEndian(record.AsSpan(RecordLayout.RecordId), e.RecordId);
        BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(RecordLayout.Written), e.Written.ToFileTimeUtc());
        binXml.CopyTo(record, RecordLayout.Data);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(size - 4), (uint)size);
        return record;
    }
}
