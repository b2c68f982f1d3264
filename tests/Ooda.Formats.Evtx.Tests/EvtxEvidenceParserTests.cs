using Ooda.Core;
using Ooda.Formats.Evtx.Tests.Support;
using Ooda.Formats.Evtx.Tests.Writer;
using Ooda.Testing;

namespace Ooda.Formats.Evtx.Tests;

public sealed class EvtxEvidenceParserTests
{
    private static readonly EvidenceSource _source = new("logs/Security.evtx", "abc123", "tenant", "host1");

    [Theory]
    [InlineData(new byte[] { 0x45, 0x6C, 0x66, 0x46, 0x69, 0x6C, 0x65, 0x00, 0x01 }, true)]
    [InlineData(new byte[] { 0x45, 0x6C, 0x66, 0x43, 0x68, 0x6E, 0x6B, 0x00 }, false)]
    [InlineData(new byte[] { 0x45, 0x6C, 0x66 }, false)]
    public void Recognises_files_by_the_ElfFile_signature(byte[] head, bool expected) =>
        Assert.Equal(expected, new EvtxEvidenceParser().CanParse(head));

    [Fact]
    public void Maps_records_to_windows_events_with_data_and_system_fields()
    {
        var (file, writer) = TestFiles.Standard(3);
        var diagnostics = new List<Diagnostic>();
        var events = new EvtxEvidenceParser().Parse(new MemoryStream(file), new ParseContext(_source, diagnostics.Add)).ToList();
        Assert.Empty(diagnostics);
        Assert.Equal(3, events.Count);
        var e = events[1];
        Assert.Equal("evtx", new EvtxEvidenceParser().Format);
        Assert.Equal(SourceKind.WindowsEvent, e.Kind);
        Assert.Equal(4001, e.EventId);
        Assert.Equal(2L, e.RecordId);
        Assert.Equal("Test/Operational", e.Channel);
        Assert.Equal("Test-Provider", e.Provider);
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 7, DateTimeKind.Utc), e.Timestamp);
        Assert.Equal(DateTimeKind.Utc, e.Timestamp.Kind);
        Assert.Equal(writer.RecordOffsets[1], e.Provenance.Offset);
        Assert.Equal("user2", e.Fields["User"]);
        Assert.Equal("4001", e.Fields["EventID"]);
        Assert.Equal("2", e.Fields["EventRecordID"]);
        Assert.Equal("Test-Provider", e.Fields["Provider_Name"]);
        Assert.Equal("host.example", e.Fields["Computer"]);
        Assert.Equal("2024-01-02T03:04:07.000000Z", e.Fields["TimeCreated_SystemTime"]);
    }

    [Fact]
    public void Event_data_wins_over_a_system_field_of_the_same_name()
    {
        var writer = new EvtxTestWriter();
        writer.Add(EvtxTestWriter.StandardEvent(1, 1, ["channel"], TestValue.String("from data")));
        var e = Assert.Single(new EvtxEvidenceParser().Parse(new MemoryStream(writer.ToArray()), new ParseContext(_source, _ => { })));
        Assert.Equal("from data", e.Fields["Channel"]);
        Assert.Equal("Test/Operational", e.Channel);
    }

    [Fact]
    public void Reports_a_lost_record_at_its_byte_offset_and_keeps_the_others()
    {
        var (file, writer) = TestFiles.Standard(5);
        file.AsSpan((int)writer.RecordOffsets[2] + 0x20, 6).Fill(0xEE);
        var diagnostics = new List<Diagnostic>();
        var events = new EvtxEvidenceParser().Parse(new MemoryStream(file), new ParseContext(_source, diagnostics.Add)).ToList();
        Assert.Equal(4, events.Count);
        var lost = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal($"@0x{writer.RecordOffsets[2]:x}", lost.Location);
        Assert.StartsWith("chunk 0 record 3: ", lost.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Parses_a_corpus_file_in_parallel_in_file_order()
    {
        var path = Corpus.Require("deepbluecli/evtx/many-events-application.evtx");
        using var stream = File.OpenRead(path);
        var events = new EvtxEvidenceParser(new EvtxOptions { MaxDegreeOfParallelism = 4 }).Parse(stream, new ParseContext(_source, _ => { })).ToList();
        Assert.Equal(2216, events.Count);
        Assert.Equal(events.Select(e => e.Provenance.Offset).Order(), events.Select(e => e.Provenance.Offset));
        Assert.All(events, e => Assert.True(e.Fields.ContainsKey("EventID")));
    }

    [Fact]
    public void Maps_template_instances_exactly_as_it_maps_record_trees()
    {
        var file = TestFiles.EveryShape();
        AssertSameEventsAsTrees(file);
    }

    [SkippableFact]
    public void Maps_every_corpus_record_exactly_as_it_maps_record_trees()
    {
        var root = Corpus.Require(".");
        foreach (var path in Directory.EnumerateFiles(root, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            AssertSameEventsAsTrees(File.ReadAllBytes(path));
    }

    private static void AssertSameEventsAsTrees(byte[] file)
    {
        var context = new ParseContext(_source, _ => { });
        var events = new EvtxEvidenceParser(new EvtxOptions { MaxDegreeOfParallelism = 2 }).Parse(new MemoryStream(file), context).ToList();
        using var scratch = new Internal.Utf8Buffer();
        var (records, _) = TestFiles.Read(file);
        var expected = records.ConvertAll(r => Internal.EventFieldMapper.Map(r, context, scratch));

        Assert.Equal(expected.Count, events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(expected[i] with { Fields = events[i].Fields }, events[i]);
            Assert.Equal(expected[i].Fields.OrderBy(f => f.Key, StringComparer.Ordinal), events[i].Fields.OrderBy(f => f.Key, StringComparer.Ordinal));
        }
    }
}
