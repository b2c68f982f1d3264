using System.Text;
using Ooda.Core;
using Ooda.Engine.Ingest;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Engine.Tests;

/// <summary>Hostile and broken evidence through the real parsers: bad parts become diagnostics, everything valid loads.</summary>
public sealed class MalformedEvidenceTests
{
    private const string SysmonLine =
        "{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Sysmon\"}},\"EventID\":1,\"EventRecordID\":RID," +
        "\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2021-08-07T03:34:16.000000Z\"}},\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"Computer\":\"acme-ex01\"}," +
        "\"EventData\":{\"Image\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\",\"CommandLine\":\"cmd /c whoami\"}}}";

    private static string Sysmon(int recordId) => SysmonLine.Replace("RID", recordId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [Fact]
    public async Task Garbage_truncation_wrong_encoding_and_a_huge_line_lose_only_the_bad_parts()
    {
        using var dir = new TempDirectory();
        var host = "c/acme/acme-ex01/";

        // Garbage lines between good ones.
        File.WriteAllText(dir.File(host + "a_garbage.jsonl"), Sysmon(1) + "\n\u0001\u0002 not json {{{\n" + Sysmon(2) + "\n}\n" + Sysmon(3) + "\n");

        // A file cut off mid-record.
        var full = Sysmon(4) + "\n" + Sysmon(5) + "\n";
        File.WriteAllText(dir.File(host + "b_truncated.jsonl"), full[..(full.Length - 40)]);

        // An IIS log in UTF-16 with a byte-order mark, and one with Latin-1 bytes where UTF-8 was expected.
        const string iis = "#Software: Microsoft Internet Information Services 10.0\n#Fields: date time cs-method cs-uri-stem c-ip sc-status\n" +
            "2021-08-07 03:34:16 GET /owa/ 203.0.113.7 200\n2021-08-07 03:34:17 POST /ecp/x.js 203.0.113.7 200\n";
        File.WriteAllBytes(dir.File(host + "c_utf16.log"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(iis)]);
        File.WriteAllBytes(dir.File(host + "d_latin1.log"), Encoding.Latin1.GetBytes(iis.Replace("/owa/", "/owa/caf\u00e9", StringComparison.Ordinal)));

        // One line of 200 MB between two good events.
        var huge = dir.File(host + "e_huge.jsonl");
        using (var stream = new FileStream(huge, FileMode.Create))
        {
            stream.Write(Encoding.UTF8.GetBytes(Sysmon(6) + "\n{\"x\":\""));
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)'a');
            for (var i = 0; i < 200; i++)
                stream.Write(block);
            stream.Write(Encoding.UTF8.GetBytes("\"}\n" + Sysmon(7) + "\n"));
        }

        using var workspace = Workspace.Open(Path.Combine(dir.Path, "ws"));
        var summary = await new IngestService(workspace).IngestAsync(new IngestRequest(Path.Combine(dir.Path, "c")));

        Assert.All(summary.Files, f => Assert.Equal(IngestOutcome.Ingested, f.Outcome));
        var events = summary.Files.ToDictionary(f => Path.GetFileName(f.Path), f => f.Events);
        Assert.Equal(3, events["a_garbage.jsonl"]);
        Assert.Equal(1, events["b_truncated.jsonl"]);
        Assert.Equal(2, events["c_utf16.log"]);
        Assert.Equal(2, events["d_latin1.log"]);
        Assert.Equal(2, events["e_huge.jsonl"]);
        Assert.Equal(10, workspace.Stats().Events);

        var diagnostics = summary.Files.ToDictionary(f => Path.GetFileName(f.Path), f => f.Diagnostics);
        Assert.Contains(diagnostics["a_garbage.jsonl"], d => d.Location == "2");
        Assert.NotEmpty(diagnostics["b_truncated.jsonl"]);
        Assert.NotEmpty(diagnostics["d_latin1.log"]);
        Assert.Contains(diagnostics["e_huge.jsonl"], d => d.Location == "2" && d.Message.Contains("limit", StringComparison.OrdinalIgnoreCase));

        // The record ids that survived are exactly the valid ones, each once.
        var ids = workspace.QueryEvents(new EventQuery { Channel = "Microsoft-Windows-Sysmon/Operational" }).Select(e => e.RecordId).Order().ToList();
        Assert.Equal([1L, 2, 3, 4, 6, 7], ids);
    }
}
