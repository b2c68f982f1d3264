using System.Globalization;

namespace Ooda.Sigma.Internal;

/// <summary>
/// Compiles correlation rules (Sigma v2.1 "correlation rules") after the detection rules: resolves <c>rules</c> by id or
/// name (correlations referencing correlations compile depth first, loops and over-deep chains are refused), checks
/// the type's required attributes, and resolves each group-by and value field per referenced rule and event source.
/// </summary>
internal sealed class CorrelationCompiler
{
    private const int MaxChainDepth = 16;

    private readonly Dictionary<string, Entry> _byReference = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<CompiledCorrelation> _ordered = [];
    private readonly Dictionary<SigmaRule, SigmaRuleVerdict> _verdicts = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SigmaRule, Entry> _correlations = new(ReferenceEqualityComparer.Instance);

    /// <summary>A rule a correlation may name: a detection rule (compiled or not), a correlation or a filter.</summary>
    internal sealed class Entry(SigmaRule rule, CompiledRule? compiled, SigmaRuleVerdict? verdict)
    {
        public SigmaRule Rule { get; } = rule;

        public CompiledRule? Compiled { get; } = compiled;

        public SigmaRuleVerdict? Verdict { get; set; } = verdict;

        public bool Visiting { get; set; }

        public CompiledCorrelation? Result { get; set; }
    }

    /// <summary>Compiles every correlation; returns them children before parents, and a verdict per correlation rule.</summary>
    public static (List<CompiledCorrelation> Ordered, Dictionary<SigmaRule, SigmaRuleVerdict> Verdicts) CompileAll(
        IEnumerable<SigmaRule> correlations, IEnumerable<(SigmaRule Rule, CompiledRule? Compiled, SigmaRuleVerdict Verdict)> detections, IEnumerable<SigmaRule> filters)
    {
        var compiler = new CorrelationCompiler();
        var correlationList = correlations.ToList();
        foreach (var (rule, compiled, verdict) in detections)
            compiler.Register(new Entry(rule, compiled, verdict));
        foreach (var rule in filters)
            compiler.Register(new Entry(rule, null, null));
        foreach (var rule in correlationList)
        {
            var entry = new Entry(rule, null, null);
            compiler._correlations[rule] = entry;
            compiler.Register(entry);
        }

        foreach (var rule in correlationList)
            compiler.Visit(compiler._correlations[rule], 0);
        return (compiler._ordered, compiler._verdicts);
    }

    private void Register(Entry entry)
    {
        if (entry.Rule.Id is { } id)
            _byReference.TryAdd(id, entry);
        if (entry.Rule.Name is { } name)
            _byReference.TryAdd(name, entry);
    }

    private void Visit(Entry entry, int depth)
    {
        if (entry.Verdict is not null)
            return;
        var rule = entry.Rule;
        SigmaRuleVerdict Verdict(SigmaVerdictStatus status, SigmaError? error, IReadOnlyList<string>? notes = null) =>
            new(rule.Location, rule.Id, rule.Title, status, error, notes ?? []);

        entry.Visiting = true;
        try
        {
            var notes = new List<string>();
            var compiled = Compile(rule, depth, notes);
            entry.Result = compiled;
            entry.Verdict = Verdict(SigmaVerdictStatus.Compiled, null, notes);
            _ordered.Add(compiled);
        }
        catch (SigmaException e)
        {
            var status = e.Reason is Reasons.CorrelationReference or Reasons.CorrelationUnsupported or Reasons.Untranslatable
                ? SigmaVerdictStatus.Skipped
                : SigmaVerdictStatus.Rejected;
            entry.Verdict = Verdict(status, e.ToError());
        }
        finally
        {
            entry.Visiting = false;
        }

        _verdicts[rule] = entry.Verdict;
    }

