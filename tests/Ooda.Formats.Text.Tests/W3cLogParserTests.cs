using System.Text;
using CsCheck;
using Ooda.Core;
using Ooda.Testing;

namespace Ooda.Formats.Text.Tests;

public sealed class W3cLogParserTests
{
    private static readonly W3cLogParser _parser = new();

    private static string GoldenPath(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", name);

    [Fact]
    public void Yields_nothing_for_an_empty_file()
    {
        var (events, diagnostics) = ParserHarness.Run(_parser, "");
        Assert.Empty(events);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("#Software: Microsoft Internet Information Services 10.0\r\n", true)]
    [InlineData("\uFEFF#Fields: date time c-ip\n", true)]
    [InlineData("#Verson: 1.0\r\n#Software: Microsoft Internet Connection Firewall", true)]
    [InlineData("#Version: 1.0\n", true)]
    [InlineData("#Software: Microsoft Exchange Server\r\n#Version: 15.01.2106.002", false)]
    [InlineData("192.168.114.201, -, 03/20/01, 7:55:20, W3SVC2,", false)]
    [InlineData("{\"Event\":{}}", false)]
    [InlineData("# comment", false)]
    public void Recognises_w3c_directives_but_not_exchange_logs(string head, bool expected) =>
        Assert.Equal(expected, _parser.CanParse(Encoding.UTF8.GetBytes(head)));

    [Fact]
    public void Recognises_a_utf16_w3c_file() =>
        Assert.True(_parser.CanParse([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("#Software: IIS\r\n")]));

    [Fact]
    public void Skips_a_line_with_the_wrong_field_count_and_keeps_its_neighbours()
    {
        const string text = "#Fields: date time c-ip sc-status\n2021-01-01 00:00:00 1.2.3.4 200\n2021-01-01 00:00:01 1.2.3.4\n2021-01-01 00:00:02 1.2.3.4 200 extra\n2021-01-01 00:00:03 5.6.7.8 500\n";
        var (events, diagnostics) = ParserHarness.Run(_parser, text);
        Assert.Equal(["200", "500"], events.Select(e => e.Fields["sc-status"]));
        Assert.Equal([2L, 5L], events.Select(e => e.Provenance.Line));
        Assert.Equal(["3", "4"], diagnostics.Select(d => d.Location));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public void Reports_data_before_any_fields_directive()
    {
        var (events, diagnostics) = ParserHarness.Run(_parser, "#Software: x\ngarbage line here\n#Fields: a\nvalue\n");
        Assert.Equal("value", Assert.Single(events).Fields["a"]);
        Assert.Equal("2", Assert.Single(diagnostics).Location);
    }

    [Fact]
    public void Keeps_an_event_with_an_unreadable_date_and_warns()
    {
        var (events, diagnostics) = ParserHarness.Run(_parser, "#Fields: date time c-ip\n2021-13-45 00:00:00 1.2.3.4\n");
        Assert.Equal(DateTime.MinValue, Assert.Single(events).Timestamp);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics).Severity);
    }

    [Fact]
    public void Survives_garbage_bytes_and_a_file_truncated_mid_line()
    {
        var garbage = new byte[5000];
        new Random(7).NextBytes(garbage);
        var bytes = Encoding.ASCII.GetBytes("#Fields: date time c-ip\n2021-01-01 00:00:00 1.2.3.4\n").Concat(garbage).Concat("\n2021-01-01 00:00:01 9.9"u8.ToArray()).ToArray();
        var (events, diagnostics) = ParserHarness.Run(_parser, bytes);
        Assert.Equal("1.2.3.4", events[0].Fields["c-ip"]);
        Assert.Equal("9.9", events[^1].Fields["c-ip"]);
        Assert.NotEmpty(diagnostics);
    }

