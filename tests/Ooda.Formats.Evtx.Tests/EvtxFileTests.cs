using System.Buffers.Binary;
using Ooda.Core;
using Ooda.Formats.Evtx.Internal;
using Ooda.Formats.Evtx.Tests.Support;
using Ooda.Formats.Evtx.Tests.Writer;

namespace Ooda.Formats.Evtx.Tests;

public sealed class EvtxFileTests
{
    [Fact]
    public void An_empty_stream_yields_no_records_and_reports_the_truncated_header()
    {
        var (records, diagnostics) = TestFiles.Read([]);
        Assert.Empty(records);
        Assert.Contains(diagnostics, d => d.Message.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void A_header_without_chunks_yields_no_records()
    {
        var (file, _) = TestFiles.Standard(0);
        var (records, diagnostics) = TestFiles.Read(file);
        Assert.Empty(records);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Random_bytes_yield_no_records_and_say_why()
    {
        var bytes = new byte[FileHeaderLayout.Size + ChunkLayout.Size];
        new Random(7).NextBytes(bytes);
        var (records, diagnostics) = TestFiles.Read(bytes);
        Assert.Empty(records);
        Assert.Contains(diagnostics, d => d.Message.Contains("bad file signature", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Message.Contains("bad chunk signature", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Reads_every_record_of_a_written_file_in_order_across_chunks(int parallelism)
    {
        var (file, writer) = TestFiles.Standard(1500);
        var (records, diagnostics) = TestFiles.Read(file, parallelism: parallelism);
        Assert.Empty(diagnostics);
        Assert.Equal(Enumerable.Range(1, 1500).Select(i => (ulong)i), records.Select(r => r.RecordId));
        Assert.True(records[^1].ChunkIndex > 0, "1500 records span several chunks");
        Assert.Equal(writer.RecordOffsets, records.Select(r => r.Offset));
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 6, DateTimeKind.Utc), records[0].Written);
    }

    [Fact]
    public void A_corrupt_record_is_reported_and_the_rest_of_its_chunk_is_kept()
    {
        var (file, writer) = TestFiles.Standard(20);
        var victim = (int)writer.RecordOffsets[5];
        file.AsSpan(victim + RecordLayout.Data + 4, 8).Fill(0xEE); // inside the template instance header
        var (records, diagnostics) = TestFiles.Read(file);
        Assert.Equal(19, records.Count);
        Assert.DoesNotContain(records, r => r.RecordId == 6);
        var lost = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(6UL, lost.RecordId);
        Assert.Equal(victim, lost.Offset);
        Assert.StartsWith("chunk 0 record 6: ", lost.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_with_a_broken_header_is_skipped_and_reading_resumes_at_the_next_record()
    {
        var (file, writer) = TestFiles.Standard(10);
        var victim = (int)writer.RecordOffsets[3];
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(victim + RecordLayout.Size), 3); // size below the minimum
        var (records, diagnostics) = TestFiles.Read(file);
        Assert.Equal(9, records.Count);
        Assert.Contains(diagnostics, d => d.Message.Contains("skipped to the next record", StringComparison.Ordinal));
    }

    [Fact]
    public void Checksum_mismatches_are_warnings_and_lose_nothing()
    {
        var (file, writer) = TestFiles.Standard(10);
        file[(int)writer.RecordOffsets[2] + RecordLayout.Written] ^= 0xFF; // changes the written time, not the structure
        file[FileHeaderLayout.Size + ChunkLayout.FirstRecordId] ^= 0x01;
        file[FileHeaderLayout.NextRecordId] ^= 0x01;
        var (records, diagnostics) = TestFiles.Read(file);
        Assert.Equal(10, records.Count);
        Assert.Contains(diagnostics, d => d.Message == "event records checksum mismatch" && d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains(diagnostics, d => d.Message == "chunk header checksum mismatch");
        Assert.Contains(diagnostics, d => d.Message == "file header checksum mismatch");
    }

    [Fact]
    public void A_dirty_file_is_read_completely_with_a_warning()
    {
        var writer = new EvtxTestWriter { Flags = FileHeaderLayout.FlagDirty };
        writer.Add(EvtxTestWriter.StandardEvent(1, 1, TestFiles.DataNames, TestValue.String("a"), TestValue.String("b")));
        var (records, diagnostics) = TestFiles.Read(writer.ToArray());
        Assert.Single(records);
        Assert.Contains(diagnostics, d => d.Message.StartsWith("file is dirty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_truncated_file_keeps_every_whole_record()
    {
        var (file, writer) = TestFiles.Standard(30);
        var cut = (int)writer.RecordOffsets[20] + 10;
        var (records, diagnostics) = TestFiles.Read(file[..cut]);
        Assert.Equal(20, records.Count);
        Assert.Contains(diagnostics, d => d.Message.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_reference_pointing_nowhere_loses_only_that_record()
    {
        var writer = new EvtxTestWriter();
        writer.Add(EvtxTestWriter.StandardEvent(1, 1, ["A"], TestValue.String("a")));
        writer.Add(EvtxTestWriter.StandardEvent(2, 1, ["B"], TestValue.String("b")));
        writer.Add(EvtxTestWriter.StandardEvent(3, 1, ["B"], TestValue.String("c")));
        writer.Add(EvtxTestWriter.StandardEvent(4, 1, ["A"], TestValue.String("d")));
        var file = writer.ToArray();
        // Record 2 defines template B inline; pointing its reference elsewhere loses it, while record 3 still finds B in place.
        var record2 = (int)writer.RecordOffsets[1];
        var definitionOffset = record2 + RecordLayout.Data + 4 + 1 + 1 + 4;
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(definitionOffset), 0xFFF0);
        var (records, diagnostics) = TestFiles.Read(file);
        Assert.Equal([1UL, 3UL, 4UL], records.Select(r => r.RecordId));
        Assert.Equal(2UL, Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error).RecordId);
    }

    [Fact]
    public void Recover_carves_records_from_a_chunk_with_a_bad_signature()
    {
        var (file, _) = TestFiles.Standard(10);
        file[FileHeaderLayout.Size] = (byte)'X';
        Assert.Empty(TestFiles.Read(file).Records);
        var (records, diagnostics) = TestFiles.Read(file, recover: true);
        Assert.Equal(10, records.Count);
        Assert.All(records, r => Assert.True(r.Recovered));
        Assert.Contains(diagnostics, d => d.Message.Contains("carving", StringComparison.Ordinal));
    }

    [Fact]
    public void Recover_finds_deleted_records_in_chunk_slack()
    {
        var (file, writer) = TestFiles.Standard(10);
        // Pretend the last 3 records were never committed: the free space offset moves back over them.
        var chunk = FileHeaderLayout.Size;
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(chunk + ChunkLayout.FreeSpaceOffset), (uint)(writer.RecordOffsets[7] - chunk));
        EvtxTestWriter.Reseal(file, 0);
        Assert.Equal(7, TestFiles.Read(file).Records.Count);
        var (records, _) = TestFiles.Read(file, recover: true);
        Assert.Equal(10, records.Count);
        Assert.Equal([false, true], records.Select(r => r.Recovered).Distinct().Order());
    }
}