    private CompiledCorrelation Compile(SigmaRule rule, int depth, List<string> notes)
    {
        if (rule.Body.GetValueOrDefault("correlation") is not OrderedDictionary<string, object?> section)
            throw new SigmaException(Reasons.Correlation, "correlation must be a map with type, rules, group-by, timespan and condition");
        foreach (var key in section.Keys)
        {
            if (key is not ("type" or "rules" or "group-by" or "timespan" or "condition" or "aliases" or "generate"))
                throw new SigmaException(Reasons.Correlation, $"unknown correlation attribute '{key}'");
        }

        var type = ParseType(Scalar(section, "type") ?? throw new SigmaException(Reasons.Correlation, "correlation has no type"));
        var references = Strings(section.GetValueOrDefault("rules"), "rules") ?? throw new SigmaException(Reasons.Correlation, "correlation has no rules");
        if (references.Count == 0)
            throw new SigmaException(Reasons.Correlation, "correlation.rules is empty");
        if (references.GroupBy(r => r, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new SigmaException(Reasons.Correlation, $"rule '{twice.Key}' is listed twice");
        var groupBy = Strings(section.GetValueOrDefault("group-by"), "group-by") ?? [];
        if (groupBy.Distinct(StringComparer.OrdinalIgnoreCase).Count() != groupBy.Count)
            throw new SigmaException(Reasons.Correlation, "group-by lists a field twice");
        var timespan = Timespans.Parse(Scalar(section, "timespan") ?? throw new SigmaException(Reasons.Correlation, "correlation has no timespan"));
        var generate = section.GetValueOrDefault("generate") switch
        {
            null => false,
            YamlScalar scalar when scalar.IsBool(out var value) => value,
            _ => throw new SigmaException(Reasons.Correlation, "generate must be true or false"),
        };
        var (condition, fields, percentile) = ParseCondition(type, section.GetValueOrDefault("condition"), references.Count);

        var sources = new List<CorrelationSource>(references.Count);
        foreach (var reference in references)
            sources.Add(Resolve(reference, depth));
        var aliases = ParseAliases(section.GetValueOrDefault("aliases"), sources);
        var level = rule.Level ?? sources.Select(s => s.Rule.Level).OrderByDescending(Rank).FirstOrDefault();
        var compiledRule = level == rule.Level ? rule : rule with { Level = level };

        foreach (var source in sources)
        {
            var groupNames = groupBy.Select(g => FieldFor(g, source, aliases)).ToArray();
            var valueNames = fields.Select(f => FieldFor(f, source, aliases)).ToArray();
            if (source.Child is { } child)
            {
                source.ChildGroup = [.. groupNames.Select(n => ChildIndex(child, n, "group-by"))];
                source.ChildValue = [.. valueNames.Select(n => ChildIndex(child, n, "field"))];
                continue;
            }

            var usable = 0;
            foreach (var target in source.Compiled!.Targets)
            {
                var group = groupNames.Select(target.Target.MapField).ToArray();
                var value = valueNames.Select(target.Target.MapField).ToArray();
                source.GroupFields[target.Target.Name] = group;
                source.ValueFields[target.Target.Name] = value;
                var missing = groupNames.Where((_, i) => group[i] is null).ToList();
                if (missing.Count > 0)
                    notes.Add($"{RuleCompiler.RuleLabel(source.Rule)} on {target.Target.Name}: no {string.Join(", ", missing)}; its hits there cannot be grouped and are not counted");
                else
                    usable++;
                if (value.Any(v => v is null) && missing.Count == 0)
                    notes.Add($"{RuleCompiler.RuleLabel(source.Rule)} on {target.Target.Name}: no {string.Join(", ", valueNames.Where((_, i) => value[i] is null))}; its hits there add no value");
            }

            if (usable == 0)
                throw new SigmaException(Reasons.Untranslatable, $"group-by {string.Join(", ", groupNames)} is on none of the event sources of {RuleCompiler.RuleLabel(source.Rule)}");
        }

        var compiledCorrelation = new CompiledCorrelation(compiledRule, type, timespan, groupBy, generate, condition, fields, percentile, sources);
        if (compiledCorrelation.Depth > MaxChainDepth)
            throw new SigmaException(Reasons.CorrelationUnsupported, $"correlation chain deeper than {MaxChainDepth} correlations");
        return compiledCorrelation;
    }

    private static int Rank(string? level) => level switch
    {
        "informational" => 0,
        "low" => 1,
        "medium" => 2,
        "high" => 3,
        "critical" => 4,
        _ => -1,
    };

    private CorrelationSource Resolve(string reference, int depth)
    {
        if (!_byReference.TryGetValue(reference, out var entry))
            throw new SigmaException(Reasons.CorrelationReference, $"rule '{reference}' is not among the loaded rules");
        if (entry.Rule.Kind == SigmaRuleKind.Filter)
            throw new SigmaException(Reasons.Correlation, $"'{reference}' is a filter, not a rule");
        if (entry.Rule.Kind == SigmaRuleKind.Detection)
        {
            if (entry.Compiled is null)
                throw new SigmaException(Reasons.CorrelationReference, $"rule '{reference}' is {entry.Verdict!.Status.ToString().ToLowerInvariant()} ({entry.Verdict.Error})");
            return new CorrelationSource(entry.Rule, entry.Compiled, null);
        }

        if (entry.Visiting)
            throw new SigmaException(Reasons.Correlation, $"correlation chain loops back to '{reference}'");
        if (depth + 1 > MaxChainDepth)
            throw new SigmaException(Reasons.CorrelationUnsupported, $"correlation chain deeper than {MaxChainDepth} at '{reference}'");
        Visit(entry, depth + 1);
        if (entry.Result is not { } child)
            throw new SigmaException(Reasons.CorrelationReference, $"correlation '{reference}' is {entry.Verdict!.Status.ToString().ToLowerInvariant()} ({entry.Verdict.Error})");
        return new CorrelationSource(child.Rule, null, child);
    }

    private static SigmaCorrelationType ParseType(string text) => text switch
    {
        "event_count" => SigmaCorrelationType.EventCount,
        "value_count" => SigmaCorrelationType.ValueCount,
        "temporal" => SigmaCorrelationType.Temporal,
        "temporal_ordered" => SigmaCorrelationType.TemporalOrdered,
        "value_sum" => SigmaCorrelationType.ValueSum,
        "value_avg" => SigmaCorrelationType.ValueAvg,
        "value_percentile" => SigmaCorrelationType.ValuePercentile,
        "value_median" => SigmaCorrelationType.ValueMedian,
        "value_min" or "value_max" => throw new SigmaException(Reasons.CorrelationUnsupported, $"correlation type '{text}' is not in Sigma v2.1 and not supported"),
        _ => throw new SigmaException(Reasons.Correlation, $"unknown correlation type '{text}'"),
    };

    private static (CorrelationCondition Condition, IReadOnlyList<string> Fields, double Percentile) ParseCondition(SigmaCorrelationType type, object? value, int ruleCount)
    {
        var terms = new List<(string Operator, double Bound)>();
        var fields = new List<string>();
        var percentile = double.NaN;
        var temporal = type is SigmaCorrelationType.Temporal or SigmaCorrelationType.TemporalOrdered;
        switch (value)
        {
            case null when temporal:
                break;
            case null:
                throw new SigmaException(Reasons.Correlation, "correlation has no condition");
            case OrderedDictionary<string, object?> map:
                foreach (var (key, item) in map)
                {
                    if (CorrelationCondition.Operators.Contains(key))
                        terms.Add((key, Number(key, item)));
                    else if (key == "field")
                        fields.AddRange(Strings(item, "condition.field") ?? []);
                    else if (key == "percentile")
                        percentile = Number(key, item);
                    else
                        throw new SigmaException(Reasons.Correlation, $"unknown condition key '{key}' (expected gt, gte, lt, lte, eq, neq, field or percentile)");
                }

                break;
            default:
                throw new SigmaException(Reasons.Correlation, "condition must be a map such as {gte: 10}");
        }

        if (terms.Count == 0)
        {
            if (!temporal)
                throw new SigmaException(Reasons.Correlation, "condition needs one of gt, gte, lt, lte, eq or neq");
            terms.Add(("gte", ruleCount)); // every referenced rule, the spec's meaning of temporal
        }

        var valueType = type is not (SigmaCorrelationType.EventCount or SigmaCorrelationType.Temporal or SigmaCorrelationType.TemporalOrdered);
        if (valueType && fields.Count == 0)
            throw new SigmaException(Reasons.Correlation, $"{Name(type)} needs condition.field");
        if (!valueType && fields.Count > 0)
            throw new SigmaException(Reasons.Correlation, $"condition.field applies to value_* correlations, not {Name(type)}");
        if (valueType && type != SigmaCorrelationType.ValueCount && fields.Count > 1)
            throw new SigmaException(Reasons.Correlation, $"{Name(type)} takes one numeric field, not {fields.Count}");
        if (type == SigmaCorrelationType.ValuePercentile)
        {
            if (double.IsNaN(percentile))
                throw new SigmaException(Reasons.Correlation, "value_percentile needs condition.percentile (1 to 100)");
            if (percentile is <= 0 or > 100)
                throw new SigmaException(Reasons.Correlation, "condition.percentile must be above 0 and at most 100");
        }
        else if (!double.IsNaN(percentile))
        {
            throw new SigmaException(Reasons.Correlation, $"condition.percentile applies to value_percentile, not {Name(type)}");
        }

        if (type == SigmaCorrelationType.TemporalOrdered && !(terms.Count == 1 && terms[0].Operator is "gte" or "eq" && terms[0].Bound == ruleCount))
            throw new SigmaException(Reasons.CorrelationUnsupported, $"temporal_ordered runs only with its default condition (all {ruleCount} rules in order), not '{new CorrelationCondition(terms)}'");
        return (new CorrelationCondition(terms), fields, percentile);
    }

    private static string Name(SigmaCorrelationType type) => SigmaCorrelationMatch.Name(type);

    private static double Number(string key, object? value)
    {
        if (value is YamlScalar { Plain: true } scalar
            && double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return number;
        throw new SigmaException(Reasons.Correlation, $"condition.{key} must be a number");
    }

    /// <summary><c>aliases</c>: alias → (rule name or id → field of that rule's events); every key must name a referenced rule.</summary>
    private static Dictionary<string, Dictionary<CorrelationSource, string>> ParseAliases(object? value, List<CorrelationSource> sources)
    {
        var aliases = new Dictionary<string, Dictionary<CorrelationSource, string>>(StringComparer.OrdinalIgnoreCase);
        if (value is null)
            return aliases;
        if (value is not OrderedDictionary<string, object?> map)
            throw new SigmaException(Reasons.Correlation, "aliases must map each alias to {rule name: field}");
        foreach (var (alias, item) in map)
        {
            if (item is not OrderedDictionary<string, object?> perRule || perRule.Count == 0)
                throw new SigmaException(Reasons.Correlation, $"alias '{alias}' must map rule names to fields");
            var fields = new Dictionary<CorrelationSource, string>();
            foreach (var (reference, field) in perRule)
            {
                var source = sources.FirstOrDefault(s => Is(s.Rule.Name, reference) || Is(s.Rule.Id, reference))
                    ?? throw new SigmaException(Reasons.Correlation, $"alias '{alias}' names '{reference}', which the correlation does not reference");
                if (field is not YamlScalar { Text.Length: > 0 } name)
                    throw new SigmaException(Reasons.Correlation, $"alias '{alias}': the field for '{reference}' must be a field name");
                fields[source] = name.Text;
            }

            aliases[alias] = fields;
        }

        return aliases;
    }

    private static bool Is(string? name, string reference) => name is not null && string.Equals(name, reference, StringComparison.OrdinalIgnoreCase);

    private static string FieldFor(string name, CorrelationSource source, Dictionary<string, Dictionary<CorrelationSource, string>> aliases)
    {
        if (!aliases.TryGetValue(name, out var perRule))
            return name;
        return perRule.TryGetValue(source, out var field)
            ? field
            : throw new SigmaException(Reasons.Correlation, $"alias '{name}' gives no field for {RuleCompiler.RuleLabel(source.Rule)}");
    }

    private static int ChildIndex(CompiledCorrelation child, string field, string what)
    {
        for (var i = 0; i < child.GroupBy.Count; i++)
        {
            if (string.Equals(child.GroupBy[i], field, StringComparison.OrdinalIgnoreCase))
                return i;
        }

        throw new SigmaException(Reasons.Correlation, $"{what} '{field}' is not a group-by of correlation '{child.Rule.Title}' (a chained correlation sees only those values)");
    }

    private static string? Scalar(OrderedDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) switch
    {
        null => null,
        YamlScalar scalar => scalar.Text,
        _ => throw new SigmaException(Reasons.Correlation, $"{key} must be a single value"),
    };

    private static List<string>? Strings(object? value, string what) => value switch
    {
        null => null,
        YamlScalar { Text.Length: > 0 } scalar => [scalar.Text],
        List<object?> list when list.All(i => i is YamlScalar { Text.Length: > 0 }) => [.. list.Cast<YamlScalar>().Select(s => s.Text)],
        _ => throw new SigmaException(Reasons.Correlation, $"{what} must be a name or a list of names"),
    };
}
