using System.Text;
using CsCheck;
using Ooda.Core;
using Ooda.Testing;

namespace Ooda.Formats.Text.Tests;

public sealed class WindowsJsonEventParserTests
{
    private static readonly WindowsJsonEventParser _parser = new();

    private const string SysmonEvent = """
        {
          "Event": {
            "#attributes": { "xmlns": "http://schemas.microsoft.com/win/2004/08/events/event" },
            "System": {
              "Provider": { "#attributes": { "Name": "Microsoft-Windows-Sysmon", "Guid": "5770385F-C22A-43E0-BF4C-06F5698FFBD9" } },
              "EventID": 1,
              "Version": 5,
              "Level": 4,
              "Task": 1,
              "Opcode": 0,
              "Keywords": "0x8000000000000000",
              "TimeCreated": { "#attributes": { "SystemTime": "2025-10-22T20:33:27.276702Z" } },
              "EventRecordID": 256875,
              "Correlation": { "#attributes": { "ActivityID": "8E521E2B-7C26-0001-417F-9C8E267CDB01" } },
              "Execution": { "#attributes": { "ProcessID": 3168, "ThreadID": 4580 } },
              "Channel": "Microsoft-Windows-Sysmon/Operational",
              "Computer": "ws-01",
              "Security": { "#attributes": { "UserID": "S-1-5-18" } }
            },
            "EventData": {
              "RuleName": "-",
              "ProcessId": 3424,
              "Image": "C:\\Windows\\System32\\sc.exe",
              "CommandLine": "sc  stop \"mpssvc\"",
              "Ratio": 1.50,
              "Nothing": null
            }
          }
        }
        """;

