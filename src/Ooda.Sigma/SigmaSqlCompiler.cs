using System.Text.RegularExpressions;
using Ooda.Sigma.Internal;
using Ooda.Store;

namespace Ooda.Sigma;

/// <summary>
/// Compiles a rule set — the same trees the in-memory evaluator runs, after logsource mapping, field translation and
/// Sigma filters — into DuckDB SQL over a store's events. Predicates are three-valued: what SQL cannot decide exactly is
/// NULL and decided in memory, so the SQL path finds exactly the in-memory path's detections (SigmaSqlDifferentialTests).
/// Every rule gets a verdict saying how much SQL decides and why not the rest.
/// </summary>
public static class SigmaSqlCompiler
{
    /// <param name="catalog">How the hunted events spell field names, channels, providers and tenants (<see cref="Workspace.ReadSqlHuntCatalog"/>).</param>
    public static SigmaSqlPlan Compile(SigmaRuleSet rules, SqlHuntCatalog catalog, SigmaSqlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= SigmaSqlOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxPredicatesPerQuery);

        var spellings = catalog.FieldNames.GroupBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Order(StringComparer.Ordinal)], StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<string> Spell(string field) => spellings.GetValueOrDefault(field) ?? [];
        var regexCache = new Dictionary<(string, RegexOptions), (string?, SqlValueGuard, string?)>();

        // Targets sharing a prefilter read the same events: they share a query (and its field columns) unless per-rule.
        var targets = new List<(CompiledRule Rule, int RuleIndex, CompiledTarget Target, int TargetIndex, string Accepts)>();
        for (var r = 0; r < rules.Rules.Count; r++)
        {
            var rule = rules.Rules[r];
            for (var t = 0; t < rule.Targets.Count; t++)
                targets.Add((rule, r, rule.Targets[t], t, SqlPredicateWriter.Accepts(rule.Targets[t].Target, catalog)));
        }

        List<(CompiledRule Rule, int RuleIndex, CompiledTarget Target, int TargetIndex, string Accepts)[]> batches = options.Strategy == SigmaSqlStrategy.PerRule
            ? [.. targets.Select(t => new[] { t })]
            : [.. targets.Where(t => t.Accepts != "false").GroupBy(t => t.Accepts, StringComparer.Ordinal)
                .SelectMany(g => g.Chunk(options.MaxPredicatesPerQuery))];

        var entries = new List<SqlTargetEntry>();
        var queries = new List<SigmaSqlQuery>();
        var findings = new Dictionary<int, (SortedSet<string> Unknown, SortedSet<string> Guards, int Leaves, int UnknownLeaves)>();
        foreach (var batch in batches)
        {
            if (batch[0].Accepts == "false")
                continue; // the store holds no event of this source: nothing to query
            var scope = new SqlFieldScope(Spell);
            var predicates = new List<string>();
            var firstCode = entries.Count;
            foreach (var (rule, ruleIndex, target, targetIndex, accepts) in batch)
            {
                var writer = new SqlPredicateWriter(scope, catalog, options.RegexCheck, regexCache);
                var parts = new List<string>();
                if (target.SourceCondition is { } condition)
                    parts.Add(writer.Write(condition));
                parts.Add(writer.Write(target.Detection));
                if (target.Exclusion is { } exclusion)
                    parts.Add("(NOT " + writer.Write(exclusion) + ")");
                var predicate = parts.Count == 1 ? parts[0] : "(" + string.Join(" AND ", parts) + ")";
                predicates.Add(predicate);
                entries.Add(new SqlTargetEntry(rule, ruleIndex, target, targetIndex, accepts, predicate));
                var found = findings.GetValueOrDefault(ruleIndex, ([], [], 0, 0));
                found.Unknown.UnionWith(writer.Unknown);
                found.Guards.UnionWith(writer.Guards);
                findings[ruleIndex] = (found.Unknown, found.Guards, found.Leaves + writer.Leaves, found.UnknownLeaves + writer.UnknownLeaves);
            }

            var relation = scope.Relation(batch[0].Accepts);
            queries.Add(new SigmaSqlQuery(options.Strategy == SigmaSqlStrategy.UnionAll
                ? SqlQueryBuilder.UnionAll(relation, firstCode, predicates)
                : SqlQueryBuilder.ListScan(relation, firstCode, predicates), batch[0].Accepts, predicates.Count));
        }

        var verdicts = new List<SigmaSqlVerdict>();
        for (var r = 0; r < rules.Rules.Count; r++)
        {
            var rule = rules.Rules[r].Rule;
            if (!findings.TryGetValue(r, out var found))
            {
                // No event of its sources is in the store, so nothing is queried; the verdict still says what would be.
                var writer = new SqlPredicateWriter(new SqlFieldScope(Spell), catalog, options.RegexCheck, regexCache);
                foreach (var target in rules.Rules[r].Targets)
                {
                    foreach (var node in new[] { target.SourceCondition, target.Detection, target.Exclusion }.OfType<Node>())
                        writer.Write(node);
                }

                found = (writer.Unknown, writer.Guards, writer.Leaves, writer.UnknownLeaves);
            }

            var status = found.UnknownLeaves == 0 ? SigmaSqlStatus.Translated
                : found.UnknownLeaves >= found.Leaves ? SigmaSqlStatus.NotTranslated
                : SigmaSqlStatus.Partial;
            verdicts.Add(new SigmaSqlVerdict(rule, status, [.. found.Unknown], [.. found.Guards]));
        }

        foreach (var correlation in rules.Correlations)
            verdicts.Add(new SigmaSqlVerdict(correlation.Rule, SigmaSqlStatus.Correlation, ["evaluated in C# over the SQL detections of the rules it references"], []));
        return new SigmaSqlPlan(rules, entries, queries, verdicts, options.Strategy);
    }
}
