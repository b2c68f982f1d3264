using Ooda.Core;
using Ooda.Sigma.Tests.Sql;
using Ooda.Testing;
using Xunit.Abstractions;

namespace Ooda.Sigma.Tests.Prefilter;

/// <summary>
/// The prefilters only skip rule targets that cannot match: over every SigmaHQ Windows rule, evaluating with the
/// logsource index and the literal needles finds exactly what testing every rule target finds.
/// </summary>
public class NeedleIndexTests(ITestOutputHelper output)
{
    private const int Events = 20_000;

    [SkippableFact]
    public void Needles_drop_no_detection_over_generated_events()
    {
        var rules = WindowsRules();
        var generator = new SigmaEventGenerator(rules, seed: 20261128);
        var detections = Compare(rules, generator.Generate(Events));
        Assert.True(detections > 1000, $"only {detections} detections; the generator should make many rules fire");
    }

    [SkippableFact]
    public void Needles_drop_no_detection_over_the_corpus_evtx_files()
    {
        var root = Corpus.Require(".");
        var rules = WindowsRules();
        var files = Directory.EnumerateFiles(root, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var detections = Compare(rules, files.SelectMany(Read));
        Assert.True(detections > 1000, $"only {detections} detections over {files.Count} files");
    }

    [SkippableFact]
    public void Most_rule_targets_get_needles()
    {
        var rules = WindowsRules();
        var (needles, scanners, unfiltered, targets) = rules.NeedleStatistics;
        output.WriteLine($"{targets} rule targets, {unfiltered} without needles; {needles} needles in {scanners} field scanners");
        Assert.True(unfiltered * 5 < targets, $"{unfiltered} of {targets} targets have no needle");
    }

    private int Compare(SigmaRuleSet rules, IEnumerable<EvidenceEvent> events)
    {
        var context = rules.CreateContext();
        var all = new List<SigmaDetection>();
        var logsource = new List<SigmaDetection>();
        var needles = new List<SigmaDetection>();
        var count = 0;
        var total = 0;
        foreach (var evidence in events)
        {
            count++;
            all.Clear();
            logsource.Clear();
            needles.Clear();
            rules.Evaluate(evidence, context, all, SigmaPrefilter.None);
            rules.Evaluate(evidence, context, logsource, SigmaPrefilter.Logsource);
            rules.Evaluate(evidence, context, needles, SigmaPrefilter.Needles);
            var expected = Keys(all);
            Assert.True(expected.SetEquals(Keys(logsource)), $"event {evidence.Provenance}: logsource index differs: {Diff(expected, Keys(logsource))}");
            Assert.True(expected.SetEquals(Keys(needles)), $"event {evidence.Provenance}: needles differ: {Diff(expected, Keys(needles))}");
            total += all.Count;
        }

        output.WriteLine($"{count} events, {total} detections, identical under every prefilter");
        return total;
    }

    private static HashSet<string> Keys(List<SigmaDetection> detections) => [.. detections.Select(d => $"{d.Rule.Location}|{d.Rule.Title}|{d.Target}")];

    private static string Diff(HashSet<string> expected, HashSet<string> actual) =>
        $"missing [{string.Join(", ", expected.Except(actual))}], extra [{string.Join(", ", actual.Except(expected))}]";

    private static SigmaRuleSet WindowsRules()
    {
        var root = Corpus.Require("sigma");
        var documents = Directory.GetDirectories(root, "rules*").Order(StringComparer.Ordinal)
            .SelectMany(SigmaRuleLoader.FindRuleFiles).SelectMany(SigmaRuleLoader.LoadFile)
            .Where(d => d.Rule?.Logsource is { Product: "windows" })
            .ToList();
        var rules = SigmaRuleSet.Compile(documents);
        Assert.True(rules.Rules.Count > 2000);
        return rules;
    }

    private static IEnumerable<EvidenceEvent> Read(string path)
    {
        var diagnostics = new List<Diagnostic>();
        using var stream = File.OpenRead(path);
        foreach (var evidence in new Ooda.Formats.Evtx.EvtxEvidenceParser().Parse(stream, TestSources.Context(diagnostics, path)))
            yield return evidence;
    }
}
