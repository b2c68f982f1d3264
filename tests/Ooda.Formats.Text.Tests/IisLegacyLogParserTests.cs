using System.Text;
using CsCheck;
using Ooda.Core;
using Ooda.Testing;

namespace Ooda.Formats.Text.Tests;

public sealed class IisLegacyLogParserTests
{
    private static readonly IisLegacyLogParser _parser = new();

    private const string Sample =
        "192.168.114.201, -, 03/20/01, 7:55:20, W3SVC2, SERVER, 172.21.13.45, 4502, 163, 3223, 200, 0, GET, /DeptLogo.gif, -,\r\n" +
        "10.0.0.9, CONTOSO\\bob, 12/31/99, 23:59:59, W3SVC1, WEB, 10.0.0.1, 15, 300, 100, 500, 64, POST, /owa/auth.owa, a=1&b=2,\r\n";

    [Fact]
    public void Yields_nothing_for_an_empty_file()
    {
        var (events, diagnostics) = ParserHarness.Run(_parser, "");
        Assert.Empty(events);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData(Sample, true)]
    [InlineData("#Software: Microsoft Internet Information Services 5.0", false)]
    [InlineData("a, b, c", false)]
    [InlineData("1.2.3.4, -, 2001-03-20, 7:55:20, W3SVC2, SERVER, 1.2.3.4, 1, 1, 1, 200, 0, GET, /, -,", false)]
    public void Recognises_fifteen_values_with_a_date_third(string head, bool expected) =>
        Assert.Equal(expected, _parser.CanParse(Encoding.UTF8.GetBytes(head)));

    [Fact]
    public void Skips_a_line_with_the_wrong_value_count_and_keeps_the_rest()
    {
        var lines = Sample.Split("\r\n");
        var (events, diagnostics) = ParserHarness.Run(_parser, lines[0] + "\r\nnot, a, log line\r\n" + lines[1]);
        Assert.Equal(2, events.Count);
        Assert.Equal([3L], events.Skip(1).Select(e => e.Provenance.Line));
        Assert.Contains(diagnostics, d => d.Location == "2" && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Maps_positions_to_w3c_names_and_warns_once_that_times_are_local()
    {
        var (events, diagnostics) = ParserHarness.Run(_parser, Sample);
        Assert.Equal(2, events.Count);
        var first = events[0];
        Assert.Equal(new DateTime(2001, 3, 20, 7, 55, 20, DateTimeKind.Utc), first.Timestamp);
        Assert.Equal(SourceKind.IisLegacy, first.Kind);
        Assert.Equal("W3SVC2", first.Channel);
        Assert.Equal("192.168.114.201", first.Fields["c-ip"]);
        Assert.Equal("SERVER", first.Fields["s-computername"]);
        Assert.Equal("172.21.13.45", first.Fields["s-ip"]);
        Assert.Equal("4502", first.Fields["time-taken"]);
        Assert.Equal("163", first.Fields["cs-bytes"]);
        Assert.Equal("3223", first.Fields["sc-bytes"]);
        Assert.Equal("200", first.Fields["sc-status"]);
        Assert.Equal("0", first.Fields["sc-win32-status"]);
        Assert.Equal("GET", first.Fields["cs-method"]);
        Assert.Equal("/DeptLogo.gif", first.Fields["cs-uri-stem"]);
        Assert.Equal("2001-03-20", first.Fields["date"]);
        Assert.False(first.Fields.ContainsKey("cs-username"));
        Assert.False(first.Fields.ContainsKey("cs-uri-query"));
        var second = events[1];
        Assert.Equal(new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Utc), second.Timestamp);
        Assert.Equal("CONTOSO\\bob", second.Fields["cs-username"]);
        Assert.Equal("a=1&b=2", second.Fields["cs-uri-query"]);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    [SkippableFact]
    public void Parses_the_logparser_documentation_sample()
    {
        var path = Corpus.Require("iis-w3c-samples-brianary/ex010320.log");
        Assert.True(_parser.CanParse(File.ReadAllBytes(path)));
        Assert.False(new W3cLogParser().CanParse(File.ReadAllBytes(path)));
        var (events, diagnostics) = ParserHarness.RunFile(_parser, path);
        Assert.Equal(2, events.Count);
        Assert.Single(diagnostics);
        Assert.Equal("/style.css", events[1].Fields["cs-uri-stem"]);
        Assert.Equal("192.168.110.54", events[1].Fields["c-ip"]);
        Assert.Equal(new DateTime(2001, 3, 20, 7, 57, 20, DateTimeKind.Utc), events[1].Timestamp);
    }

    [Fact]
    public void Never_throws_on_random_or_mutated_input()
    {
        var seed = Encoding.ASCII.GetBytes(Sample);
        Gen.Byte.Array[0, 300].Select(Gen.Int[0, seed.Length], (noise, cut) => seed.AsSpan(0, cut).ToArray().Concat(noise).ToArray())
            .Sample(bytes =>
            {
                _ = _parser.CanParse(bytes);
                _ = ParserHarness.Run(_parser, bytes);
            }, iter: 2000, seed: "0N0XIzNsQ0O2");
    }
}
