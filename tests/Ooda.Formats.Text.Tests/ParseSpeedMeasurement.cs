using System.Diagnostics;
using System.Text;
using Ooda.Core;
using Ooda.Formats.Text.Tests.Reference;
using Ooda.Testing;
using Xunit.Abstractions;

namespace Ooda.Formats.Text.Tests;

/// <summary>
/// A manual throughput probe, not a benchmark and never a timed assertion: runs only with OODA_MEASURE=1
/// (<c>OODA_MEASURE=1 dotnet test tests/Ooda.Formats.Text.Tests --filter ParseSpeedMeasurement -c Release --logger "console;verbosity=detailed"</c>).
/// </summary>
public sealed class ParseSpeedMeasurement(ITestOutputHelper output)
{
    [SkippableFact]
    public void Measures_w3c_lines_per_second()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("OODA_MEASURE") == "1", "set OODA_MEASURE=1 to measure parse speed");
        const int lineCount = 1_000_000;
        var text = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\r\n#Version: 1.0\r\n#Date: 2021-08-06 00:00:00\r\n")
            .Append("#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\r\n");
        for (var i = 0; i < lineCount; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"2021-08-06 {i / 3600 % 24:00}:{i / 60 % 60:00}:{i % 60:00} 10.0.0.5 GET /owa/auth/logon.aspx replaceCurrent=1&url=https%3a%2f%2fmail.contoso.com%2fowa%2f 443 - 203.0.113.{i % 250} Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/91.0 https://mail.contoso.com/owa/ 200 0 0 {i % 900}\r\n");
        }

        var bytes = Encoding.ASCII.GetBytes(text.ToString());
        var parser = new W3cLogParser();
        for (var round = 0; round < 3; round++)
        {
            var diagnostics = new List<Diagnostic>();
            var stopwatch = Stopwatch.StartNew();
            var count = parser.Parse(new MemoryStream(bytes), TestSources.Context(diagnostics)).Count();
            stopwatch.Stop();
            output.WriteLine($"round {round}: {count} lines, {bytes.Length / 1e6:F0} MB in {stopwatch.Elapsed.TotalSeconds:F2} s = {count / stopwatch.Elapsed.TotalSeconds:N0} lines/s");
        }
    }

    /// <summary>Alternates the pre-streaming parser and the current one, so both see the same machine load.</summary>
    [SkippableFact]
    public void Measures_windows_json_events_per_second()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("OODA_MEASURE") == "1", "set OODA_MEASURE=1 to measure parse speed");
        const int lineCount = 100_000;
        var bytes = WindowsJsonLineGenerator.Lines(lineCount);
        IEvidenceParser[] parsers = [new ReferenceJsonEventParser(), new WindowsJsonEventParser()];
        var rates = parsers.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < 7; round++)
        {
            for (var p = 0; p < parsers.Length; p++)
            {
                var diagnostics = new List<Diagnostic>();
                var stopwatch = Stopwatch.StartNew();
                var count = parsers[p].Parse(new MemoryStream(bytes), TestSources.Context(diagnostics)).Count();
                stopwatch.Stop();
                Assert.Empty(diagnostics);
                Assert.Equal(lineCount, count);
                rates[p].Add(count / stopwatch.Elapsed.TotalSeconds);
                output.WriteLine($"round {round} {parsers[p].GetType().Name}: {count} events, {bytes.Length / 1e6:F0} MB in {stopwatch.Elapsed.TotalSeconds:F2} s = {rates[p][^1]:N0} events/s");
            }
        }

        for (var p = 0; p < parsers.Length; p++)
        {
            rates[p].Sort();
            output.WriteLine($"median {parsers[p].GetType().Name}: {rates[p][rates[p].Count / 2]:N0} events/s ({bytes.Length / lineCount} bytes/event)");
        }
    }
}
