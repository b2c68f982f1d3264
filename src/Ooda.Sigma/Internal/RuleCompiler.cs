
namespace Ooda.Sigma.Internal;

/// <summary>Compiles one rule: detection tree once, then one translated tree per event source its logsource maps to.</summary>
internal static class RuleCompiler
{
    public static (CompiledRule? Rule, SigmaRuleVerdict Verdict) Compile(SigmaRule rule, SigmaCompileOptions options, FieldTable table)
    {
        SigmaRuleVerdict Verdict(SigmaVerdictStatus status, SigmaError? error, IReadOnlyList<string>? notes = null) =>
            new(rule.Location, rule.Id, rule.Title, status, error, notes ?? []);

        switch (rule.Kind)
        {
            case SigmaRuleKind.Correlation:
                return (null, Verdict(SigmaVerdictStatus.Skipped, new SigmaError(Reasons.Correlation, "correlation rules run in the correlation stage, not per event")));
            case SigmaRuleKind.Filter:
                return (null, Verdict(SigmaVerdictStatus.Skipped, new SigmaError(Reasons.Filter, "global filters are applied to the rules they name, not run on their own")));
        }

        Node root;
        try
        {
            root = DetectionCompiler.Compile((OrderedDictionary<string, object?>)rule.Body["detection"]!, options, table);
        }
        catch (SigmaException e)
        {
            return (null, Verdict(SigmaVerdictStatus.Rejected, e.ToError()));
        }

        var targets = options.Mapping.Resolve(rule.Logsource);
        if (targets.Count == 0)
            return (null, Verdict(SigmaVerdictStatus.Skipped, new SigmaError(Reasons.LogsourceUnmapped, $"no event source is mapped for logsource {rule.Logsource}")));

        var ruleFields = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        root.CollectFields(ruleFields);
        var compiled = new List<CompiledTarget>();
        var notes = new List<string>();
        foreach (var target in targets)
        {
            var rewriter = new FieldRewriter(table, target.MapField);
            var missing = ruleFields.Where(f => target.MapField(f) is null).ToList();
            Node detection;
            if (root.NeedsUnavailable(rewriter))
            {
                // Fields this source never carries are unknown: in negation normal form an unknown leaf is false,
                // so the rule fires only where its answer does not depend on them (never on a negated missing field).
                detection = root.ToNnf().Rewrite(rewriter);
                if (detection is ConstNode { Value: false })
                {
                    notes.Add($"{target.Name}: not used (needs {string.Join(", ", missing)})");
                    continue;
                }

                notes.Add($"{target.Name}: partial (no {string.Join(", ", missing)}; branches on them cannot match)");
            }
            else
            {
                detection = root.Rewrite(rewriter);
            }

            var translations = ruleFields
                .Select(f => (Rule: f, Event: target.MapField(f)))
                .Where(p => p.Event is not null && !string.Equals(p.Rule, p.Event, StringComparison.OrdinalIgnoreCase))
                .Select(p => new SigmaFieldTranslation(p.Rule, p.Event!))
                .ToList();
            var fields = ruleFields
                .Select(f => (Rule: f, Event: target.MapField(f)))
                .Where(p => p.Event is not null)
                .Select(p => (p.Rule, p.Event!))
                .ToList();
            compiled.Add(new CompiledTarget(target, SourceCondition(target, table), detection, translations, fields));
        }

        if (compiled.Count == 0)
            return (null, Verdict(SigmaVerdictStatus.Skipped, new SigmaError(Reasons.Untranslatable, string.Join("; ", notes)), notes));
        return (new CompiledRule(rule, compiled), Verdict(SigmaVerdictStatus.Compiled, null, notes));
    }

    private static Node? SourceCondition(LogsourceTarget target, FieldTable table)
    {
        if (target.Conditions.Count == 0)
            return null;
        var nodes = target.Conditions.Select(c => (Node)new FieldNode(c.Key, table.Intern(c.Key),
            [.. c.Value.Select(v => new StringMatcher(new SigmaString(v), cased: false))], all: false));
        return AndNode.Of(nodes);
    }
}
