using System.Globalization;
using System.Text;
using Ooda.Core;
using Ooda.Engine.Hunt;
using Ooda.Engine.Ingest;
using Ooda.Engine.Internal;
using Ooda.Sigma;
using Ooda.Testing;

namespace Ooda.Engine.Tests.Hunt;

/// <summary>
/// <see cref="HuntService.HuntFiles"/> cuts big files into batches evaluated on several threads: the hits, their order
/// and the counts must be those of reading the files one after the other on one thread.
/// </summary>
public sealed class HuntServiceTests : IDisposable
{
    private const string RuleYaml =
        """
        title: Whoami
        id: 20000000-0000-0000-0000-000000000001
        level: medium
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            Image|endswith: '\whoami.exe'
          condition: sel
        ---
        title: Encoded PowerShell
        id: 20000000-0000-0000-0000-000000000002
        level: high
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            CommandLine|contains: ' -enc '
          condition: sel
        """;

    private readonly TempDirectory _directory = new();
    private readonly SigmaRuleSet _rules = SigmaRuleSet.Compile(SigmaRuleLoader.LoadText(RuleYaml, "rules.yml"));

    public HuntServiceTests()
    {
        var random = new Random(11);
        // One file of several batches, then small ones.
        foreach (var (name, count) in new[] { ("a-big.jsonl", 5000), ("b-small.jsonl", 7), ("c-small.jsonl", 1), ("d-mid.jsonl", 1500) })
        {
            var text = new StringBuilder();
            for (var i = 0; i < count; i++)
                text.Append(Line(random, i)).Append('\n');
            File.WriteAllText(Path.Combine(_directory.Path, name), text.ToString());
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Hits_come_in_file_and_event_order_whatever_the_workers(int workers)
    {
        var (expected, events) = Sequential();
        var statistics = new HuntStatistics();
        var hits = new HuntService(_rules).HuntFiles(new HuntRequest([_directory.Path], "t", "h", Parallelism: workers), statistics).Select(Describe).ToList();
        Assert.True(expected.Count > 1000, $"only {expected.Count} hits");
        Assert.Equal(expected, hits);
        Assert.Equal(events, statistics.Events);
        Assert.Equal(4, statistics.Files);
        Assert.Equal(expected.Count, statistics.Detections);
        Assert.Equal(events, statistics.Channels.Values.Sum());
        Assert.True(statistics.RuleTime > TimeSpan.Zero);
    }

    [Fact]
    public void Every_prefilter_finds_the_same_hits()
    {
        var request = new HuntRequest([_directory.Path], "t", "h");
        var needles = new HuntService(_rules).HuntFiles(request, new HuntStatistics()).Select(Describe).ToList();
        foreach (var prefilter in new[] { SigmaPrefilter.None, SigmaPrefilter.Logsource })
            Assert.Equal(needles, new HuntService(_rules) { Prefilter = prefilter }.HuntFiles(request, new HuntStatistics()).Select(Describe).ToList());
    }

    [Fact]
    public void An_abandoned_hunt_stops_its_readers()
    {
        var first = new HuntService(_rules).HuntFiles(new HuntRequest([_directory.Path], "t", "h", Parallelism: 2), new HuntStatistics()).Take(3).ToList();
        Assert.Equal(3, first.Count);
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>The hits of evaluating every event of every file in path order on this thread.</summary>
    private (List<string> Hits, long Events) Sequential()
    {
        var hits = new List<string>();
        var context = _rules.CreateContext();
        var detections = new List<SigmaDetection>();
        long events = 0;
        foreach (var path in Directory.GetFiles(_directory.Path).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            var parser = EvidenceParsers.Default.Find(bytes.AsSpan(0, Math.Min(bytes.Length, EvidenceParsers.SniffLength)), capturedFile: false)!;
            var source = new EvidenceSource(path, FileFacts.Read(path, CancellationToken.None).Sha256, "t", "h");
            using var stream = new MemoryStream(bytes);
            foreach (var evidence in parser.Parse(stream, new ParseContext(source, _ => { }, CancellationToken.None)))
            {
                events++;
                detections.Clear();
                _rules.Evaluate(evidence, context, detections);
                hits.AddRange(detections.Select(d => Describe(new HuntHit(d, evidence.Host))));
            }
        }

        return (hits, events);
    }

    private static string Describe(HuntHit hit) => $"{hit.Detection.Rule.Title}|{hit.Host}|{hit.Detection.Event.Provenance}";

    private static string Line(Random random, int i)
    {
        var image = random.Next(3) == 0 ? "C:\\\\Windows\\\\System32\\\\whoami.exe" : "C:\\\\Windows\\\\System32\\\\cmd.exe";
        var commandLine = random.Next(3) == 0 ? "powershell -enc SQBFAFgA" : "cmd /c dir";
        var time = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc).AddSeconds(i).ToString("O", CultureInfo.InvariantCulture);
        return "{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Sysmon\"}},\"EventID\":1,"
            + $"\"TimeCreated\":{{\"#attributes\":{{\"SystemTime\":\"{time}\"}}}},\"EventRecordID\":{i + 1},"
            + "\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"Computer\":\"ws1\"},"
            + $"\"EventData\":{{\"Image\":\"{image}\",\"CommandLine\":\"{commandLine}\"}}}}}}";
    }
}