    [Fact]
    public void Parses_iis_lines_with_names_as_declared_dash_as_absent_and_utc_times()
    {
        var (events, diagnostics) = ParserHarness.RunFile(_parser, GoldenPath("w3c-iis-header-change.log"));
        Assert.Empty(diagnostics);
        Assert.Equal(3, events.Count);
        var first = events[0];
        Assert.Equal(new DateTime(2021, 8, 6, 0, 0, 1, DateTimeKind.Utc), first.Timestamp);
        Assert.Equal(DateTimeKind.Utc, first.Timestamp.Kind);
        Assert.Equal(SourceKind.IisW3c, first.Kind);
        Assert.Equal("IIS", first.Channel);
        Assert.Null(first.EventId);
        Assert.Equal("host", first.Host);
        Assert.Equal("tenant", first.Tenant);
        Assert.Equal("@evil.com/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.com", first.Fields["cs-uri-query"]);
        Assert.Equal("python-requests/2.25.1", first.Fields["cs(User-Agent)"]);
        Assert.False(first.Fields.ContainsKey("cs-username"));
        Assert.False(first.Fields.ContainsKey("cs(Referer)"));
        Assert.Equal(5, first.Provenance.Line);
        Assert.Equal(new DateTime(2021, 8, 6, 0, 0, 2, 500, DateTimeKind.Utc), events[1].Timestamp);
    }

    [Fact]
    public void A_new_fields_directive_mid_file_replaces_the_header()
    {
        var (events, _) = ParserHarness.RunFile(_parser, GoldenPath("w3c-iis-header-change.log"));
        var last = events[^1];
        Assert.Equal("W3SVC1", last.Channel);
        Assert.Equal(["date", "time", "s-sitename", "c-ip", "cs-method"], last.Fields.Keys);
    }