    private static string GoldenPath(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", name);

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\n")]
    [InlineData("[]")]
    public void Yields_nothing_for_empty_input(string text)
    {
        var (events, diagnostics) = ParserHarness.Run(_parser, text);
        Assert.Empty(events);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("{\"Event\":{}}", true)]
    [InlineData("\uFEFF \r\n[{", true)]
    [InlineData("#Fields: date", false)]
    [InlineData("DateTime,RequestId", false)]
    public void Recognises_input_starting_with_an_object_or_array(string head, bool expected) =>
        Assert.Equal(expected, _parser.CanParse(Encoding.UTF8.GetBytes(head)));

    [Fact]
    public void Reports_a_malformed_json_line_by_number_and_keeps_the_others()
    {
        const string text = "{\"EventID\":1}\n{\"EventID\":2,,}\n{\"EventID\":\"unterminated}\n{\"EventID\":4}\nnot json at all\n{\"EventID\":5}\n";
        var (events, diagnostics) = ParserHarness.Run(_parser, text);
        Assert.Equal([1, 4, 5], events.Select(e => e.EventId!.Value));
        Assert.Equal(["2", "3", "5"], diagnostics.Select(d => d.Location));
        Assert.All(events, e => Assert.Equal(SourceKind.FlatJson, e.Kind));
    }

    [Fact]
    public void Reports_a_malformed_pretty_printed_document_once_by_byte_offset()
    {
        var broken = SysmonEvent.Replace("\"Level\": 4,", "\"Level\": 4,,", StringComparison.Ordinal);
        var (events, diagnostics) = ParserHarness.Run(_parser, broken);
        Assert.Empty(events);
        Assert.Equal("@0x0", Assert.Single(diagnostics).Location);
    }

    [Fact]
    public void Recovers_at_the_next_object_after_a_truncated_pretty_printed_one()
    {
        var truncated = SysmonEvent[..(SysmonEvent.Length / 2)];
        var (events, diagnostics) = ParserHarness.Run(_parser, truncated + "\n" + SysmonEvent + "\n" + truncated);
        Assert.Single(events);
        Assert.Equal(2, diagnostics.Count);
        Assert.Equal(truncated.Length + 1, events[0].Provenance.Offset);
    }

    [Fact]
    public void Rejects_nesting_deeper_than_the_limit()
    {
        var deep = new string('[', 100) + new string(']', 100);
        var (events, diagnostics) = ParserHarness.Run(_parser, "{\"a\":" + deep + "}\n{\"EventID\":9}");
        Assert.Equal(9, Assert.Single(events).EventId);
        Assert.Equal("1", Assert.Single(diagnostics).Location);
    }

    [Fact]
    public void Skips_an_object_over_the_size_limit_without_buffering_it()
    {
        var parser = new WindowsJsonEventParser(new TextParserOptions(MaxJsonValueLength: 1024));
        var prefix = "{\"EventID\":1}\n{\"big\":\""u8.ToArray();
        using var stream = new GeneratedStream(prefix, 50L * 1024 * 1024, (byte)'x', "\"}\n{\"EventID\":2}\n"u8.ToArray());
        var (events, diagnostics) = ParserHarness.Run(parser, stream);
        Assert.Equal([1, 2], events.Select(e => e.EventId!.Value));
        Assert.Contains("exceeds the 1 KiB limit", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Maps_system_fields_and_event_data_of_the_evtx_shape()
    {
        var (events, diagnostics) = ParserHarness.Run(_parser, SysmonEvent);
        Assert.Empty(diagnostics);
        var e = Assert.Single(events);
        Assert.Equal(SourceKind.WindowsEvent, e.Kind);
        Assert.Equal(1, e.EventId);
        Assert.Equal(256875, e.RecordId);
        Assert.Equal("Microsoft-Windows-Sysmon/Operational", e.Channel);
        Assert.Equal("Microsoft-Windows-Sysmon", e.Provider);
        Assert.Equal("host", e.Host);
        Assert.Equal(new DateTime(2025, 10, 22, 20, 33, 27, DateTimeKind.Utc).AddTicks(2767020), e.Timestamp);
        Assert.Equal(DateTimeKind.Utc, e.Timestamp.Kind);
        Assert.Equal("sc  stop \"mpssvc\"", e.Fields["CommandLine"]);
        Assert.Equal("3424", e.Fields["ProcessId"]);
        Assert.Equal("1.50", e.Fields["Ratio"]);
        Assert.Equal("-", e.Fields["RuleName"]);
        Assert.False(e.Fields.ContainsKey("Nothing"));
        Assert.Equal("1", e.Fields["EventID"]);
        Assert.Equal("Microsoft-Windows-Sysmon/Operational", e.Fields["Channel"]);
        Assert.Equal("Microsoft-Windows-Sysmon", e.Fields["Provider_Name"]);
        Assert.Equal("5770385F-C22A-43E0-BF4C-06F5698FFBD9", e.Fields["Provider_Guid"]);
        Assert.Equal("ws-01", e.Fields["Computer"]);
        Assert.Equal("256875", e.Fields["EventRecordID"]);
        Assert.Equal("4", e.Fields["Level"]);
        Assert.Equal("1", e.Fields["Task"]);
        Assert.Equal("0", e.Fields["Opcode"]);
        Assert.Equal("0x8000000000000000", e.Fields["Keywords"]);
        Assert.Equal("5", e.Fields["Version"]);
        Assert.Equal("3168", e.Fields["Execution_ProcessID"]);
        Assert.Equal("4580", e.Fields["Execution_ThreadID"]);
        Assert.Equal("S-1-5-18", e.Fields["Security_UserID"]);
        Assert.Equal("8E521E2B-7C26-0001-417F-9C8E267CDB01", e.Fields["Correlation_ActivityID"]);
        Assert.Equal("2025-10-22T20:33:27.276702Z", e.Fields["TimeCreated_SystemTime"]);
        Assert.Equal("RuleName", e.Fields.Keys.First());
    }

    [Fact]
    public void Maps_named_and_unnamed_data_lists_and_flat_events_from_json_lines()
    {
        var (events, diagnostics) = ParserHarness.RunFile(_parser, GoldenPath("windows-event-forms.jsonl"));
        Assert.Empty(diagnostics);
        Assert.Equal(3, events.Count);

        var logon = events[0];
        Assert.Equal(4624, logon.EventId);
        Assert.Equal("4624", logon.Fields["EventID"]);
        Assert.Equal("Administrator", logon.Fields["TargetUserName"]);
        Assert.Equal("3", logon.Fields["LogonType"]);
        Assert.False(logon.Fields.ContainsKey("Empty"));
        Assert.False(logon.Fields.ContainsKey("Security_UserID"));
        Assert.Equal(1, logon.Provenance.Line);
        Assert.Equal(0, logon.Provenance.Offset);

        var cmdlet = events[1];
        Assert.Equal("New-MailboxExportRequest", cmdlet.Fields["Data1"]);
        Assert.StartsWith("-Mailbox 'admin'", cmdlet.Fields["Data2"], StringComparison.Ordinal);
        Assert.StartsWith("New-MailboxExportRequest,-Mailbox", cmdlet.Fields["Data"], StringComparison.Ordinal);
        Assert.Equal("MSExchange Management", cmdlet.Channel);

        var flat = events[2];
        Assert.Equal(SourceKind.FlatJson, flat.Kind);
        Assert.Equal(4688, flat.EventId);
        Assert.Equal(new DateTime(2021, 3, 3, 6, 0, 0, DateTimeKind.Utc), flat.Timestamp);
        Assert.Equal("w3wp.exe", flat.Fields["process.parent.name"]);
        Assert.Equal("a,b", flat.Fields["tags"]);
        Assert.Equal("1.50", flat.Fields["score"]);
        Assert.False(flat.Fields.ContainsKey("gone"));
    }

    [Fact]
    public void Streams_the_elements_of_a_top_level_array()
    {
        var text = "[\n  " + SysmonEvent + ",\n  {\"EventID\": 2}, {\"EventID\": 3}\n]\n";
        var (events, diagnostics) = ParserHarness.Run(_parser, text);
        Assert.Empty(diagnostics);
        Assert.Equal([1, 2, 3], events.Select(e => e.EventId!.Value));
    }

    [Fact]
    public void Names_event_data_fields_before_system_fields_on_a_clash()
    {
        const string text = """{"Event":{"System":{"EventID":1,"Channel":"Security","TimeCreated":{"#attributes":{"SystemTime":"2024-01-01T00:00:00Z"}}},"EventData":{"channel":"from-data","Computer":"data-pc"}}}""";
        var e = Assert.Single(ParserHarness.Run(_parser, text).Events);
        Assert.Equal("from-data", e.Fields["Channel"]);
        Assert.Equal("data-pc", e.Fields["Computer"]);
        Assert.Equal("Security", e.Channel);
    }

    [Fact]
    public void Flattens_user_data_to_leaf_names()
    {
        const string text = """{"Event":{"System":{"EventID":1102,"Channel":"Security","TimeCreated":{"#attributes":{"SystemTime":"2024-01-01T00:00:00Z"}}},"UserData":{"LogFileCleared":{"#attributes":{"xmlns":"x"},"SubjectUserName":"eve","Nested":{"SubjectUserName":"second","Deep":{"#text":"t"}}}}}}""";
        var e = Assert.Single(ParserHarness.Run(_parser, text).Events);
        Assert.Equal("eve", e.Fields["SubjectUserName"]);
        Assert.Equal("t", e.Fields["Deep"]);
        Assert.False(e.Fields.ContainsKey("xmlns"));
    }

    [Fact]
    public void Parses_a_utf16_document()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(SysmonEvent)).ToArray();
        var (events, diagnostics) = ParserHarness.Run(_parser, bytes);
        Assert.Empty(diagnostics);
        Assert.Equal(1, Assert.Single(events).EventId);
    }

    [SkippableFact]
    public void Parses_every_sigma_regression_json_into_its_events_without_diagnostics()
    {
        var root = Corpus.Require("sigma/regression_data");
        var files = Directory.GetFiles(root, "*.json", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.True(_parser.CanParse(File.ReadAllBytes(file).AsSpan(0, Math.Min(4096, (int)new FileInfo(file).Length))), file);
            var (events, diagnostics) = ParserHarness.RunFile(_parser, file);
            Assert.True(diagnostics.Count == 0, file + ": " + ParserHarness.Errors(diagnostics));
            // Most files hold one pretty-printed object; a few hold several, each starting with "{" at column 0.
            var objects = File.ReadLines(file).Count(l => l.StartsWith('{'));
            Assert.True(objects == events.Count, $"{file}: {events.Count} events, {objects} objects");
            foreach (var e in events)
            {
                Assert.Equal(SourceKind.WindowsEvent, e.Kind);
                Assert.NotNull(e.EventId);
                Assert.False(string.IsNullOrEmpty(e.Channel), file);
                Assert.NotEqual(DateTime.MinValue, e.Timestamp);
                Assert.True(e.Fields.Count > 16, file);
                Assert.Equal(e.EventId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Fields["EventID"]);
            }
        }
    }

    [SkippableFact]
    public void Reads_user_data_of_the_wmi_regression_event()
    {
        var path = Corpus.Require("sigma/regression_data/rules/windows/builtin/wmi/win_wmi_activity_nteventlogfile_cleareventlog/d4f1a2b3-7c8e-4d5f-b6a9-1e0c2d3f4e5b.json");
        var e = Assert.Single(ParserHarness.RunFile(_parser, path).Events);
        Assert.Equal(5858, e.EventId);
        Assert.Equal("0x80041003", e.Fields["ResultCode"]);
        Assert.Contains("cleareventlog", e.Fields["Operation"], StringComparison.Ordinal);
        Assert.Equal("25920", e.Fields["ClientProcessId"]);
        Assert.Equal("8E521E2B-7C26-0001-417F-9C8E267CDB01", e.Fields["Correlation_ActivityID"]);
    }

    [Fact]
    public void Never_throws_on_random_or_mutated_input()
    {
        var seed = File.ReadAllBytes(GoldenPath("windows-event-forms.jsonl")).Concat(Encoding.UTF8.GetBytes(SysmonEvent)).ToArray();
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Int[0, 40], Gen.Byte.Array[0, 8])
            .Select((at, cut, insert) => seed.AsSpan(0, at).ToArray().Concat(insert).Concat(seed.AsSpan(Math.Min(seed.Length, at + cut)).ToArray()).ToArray())
            .Sample(bytes =>
            {
                _ = _parser.CanParse(bytes);
                _ = ParserHarness.Run(_parser, bytes);
            }, iter: 2000, seed: "0N0XIzNsQ0O2");
        Gen.Byte.Array[0, 2000].Sample(bytes => _ = ParserHarness.Run(_parser, bytes), iter: 500, seed: "0N0XIzNsQ0O2");
    }
}
