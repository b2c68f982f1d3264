using Ooda.Core;
using Ooda.Sigma.Internal;

namespace Ooda.Sigma;

/// <summary>
/// A rule set compiled to DuckDB SQL over one store: the queries to run, a verdict per rule, and how to turn a query's
/// hit codes back into detections (checking in memory the events SQL left undecided).
/// </summary>
public sealed class SigmaSqlPlan
{
    private readonly IReadOnlyList<SqlTargetEntry> _entries;

    internal SigmaSqlPlan(SigmaRuleSet rules, IReadOnlyList<SqlTargetEntry> entries, IReadOnlyList<SigmaSqlQuery> queries, IReadOnlyList<SigmaSqlVerdict> verdicts, SigmaSqlStrategy strategy)
    {
        Rules = rules;
        _entries = entries;
        Queries = queries;
        Verdicts = verdicts;
        Strategy = strategy;
    }

    public SigmaRuleSet Rules { get; }

    internal SqlTargetEntry Entry(int code) => _entries[code >= 0 ? code : -code - 1];

    public SigmaSqlStrategy Strategy { get; }

    /// <summary>Queries over <c>hunt_events</c> (<see cref="Store.Workspace.RunSqlHunt"/>), each returning row_id and hit codes.</summary>
    public IReadOnlyList<SigmaSqlQuery> Queries { get; }

    /// <summary>One verdict per compiled rule and per correlation, in rule order.</summary>
    public IReadOnlyList<SigmaSqlVerdict> Verdicts { get; }

    /// <summary>The SQL that decides a rule: per event source, the prefilter and the predicate (for showing and debugging).</summary>
    public string Sql(SigmaRule rule) =>
        string.Join("\n", _entries.Where(e => ReferenceEquals(e.Rule.Rule, rule)).Select(e => $"-- {e.Target.Target.Name}\n({e.Accepts})\nAND {e.Predicate}"));

    /// <summary>
    /// The detections of one event from its hit codes: at most one per rule (the first target that holds), in rule order.
    /// Codes of undecided predicates are decided by the in-memory evaluator; <paramref name="decidedInMemory"/> counts them.
    /// </summary>
    public IReadOnlyList<SigmaDetection> Detect(EvidenceEvent evidence, IReadOnlyList<int> hits, SigmaEvaluationContext context, out int decidedInMemory)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(context);
        decidedInMemory = 0;
        var ordered = hits.Select(h => (Entry: _entries[h >= 0 ? h : -h - 1], Sure: h >= 0))
            .OrderBy(h => h.Entry.RuleIndex).ThenBy(h => h.Entry.TargetIndex);
        var detections = new List<SigmaDetection>();
        var lastRule = -1;
        foreach (var (entry, sure) in ordered)
        {
            if (entry.RuleIndex == lastRule)
                continue;
            if (!sure)
            {
                decidedInMemory++;
                if (!SigmaRuleSet.Matches(entry.Target, evidence, context))
                    continue;
            }

            lastRule = entry.RuleIndex;
            detections.Add(SigmaRuleSet.Detection(entry.Rule, entry.Target, evidence));
        }

        return detections;
    }
}
