using System.Diagnostics;
using System.Text;
using Ooda.Testing;
using Xunit.Abstractions;

namespace Ooda.Sigma.Tests.Sql;

/// <summary>
/// Every SigmaHQ Windows and web rule over a large generated event set, through the in-memory evaluator and through
/// DuckDB SQL: both must find exactly the same (rule, event) pairs. The events are made from the rules' own needles,
/// mutated, so thousands of rules fire and many more nearly do.
/// </summary>
public class SigmaSqlDifferentialTests(ITestOutputHelper output)
{
    private const int Events = 60_000;

    [SkippableFact]
    public void Sql_and_memory_find_the_same_detections_for_every_sigmahq_windows_rule()
    {
        var root = Corpus.Require("sigma");
        var documents = Directory.GetDirectories(root, "rules*").Order(StringComparer.Ordinal)
            .SelectMany(SigmaRuleLoader.FindRuleFiles).SelectMany(SigmaRuleLoader.LoadFile)
            .Where(d => d.Rule?.Logsource is { Product: "windows" } or { Category: "webserver" })
            .ToList();
        var rules = SigmaRuleSet.Compile(documents);
        output.WriteLine($"{rules.Rules.Count} rules compiled of {documents.Count} documents");
        Assert.True(rules.Rules.Count > 2000);

        var generator = new SigmaEventGenerator(rules, seed: 20240501);
        using var harness = new SqlHuntHarness(generator.Generate(Events));
        var stopwatch = Stopwatch.StartNew();
        var memory = harness.InMemory(rules, out var detections);
        var memoryTime = stopwatch.Elapsed;
        stopwatch.Restart();
        var sql = harness.Sql(rules, out var hunt);
        var sqlTime = stopwatch.Elapsed;

        var fired = detections.Values.Select(d => d.Rule).Distinct().Count();
        output.WriteLine($"in memory: {memory.Count} detections in {memoryTime.TotalSeconds:0.0} s; SQL: {sql.Count} in {sqlTime.TotalSeconds:0.0} s " +
            $"({hunt.Plan.Queries.Count} queries, prepare {hunt.PrepareTime.TotalSeconds:0.0} s, queries {hunt.QueryTime.TotalSeconds:0.0} s, " +
            $"{hunt.Rows} rows, {hunt.DecidedInMemory} hits decided in memory, {hunt.UndecidedRejected} events rejected there)");
        output.WriteLine($"{fired} rules fired");
        foreach (var group in hunt.Plan.Verdicts.GroupBy(v => v.Status))
            output.WriteLine($"{group.Key}: {group.Count()}");
        foreach (var reason in hunt.Plan.Verdicts.SelectMany(v => v.Reasons.Select(r => (v.Status, Reason: Head(r)))).GroupBy(r => r).OrderByDescending(g => g.Count()).Take(15))
            output.WriteLine($"  {reason.Count(),4} {reason.Key.Status}: {reason.Key.Reason}");

        var missing = memory.Except(sql).ToList();
        var extra = sql.Except(memory).ToList();
        if (missing.Count + extra.Count > 0)
        {
            var report = new StringBuilder($"{missing.Count} detections only in memory, {extra.Count} only in SQL\n");
            foreach (var key in missing.Take(5))
                report.Append(Describe("only in memory", detections[key], hunt));
            foreach (var key in extra.Take(5))
                report.Append("only in SQL: ").Append(key).Append('\n');
            Assert.Fail(report.ToString());
        }

        Assert.True(fired >= 1000, $"only {fired} rules fired; the generator should make most rules fire");
    }

    private static string Describe(string what, SigmaDetection detection, SigmaSqlHunt hunt)
    {
        var e = detection.Event;
        var fields = string.Join(", ", e.Fields.Select(f => $"{f.Key}={Escape(f.Value)}"));
        return $"{what}: rule {detection.Rule.Id} '{detection.Rule.Title}' on {detection.Target}\n  event {e.Channel}/{e.Provider} {e.EventId} {e.Provenance}: {fields}\n"
            + $"  SQL:\n{hunt.Plan.Sql(detection.Rule)}\n";
    }

    private static string Escape(string value) => string.Concat(value.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()));

    private static string Head(string reason) => reason.StartsWith("re '", StringComparison.Ordinal) ? "re: " + reason[(reason.LastIndexOf("': ", StringComparison.Ordinal) + 3)..] : reason;
}
