using Ooda.Core;
using Ooda.Formats.Evtx;
using Ooda.Testing;
using Xunit.Abstractions;

namespace Ooda.Sigma.Tests.Filters;

/// <summary>
/// Sigma filters over SigmaHQ's regression data: for every case whose rule fires, a filter naming the rule and the
/// hosts it fired on silences it, a filter for another host changes nothing, and a filter for another rule neither.
/// </summary>
public class FilterCorpusTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void A_filter_removes_exactly_the_regression_events_it_matches_from_the_rule_it_names()
    {
        var cases = RegressionData.Cases().Select(c => (string?)c[0]).Where(c => c is not null).Select(RegressionData.Read)
            .Where(c => c.Rule?.Rule is { Id: not null } && Directory.GetFiles(c.Folder, "*.evtx").Length > 0).ToList();
        Skip.If(cases.Count == 0, "no regression cases");
        var checkedCases = 0;
        foreach (var @case in cases)
        {
            var rule = @case.Rule!.Rule!;
            var events = Directory.GetFiles(@case.Folder, "*.evtx").SelectMany(ReadEvtx).ToList();
            var plain = Run([@case.Rule], events);
            if (plain.Count == 0)
                continue;
            var hosts = plain.Select(d => d.Event.Fields.Get("Computer")).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (hosts.Count == 0)
                continue;
            checkedCases++;
            var quoted = string.Join(", ", hosts.Select(h => $"'{h.Replace("'", "''", StringComparison.Ordinal)}'"));
            Assert.Empty(Run([@case.Rule, Filter(rule, rule.Id!, $"[{quoted}]")], events));
            Assert.Equal(plain.Count, Run([@case.Rule, Filter(rule, rule.Id!, "ooda-no-such-host")], events).Count);
            Assert.Equal(plain.Count, Run([@case.Rule, Filter(rule, "00000000-0000-0000-0000-00000000beef", $"[{quoted}]")], events).Count);
        }

        output.WriteLine($"{checkedCases} of {cases.Count} regression cases checked");
        Assert.True(checkedCases >= 50, $"only {checkedCases} regression cases could be checked");
    }

    private static SigmaLoadResult Filter(SigmaRule rule, string reference, string computers)
    {
        var logsource = string.Join(", ", new[] { ("product", rule.Logsource.Product), ("category", rule.Logsource.Category), ("service", rule.Logsource.Service) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}: {p.Item2}"));
        var yaml = $"title: Hosts allowed\nlogsource: {{{logsource}}}\nfilter:\n  rules: ['{reference}']\n  selection:\n    Computer: {computers}\n  condition: selection";
        return SigmaRuleLoader.LoadText(yaml, "filter.yml").Single();
    }

    private static List<SigmaDetection> Run(SigmaLoadResult[] documents, List<EvidenceEvent> events)
    {
        var set = SigmaRuleSet.Compile(documents);
        Assert.Equal(SigmaVerdictStatus.Compiled, set.Verdicts[0].Status);
        var context = set.CreateContext();
        var detections = new List<SigmaDetection>();
        foreach (var evidence in events)
            set.Evaluate(evidence, context, detections);
        return detections;
    }

    private static IEnumerable<EvidenceEvent> ReadEvtx(string path)
    {
        var diagnostics = new List<Diagnostic>();
        using var stream = File.OpenRead(path);
        foreach (var evidence in new EvtxEvidenceParser().Parse(stream, TestSources.Context(diagnostics, path)))
            yield return evidence;
    }
}
