using System.Text;
using CsCheck;
using Ooda.Core;

namespace Ooda.Formats.Text.Tests;

public sealed class CsvEventParserTests
{
    private static readonly CsvEventParser _parser = new();

    private static string GoldenPath(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", name);

    [Fact]
    public void Yields_nothing_for_an_empty_file_or_a_header_alone()
    {
        Assert.Empty(ParserHarness.Run(_parser, "").Events);
        var (events, diagnostics) = ParserHarness.Run(_parser, "TimeCreated,Id,Message\r\n");
        Assert.Empty(events);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("Level,Date and Time,Source,Event ID,Task Category\r\n", true)]
    [InlineData("\"TimeCreated\",\"Id\",\"Message\"\n", true)]
    [InlineData("a,b,c\n", false)]
    [InlineData("TimeCreated,Id\n", false)]
    [InlineData("#Fields: DateTime,a,b", false)]
    [InlineData("192.168.114.201, -, 03/20/01, 7:55:20, W3SVC2", false)]
    public void Recognises_a_header_with_three_columns_and_a_time_column(string head, bool expected) =>
        Assert.Equal(expected, _parser.CanParse(Encoding.UTF8.GetBytes(head)));

    [Fact]
    public void Skips_a_record_with_the_wrong_value_count_and_an_unclosed_quote_at_the_end()
    {
        var text = File.ReadAllText(GoldenPath("exchange-management-export.csv")) + "Information,2021-03-03T08:00:00Z,S,1,None,\"never closed\r\n";
        var (events, diagnostics) = ParserHarness.Run(_parser, text);
        Assert.Equal(3, events.Count);
        Assert.Equal(["4", "5", "7"], diagnostics.Select(d => d.Location));
        Assert.Equal(DiagnosticSeverity.Warning, diagnostics[0].Severity);
    }

    [Fact]
    public void Reads_an_event_viewer_export_with_multi_line_messages()
    {
        var (events, _) = ParserHarness.RunFile(_parser, GoldenPath("exchange-management-export.csv"));
        var first = events[0];
        Assert.Equal(SourceKind.Csv, first.Kind);
        Assert.Equal(new DateTime(2021, 3, 3, 5, 45, 13, DateTimeKind.Utc), first.Timestamp);
        Assert.Equal(1, first.EventId);
        Assert.Equal("MSExchange CmdletLogs", first.Provider);
        Assert.Equal(2, first.Provenance.Line);
        Assert.Equal("Cmdlet succeeded. Cmdlet: New-MailboxExportRequest\nParameters: -Mailbox \"admin\" -FilePath \\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\x.aspx", first.Fields["Message"]);
        Assert.Equal(DateTime.MinValue, events[1].Timestamp);
        Assert.Equal(new DateTime(2021, 3, 3, 7, 0, 0, DateTimeKind.Utc), events[2].Timestamp);
        Assert.Equal(6, events[2].Provenance.Line);
    }

    [Fact]
    public void Never_throws_on_random_or_mutated_input()
    {
        var seed = File.ReadAllBytes(GoldenPath("exchange-management-export.csv"));
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Int[0, 40], Gen.Byte.Array[0, 8])
            .Select((at, cut, insert) => seed.AsSpan(0, at).ToArray().Concat(insert).Concat(seed.AsSpan(Math.Min(seed.Length, at + cut)).ToArray()).ToArray())
            .Sample(bytes =>
            {
                _ = _parser.CanParse(bytes);
                _ = ParserHarness.Run(_parser, bytes);
            }, iter: 1000, seed: "0N0XIzNsQ0O2");
    }
}
