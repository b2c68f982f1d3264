using Ooda.Testing;
using Xunit.Abstractions;

namespace Ooda.Sigma.Tests;

/// <summary>Loads the whole SigmaHQ tree from the shared corpus: every document gets a verdict, nothing throws.</summary>
public class CorpusLintTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Every_sigmahq_rule_gets_a_verdict()
    {
        var root = Corpus.Require("sigma");
        var folders = Directory.GetDirectories(root, "rules*").Append(Path.Combine(root, "deprecated")).Append(Path.Combine(root, "unsupported")).Order(StringComparer.Ordinal);
        var files = folders.SelectMany(SigmaRuleLoader.FindRuleFiles).ToList();
        var set = SigmaRuleSet.Compile(files.SelectMany(SigmaRuleLoader.LoadFile));
        Assert.True(set.Verdicts.Count >= files.Count);
        foreach (var group in set.Verdicts.GroupBy(v => (v.Status, Reason: v.Error?.Reason ?? "-")).OrderBy(g => g.Key.Status).ThenByDescending(g => g.Count()))
        {
            output.WriteLine($"{group.Key.Status,-9} {group.Key.Reason,-26} {group.Count(),5}");
            foreach (var verdict in group.Where(v => v.Status == SigmaVerdictStatus.Rejected).Take(400))
                output.WriteLine($"    {Path.GetRelativePath(root, verdict.Location)}: {verdict.Error}");
        }

        // Only rules outside v2.1 (unsupported/, deprecated v1 aggregations) and rules whose placeholders this
        // test does not configure may be rejected.
        var rejected = set.Verdicts.Where(v => v.Status == SigmaVerdictStatus.Rejected && v.Error!.Reason != "placeholder-unconfigured"
            && !v.Location.Contains("/unsupported/", StringComparison.Ordinal) && !v.Location.Contains("/deprecated/", StringComparison.Ordinal)).ToList();
        Assert.True(rejected.Count == 0, string.Join('\n', rejected.Select(r => $"{r.Location}: {r.Error}")));
    }
}
