using System.Text;
using CsCheck;
using Ooda.Core;

namespace Ooda.Formats.Text.Tests;

public sealed class ExchangeCsvLogParserTests
{
    private static readonly ExchangeCsvLogParser _parser = new();

    private static string GoldenPath(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", name);

    [Fact]
    public void Yields_nothing_for_an_empty_file()
    {
        var (events, diagnostics) = ParserHarness.Run(_parser, "");
        Assert.Empty(events);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("#Software: Microsoft Exchange Server\r\n#Version: 15.01.2106.002", true)]
    [InlineData("\uFEFF#Software: Microsoft Exchange\r\n", true)]
    [InlineData("#Software: Microsoft Internet Information Services 10.0", false)]
    [InlineData("DateTime,RequestId", false)]
    public void Recognises_exchange_software_directive(string head, bool expected) =>
        Assert.Equal(expected, _parser.CanParse(Encoding.UTF8.GetBytes(head)));

    [Fact]
    public void Skips_a_line_with_an_unterminated_quote_and_keeps_the_rest()
    {
        var (events, diagnostics) = ParserHarness.RunFile(_parser, GoldenPath("exchange-httpproxy.log"));
        Assert.Equal(["7"], diagnostics.Select(d => d.Location));
        Assert.Contains("not closed", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(3, events.Count);
        Assert.Equal([6L, 8L, 10L], events.Select(e => e.Provenance.Line));
    }

    [Fact]
    public void Parses_httpproxy_records_with_quoted_values_and_utc_times()
    {
        var (events, _) = ParserHarness.RunFile(_parser, GoldenPath("exchange-httpproxy.log"));
        var first = events[0];
        Assert.Equal(SourceKind.ExchangeLog, first.Kind);
        Assert.Equal("HttpProxy", first.Channel);
        Assert.Equal(new DateTime(2021, 3, 3, 2, 14, 11, 532, DateTimeKind.Utc), first.Timestamp);
        Assert.Equal(DateTimeKind.Utc, first.Timestamp.Kind);
        Assert.Equal("/ecp/y.js", first.Fields["UrlStem"]);
        Assert.Equal("ServerInfo~a]@EXCH01.contoso.local:444/autodiscover/autodiscover.xml?#", first.Fields["AnchorMailbox"]);
        Assert.Equal("ExchangeServicesClient/0.0.0.0", first.Fields["UserAgent"]);
        Assert.Equal("Error=a,b \"quoted\" c", first.Fields["GenericErrors"]);
        Assert.Equal("198.51.100.7", first.Fields["ClientIpAddress"]);
        Assert.False(first.Fields.ContainsKey("AuthenticatedUser"));
        Assert.Equal("?@evil.com/owa/?&Email=autodiscover/autodiscover.json%3F@evil.com", events[1].Fields["UrlQuery"]);
    }

    [Fact]
    public void A_new_fields_directive_mid_file_replaces_the_header()
    {
        var (events, _) = ParserHarness.RunFile(_parser, GoldenPath("exchange-httpproxy.log"));
        var ecp = events[^1];
        Assert.Equal(["TimeStamp", "ServerName", "EventId", "EventData"], ecp.Fields.Keys);
        Assert.Equal(new DateTime(2021, 3, 3, 2, 15, 0, DateTimeKind.Utc), ecp.Timestamp);
        Assert.Equal("S:CMD=Set-OabVirtualDirectory;S:URL=/ecp/DDI/DDIService.svc/SetObject", ecp.Fields["EventData"]);
    }

    [Theory]
    [InlineData("ECP Server Log", "ECP Server")]
    [InlineData("OAB Logs", "OAB")]
    [InlineData("audit", "audit")]
    public void Names_the_channel_after_the_log_type(string logType, string channel)
    {
        var text = $"#Software: Microsoft Exchange Server\n#Log-type: {logType}\n#Fields: DateTime,a\n2021-01-01T00:00:00Z,x\n";
        Assert.Equal(channel, Assert.Single(ParserHarness.Run(_parser, text).Events).Channel);
    }

    [Fact]
    public void Reports_data_before_fields_wrong_value_counts_and_unreadable_times()
    {
        var (events, diagnostics) = ParserHarness.Run(_parser, "#Software: Microsoft Exchange\nx,y\n#Fields: DateTime,a\nnot-a-date,v\n2021-01-01T00:00:00Z,a,b\n");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostics[1].Severity);
        Assert.Equal("v", Assert.Single(events).Fields["a"]);
        Assert.Equal(["2", "4", "5"], diagnostics.Select(d => d.Location));
    }

    [Fact]
    public void Never_throws_on_random_or_mutated_input()
    {
        var seed = File.ReadAllBytes(GoldenPath("exchange-httpproxy.log"));
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Int[0, 40], Gen.Byte.Array[0, 8])
            .Select((at, cut, insert) => seed.AsSpan(0, at).ToArray().Concat(insert).Concat(seed.AsSpan(Math.Min(seed.Length, at + cut)).ToArray()).ToArray())
            .Sample(bytes =>
            {
                _ = _parser.CanParse(bytes);
                _ = ParserHarness.Run(_parser, bytes);
            }, iter: 1000, seed: "0N0XIzNsQ0O2");
    }
}
