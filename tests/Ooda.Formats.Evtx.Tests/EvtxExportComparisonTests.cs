using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Ooda.Formats.Evtx.Tests.Support;
using Ooda.Testing;
using Xunit.Abstractions;

namespace Ooda.Formats.Evtx.Tests;

/// <summary>Differential test against libevtx's evtxexport on every EVTX of the shared corpus.</summary>
public sealed partial class EvtxExportComparisonTests
{
    private static readonly string[] _folders = ["evtx-attack-samples", "evtx-to-mitre-attack", "deepbluecli", "sigma/regression_data"];

    private readonly ITestOutputHelper _output;

    public EvtxExportComparisonTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void Every_corpus_file_has_the_records_and_fields_evtxexport_reads()
    {
        EvtxExport.Require();
        var files = _folders.Select(Corpus.Require)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.evtx", SearchOption.AllDirectories))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var failures = new ConcurrentBag<string>();
        var xmlDifferences = new ConcurrentBag<string>();
        var extraRecords = new ConcurrentBag<string>();
        long beyondReference = 0;
        long records = 0, identicalXml = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, path =>
        {
            var theirs = EvtxExport.ExportXml(path);
            List<EvtxRecord> ours;
            using (var file = EvtxFile.Open(path, new EvtxOptions { MaxDegreeOfParallelism = 1 }))
                ours = file.ReadRecords().ToList();
            var name = Path.GetRelativePath(Corpus.Root!, path);
            Interlocked.Add(ref records, ours.Count);
            var theirIds = theirs.Select(x => Field(RecordIdPattern(), x)).ToList();
            var ourXml = ours.Select(r => EvtxXmlWriter.ToXml(r.Root)).ToList();
            var ourIds = ourXml.Select(x => Field(RecordIdPattern(), x)).ToList();
            // Align evtxexport's records with ours: theirs must be a subsequence; extra ones of ours are named.
            var pairs = new List<(int Theirs, int Ours)>();
            var j = 0;
            for (var i = 0; i < ourIds.Count && j < theirIds.Count; i++)
            {
                if (ourIds[i] == theirIds[j])
                    pairs.Add((j++, i));
            }

            if (j < theirIds.Count)
            {
                failures.Add($"{name}: evtxexport {theirs.Count} records, ours {ours.Count}; missing from ours: "
                    + string.Join(", ", theirIds.Skip(j).Take(10)));
                return;
            }

            if (ours.Count > theirs.Count)
            {
                var matched = pairs.Select(p => p.Ours).ToHashSet();
                var extra = Enumerable.Range(0, ours.Count).Where(i => !matched.Contains(i)).ToList();
                Interlocked.Add(ref beyondReference, extra.Count);
                extraRecords.Add($"{name}: {extra.Count} records evtxexport does not read (EventRecordID "
                    + string.Join(", ", extra.Take(8).Select(i => ourIds[i])) + (extra.Count > 8 ? ", …" : string.Empty) + ")");
            }

            foreach (var (t, o) in pairs)
            {
                var i = o;
                var theirXml = theirs[t];
                var xml = ourXml[i];
                if (xml == theirXml)
                {
                    Interlocked.Increment(ref identicalXml);
                    continue;
                }

                xmlDifferences.Add($"{name} record {ours[i].RecordId}:\n{FirstDifferentLine(theirXml, xml)}");
                foreach (var pattern in new[] { EventIdPattern(), ChannelPattern(), ComputerPattern(), TimeCreatedPattern() })
                {
                    var expected = Field(pattern, theirXml);
                    var actual = Field(pattern, xml);
                    if (expected != actual)
                        failures.Add($"{name} record {ours[i].RecordId}: {pattern} evtxexport \"{expected}\" ours \"{actual}\"");
                }
            }
        });

        _output.WriteLine($"{files.Count} files, {records} records, {failures.Count} mismatches of ids/EventID/Channel/Computer/TimeCreated, "
            + $"{identicalXml} records with byte-identical XML, {xmlDifferences.Count} with other XML differences");
        _output.WriteLine($"{beyondReference} records read beyond evtxexport (it aborts those files):");
        foreach (var extra in extraRecords.OrderBy(e => e, StringComparer.Ordinal))
            _output.WriteLine("  " + extra);
        foreach (var difference in xmlDifferences.GroupBy(d => d[..d.IndexOf(" record ", StringComparison.Ordinal)]).Select(g => g.First()).Take(40))
            _output.WriteLine(difference);
        foreach (var failure in failures.Take(100))
            _output.WriteLine(failure);
        Assert.Empty(failures);
    }

    private static string FirstDifferentLine(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var x = i < e.Length ? e[i] : "<none>";
            var y = i < a.Length ? a[i] : "<none>";
            if (x != y)
                return $"  evtxexport: {x}\n  ours:       {y}";
        }

        return "  (equal)";
    }

    private static string Field(Regex pattern, string xml) => pattern.Match(xml) is { Success: true } m ? m.Groups[1].Value : "<none>";

    [GeneratedRegex(@"<EventRecordID>([^<]*)</EventRecordID>")]
    private static partial Regex RecordIdPattern();

    [GeneratedRegex(@"<EventID[^>]*>([^<]*)</EventID>")]
    private static partial Regex EventIdPattern();

    [GeneratedRegex(@"<Channel>([^<]*)</Channel>")]
    private static partial Regex ChannelPattern();

    [GeneratedRegex(@"<Computer>([^<]*)</Computer>")]
    private static partial Regex ComputerPattern();

    [GeneratedRegex(@"<TimeCreated SystemTime=""([^""]*)""")]
    private static partial Regex TimeCreatedPattern();
}