    [Fact]
    public void Warns_once_that_firewall_times_are_local()
    {
        const string text = "#Version: 1.5\n#Software: Microsoft Windows Firewall\n#Time Format: Local\n#Fields: date time action protocol src-ip\n\n2024-01-02 03:04:05 DROP TCP 10.1.1.1\n#Time Format: Local\n";
        var (events, diagnostics) = ParserHarness.Run(_parser, text);
        var e = Assert.Single(events);
        Assert.Equal(SourceKind.W3c, e.Kind);
        Assert.Equal("Firewall", e.Channel);
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5), e.Timestamp);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("local", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uses_midnight_when_only_a_date_field_exists_and_the_software_name_as_channel()
    {
        var (events, _) = ParserHarness.Run(_parser, "#Software: Squid\n#Fields: date x-a x-b\n2020-02-29 a b\n");
        var e = Assert.Single(events);
        Assert.Equal(new DateTime(2020, 2, 29, 0, 0, 0, DateTimeKind.Utc), e.Timestamp);
        Assert.Equal(SourceKind.W3c, e.Kind);
        Assert.Equal("Squid", e.Channel);
    }

    [Fact]
    public void Parses_a_utf16_file()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("#Fields: date time cs-uri-stem\r\n2021-01-01 01:02:03 /ecp/\u00e9.aspx\r\n")).ToArray();
        var (events, diagnostics) = ParserHarness.Run(_parser, bytes);
        Assert.Empty(diagnostics);
        var e = Assert.Single(events);
        Assert.Equal("/ecp/\u00e9.aspx", e.Fields["cs-uri-stem"]);
        Assert.Equal(-1, e.Provenance.Offset);
    }

    [SkippableFact]
    public void Parses_the_iis_85_sample_with_scanner_probes()
    {
        var path = Corpus.Require("iis-w3c-samples-brianary/u_ex160110.log");
        var (events, diagnostics) = ParserHarness.RunFile(_parser, path);
        Assert.Empty(diagnostics);
        var dataLines = File.ReadLines(path).Count(l => l.Length > 0 && l[0] != '#');
        Assert.Equal(dataLines, events.Count);
        var first = events[0];
        Assert.Equal(new DateTime(2016, 1, 10, 0, 7, 26, DateTimeKind.Utc), first.Timestamp);
        Assert.Equal("/httptest.php", first.Fields["cs-uri-stem"]);
        Assert.Equal("188.68.224.62", first.Fields["c-ip"]);
        Assert.Equal("404", first.Fields["sc-status"]);
        Assert.Equal("IIS", first.Channel);
        Assert.Equal(SourceKind.IisW3c, first.Kind);
        Assert.Equal("Mozilla/5.0+(compatible;+Googlebot/2.1;++http://www.google.com/bot.html)", events[1].Fields["cs(User-Agent)"]);
    }

    [SkippableFact]
    public void Parses_the_iis_7_sample_with_site_names_as_channels()
    {
        var path = Corpus.Require("iis-w3c-samples-brianary/u_ex100815.log");
        var (events, diagnostics) = ParserHarness.RunFile(_parser, path);
        Assert.Empty(diagnostics);
        Assert.Equal(File.ReadLines(path).Count(l => l.Length > 0 && l[0] != '#'), events.Count);
        Assert.All(events, e => Assert.Equal("W3SVC20", e.Channel));
        Assert.Equal("77.88.25.28", events[0].Fields["c-ip"]);
        Assert.Equal("8999", events[0].Fields["sc-bytes"]);
    }

    [SkippableFact]
    public void Parses_the_iis_5_sample_and_reports_its_short_line()
    {
        var path = Corpus.Require("iis-w3c-samples-brianary/ex031118.log");
        var (events, diagnostics) = ParserHarness.RunFile(_parser, path);
        Assert.Equal(3, events.Count);
        Assert.Equal("7", Assert.Single(diagnostics).Location);
        Assert.Equal(new DateTime(2003, 11, 18, 0, 0, 0, DateTimeKind.Utc), events[0].Timestamp);
        Assert.Equal("/cgi-bin/counts.exe", events[2].Fields["cs-uri-stem"]);
        Assert.Equal("400", events[2].Fields["cs-bytes"]);
    }

    [SkippableFact]
    public void Parses_the_webtrends_sample_without_software_directive()
    {
        var path = Corpus.Require("iis-w3c-samples-brianary/ex960101.log");
        var (events, diagnostics) = ParserHarness.RunFile(_parser, path);
        Assert.Empty(diagnostics);
        Assert.Equal(5, events.Count);
        Assert.Equal(SourceKind.IisW3c, events[0].Kind);
        Assert.Equal("http://www.webtrends.com/def_f1.htm", events[0].Fields["cs(Referer)"]);
        Assert.False(events[0].Fields.ContainsKey("cs(Cookie)"));
        Assert.Equal("WEBTRENDS_ID=195.52.225.44-100386000.29188902", events[1].Fields["cs(Cookie)"]);
    }

    [SkippableFact]
    public void Parses_the_firewall_sample_as_local_time_w3c()
    {
        var path = Corpus.Require("iis-w3c-samples-brianary/pf040903.log");
        Assert.True(_parser.CanParse(File.ReadAllBytes(path).AsSpan(0, 100)));
        var (events, diagnostics) = ParserHarness.RunFile(_parser, path);
        Assert.Equal(4, events.Count);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics).Severity);
        Assert.All(events, e => Assert.Equal("Firewall", e.Channel));
        Assert.Equal("OPEN", events[0].Fields["action"]);
        Assert.Equal("445", events[3].Fields["dst-port"]);
        Assert.False(events[0].Fields.ContainsKey("tcpflags"));
    }

    [Fact]
    public void Never_throws_on_random_or_mutated_input()
    {
        var seedText = File.ReadAllBytes(GoldenPath("w3c-iis-header-change.log"));
        Gen.Byte.Array[0, 600].Select(Gen.Int[0, seedText.Length], (noise, cut) => seedText.AsSpan(0, cut).ToArray().Concat(noise).ToArray())
            .Sample(bytes =>
            {
                var (events, _) = ParserHarness.Run(_parser, bytes);
                Assert.All(events, e => Assert.Equal(DateTimeKind.Utc, e.Timestamp.Kind));
            }, iter: 2000, seed: "0N0XIzNsQ0O2");
    }
}
