namespace Ooda.Sigma.Internal;

/// <summary>
/// Compiles one detection rule: detection tree once, then one translated tree per event source its logsource maps to,
/// each with the exclusions of the Sigma filters that apply to the rule.
/// </summary>
internal static class RuleCompiler
{
    public static (CompiledRule? Rule, SigmaRuleVerdict Verdict) Compile(SigmaRule rule, SigmaCompileOptions options, FieldTable table, IReadOnlyList<CompiledFilter> filters)
    {
        SigmaRuleVerdict Verdict(SigmaVerdictStatus status, SigmaError? error, IReadOnlyList<string>? notes = null) =>
            new(rule.Location, rule.Id, rule.Title, status, error, notes ?? []);

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

        var attached = Attach(rule, filters);
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
            compiled.Add(new CompiledTarget(target, SourceCondition(target, table), detection, Exclusion(rule, attached, target, table, notes), translations, fields));
        }

        if (compiled.Count == 0)
            return (null, Verdict(SigmaVerdictStatus.Skipped, new SigmaError(Reasons.Untranslatable, string.Join("; ", notes)), notes));
        foreach (var filter in attached)
            filter.Applied.Add(RuleLabel(rule));
        return (new CompiledRule(rule, compiled), Verdict(SigmaVerdictStatus.Compiled, null, notes));
    }

    public static string RuleLabel(SigmaRule rule) => rule.Id is null ? rule.Title : $"{rule.Title} ({rule.Id})";

    private static List<CompiledFilter> Attach(SigmaRule rule, IReadOnlyList<CompiledFilter> filters)
    {
        var attached = new List<CompiledFilter>();
        foreach (var filter in filters)
        {
            if (!filter.Names(rule))
                continue;
            if (filter.RuleReferences is not null)
            {
                if (rule.Id is not null)
                    filter.Found.Add(rule.Id);
                if (rule.Name is not null)
                    filter.Found.Add(rule.Name);
            }

            if (filter.LogsourceFits(rule.Logsource))
                attached.Add(filter);
            else if (filter.RuleReferences is not null)
                filter.Note($"not applied to {RuleLabel(rule)}: its logsource {rule.Logsource} differs from the filter's {filter.Rule.Logsource}");
        }

        return attached;
    }

    /// <summary>
    /// The OR of the attached filters on one source. A filter reading fields the source lacks can only match where its
    /// answer does not depend on them (unknown leaves are false), so it never removes events it cannot judge.
    /// </summary>
    private static Node? Exclusion(SigmaRule rule, List<CompiledFilter> filters, LogsourceTarget target, FieldTable table, List<string> notes)
    {
        if (filters.Count == 0)
            return null;
        var nodes = new List<Node>(filters.Count);
        foreach (var filter in filters)
        {
            var rewriter = new FieldRewriter(table, target.MapField);
            var node = filter.Detection.NeedsUnavailable(rewriter) ? filter.Detection.ToNnf().Rewrite(rewriter) : filter.Detection.Rewrite(rewriter);
            if (node is ConstNode { Value: false })
            {
                filter.Note($"{RuleLabel(rule)}: not applied on {target.Name} (the filter's fields are not on that source)");
                continue;
            }

            nodes.Add(node);
            notes.Add($"{target.Name}: filtered by '{filter.Rule.Title}'");
        }

        return nodes.Count == 0 ? null : OrNode.Of(nodes);
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
