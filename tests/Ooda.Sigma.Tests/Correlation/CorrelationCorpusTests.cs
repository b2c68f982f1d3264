using System.Globalization;
using System.Text.RegularExpressions;
using Ooda.Testing;
using Xunit.Abstractions;

namespace Ooda.Sigma.Tests.Correlation;

/// <summary>
/// SigmaHQ's own correlation and filter documents (the snapshot has none in rules*, deprecated or unsupported, as the
/// research notes found) and its v1 aggregations (<c>| count() by … &gt; n</c>, removed in v2) rewritten the way the
/// spec says to: the base rule without the pipe, plus an event_count, value_count or value_sum correlation over it.
/// </summary>
public partial class CorrelationCorpusTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"^(?<indent>\s*condition:\s*)(?<expr>[^|\n]+?)\s*\|\s*(?<fn>count|sum)\(\s*(?<field>\w*)\s*\)(?:\s+by\s+(?<by>[\w.]+))?\s*(?<op>>=|<=|>|<|==?)\s*(?<n>\d+)[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex Aggregation();

    [GeneratedRegex(@"^\s*timeframe:\s*(?<span>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Timeframe();

    private static IEnumerable<string> CorpusFiles(string sigma) =>
        Directory.GetDirectories(sigma, "rules*").Append(Path.Combine(sigma, "deprecated")).Append(Path.Combine(sigma, "unsupported"))
            .Order(StringComparer.Ordinal).SelectMany(SigmaRuleLoader.FindRuleFiles);

    [SkippableFact]
    public void Every_sigmahq_correlation_and_filter_document_gets_a_verdict()
    {
        var sigma = Corpus.Require("sigma");
        var documents = CorpusFiles(sigma).SelectMany(SigmaRuleLoader.LoadFile).ToList();
        var set = SigmaRuleSet.Compile(documents);
        var meta = documents.Where(d => d.Rule?.Kind is SigmaRuleKind.Correlation or SigmaRuleKind.Filter).Select(d => d.Location).ToHashSet(StringComparer.Ordinal);
        var verdicts = set.Verdicts.Where(v => meta.Contains(v.Location)).ToList();
        output.WriteLine($"{documents.Count} documents, {meta.Count} correlation or filter documents");
        foreach (var verdict in verdicts)
            output.WriteLine($"  {verdict.Status} {Path.GetRelativePath(sigma, verdict.Location)}: {verdict.Error}");
        Assert.Equal(documents.Count, set.Verdicts.Count);
        Assert.Equal(meta.Count, verdicts.Count);
        Assert.All(verdicts, v => Assert.True(v.Status != SigmaVerdictStatus.Rejected || v.Location.Contains("/unsupported/", StringComparison.Ordinal), $"{v.Location}: {v.Error}"));
    }

    [SkippableFact]
    public void Every_sigmahq_v1_aggregation_rewritten_as_a_correlation_compiles_or_says_why_not()
    {
        var sigma = Corpus.Require("sigma");
        var rewritten = new List<string>();
        var files = 0;
        foreach (var file in CorpusFiles(sigma))
        {
            var text = File.ReadAllText(file);
            var match = Aggregation().Match(text);
            if (!match.Success)
                continue;
            files++;
            if (Rewrite(text, match, rewritten.Count) is { } pair)
                rewritten.Add(pair);
            else
                output.WriteLine($"not rewritten (not one rule with an id): {Path.GetRelativePath(sigma, file)}");
        }

        var set = SigmaRuleSet.Compile(rewritten.SelectMany((text, i) => SigmaRuleLoader.LoadText(text, $"rewritten-{i}.yml")));
        var correlations = set.Verdicts.Where(v => v.Location.EndsWith("#1", StringComparison.Ordinal)).ToList();
        foreach (var group in correlations.GroupBy(v => (v.Status, Reason: v.Error?.Reason ?? "-")))
        {
            output.WriteLine($"{group.Key.Status,-9} {group.Key.Reason,-24} {group.Count(),3}");
            foreach (var verdict in group.Where(v => v.Error is not null))
                output.WriteLine($"    {verdict.Title}: {verdict.Error!.Message}");
        }

        Assert.True(files >= 30, $"only {files} v1 aggregations found");
        Assert.Equal(rewritten.Count, correlations.Count);
        Assert.True(rewritten.Count >= files - 5, $"{files - rewritten.Count} of {files} aggregations could not be rewritten");
        // A correlation may be skipped because its base rule cannot run here, never rejected: the rewrite is valid v2.1.
        Assert.All(correlations, v => Assert.True(v.Status == SigmaVerdictStatus.Compiled || v.Error!.Reason is "correlation-reference" or "fields-unavailable", $"{v.Title}: {v.Error}"));
        Assert.Contains(correlations, v => v.Status == SigmaVerdictStatus.Compiled);
        Assert.Contains(set.Correlations, c => c.Type == SigmaCorrelationType.ValueCount);
        // The two sum() rules are DNS and firewall rules, whose logsources no mapping here reads: their correlations are skipped.
        Assert.Equal(2, correlations.Count(v => v.Error?.Reason == "correlation-reference" && v.Title!.Contains("Bytes Out", StringComparison.Ordinal)));
    }

    /// <summary>The rule without its pipe, then a correlation doing what the pipe did; null when the file is not one rule with an id.</summary>
    private static string? Rewrite(string text, Match match, int index)
    {
        var timeframe = Timeframe().Match(text);
        var baseText = Timeframe().Replace(text[..match.Index] + match.Groups["indent"].Value + match.Groups["expr"].Value + text[(match.Index + match.Length)..], string.Empty);
        var loaded = SigmaRuleLoader.LoadText(baseText, "base.yml");
        if (loaded.Count != 1 || loaded[0].Rule?.Id is not { } id)
            return null;
        var field = match.Groups["field"].Value;
        var type = match.Groups["fn"].Value == "sum" ? "value_sum" : field.Length > 0 ? "value_count" : "event_count";
        var op = match.Groups["op"].Value switch { ">" => "gt", ">=" => "gte", "<" => "lt", "<=" => "lte", _ => "eq" };
        var condition = string.Create(CultureInfo.InvariantCulture, $"{op}: {match.Groups["n"].Value}") + (field.Length > 0 ? $", field: {field}" : string.Empty);
        var groupBy = match.Groups["by"].Success ? $"[{match.Groups["by"].Value}]" : "[]";
        var timespan = timeframe.Success ? timeframe.Groups["span"].Value : "3650d";
        return baseText.TrimEnd() + $"\n---\ntitle: '{loaded[0].Rule!.Title.Replace("'", "''", StringComparison.Ordinal)} (correlation {index})'\ncorrelation:\n"
            + $"  type: {type}\n  rules: [{id}]\n  group-by: {groupBy}\n  timespan: {timespan}\n  condition: {{{condition}}}\n";
    }
}
