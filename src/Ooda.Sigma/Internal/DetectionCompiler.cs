namespace Ooda.Sigma.Internal;

/// <summary>
/// Compiles a rule's <c>detection</c> into one condition tree: a map is an AND of its field entries, a list an OR of
/// its items (maps, or bare values for a keyword search), and a condition list an OR of its expressions.
/// </summary>
internal static class DetectionCompiler
{
    public static Node Compile(OrderedDictionary<string, object?> detection, SigmaCompileOptions options, FieldTable table)
    {
        var identifiers = new Dictionary<string, Node>(StringComparer.Ordinal);
        object? condition = null;
        foreach (var (name, value) in detection)
        {
            switch (name)
            {
                case "condition":
                    condition = value;
                    continue;
                case "timeframe":
                    continue; // only meaningful for v1 aggregations, which the condition parser refuses
            }

            identifiers[name] = Search(name, value, options, table);
        }

        var expressions = condition switch
        {
            YamlScalar scalar => [scalar.Text],
            List<object?> list when list.Count > 0 && list.All(i => i is YamlScalar) => list.Cast<YamlScalar>().Select(s => s.Text).ToList(),
            null => throw new SigmaException(Reasons.Structure, "detection has no condition"),
            _ => throw new SigmaException(Reasons.Structure, "condition must be a string or a list of strings"),
        };
        var nodes = expressions.Select(e => ConditionParser.Parse(e, identifiers)).ToList();
        return nodes.Count == 1 ? nodes[0] : new OrNode([.. nodes]);
    }

    private static Node Search(string name, object? value, SigmaCompileOptions options, FieldTable table)
    {
        try
        {
            return value switch
            {
                OrderedDictionary<string, object?> map => Map(map, options, table),
                List<object?> list when list.Count == 0 => throw new SigmaException(Reasons.Structure, "empty list"),
                List<object?> list when list.All(i => i is OrderedDictionary<string, object?>) =>
                    Or(list.Select(i => Map((OrderedDictionary<string, object?>)i!, options, table))),
                List<object?> list when list.All(i => i is YamlScalar) => Keywords(new ValueBuilder.Chain(string.Empty, []), list, options, table),
                List<object?> => throw new SigmaException(Reasons.Structure, "a list mixes maps and plain values"),
                YamlScalar scalar => Keywords(new ValueBuilder.Chain(string.Empty, []), [scalar], options, table),
                null => throw new SigmaException(Reasons.Structure, "empty search identifier"),
                _ => throw new SigmaException(Reasons.Structure, "unexpected value"),
            };
        }
        catch (SigmaException e)
        {
            throw new SigmaException(e.Reason, $"detection '{name}': {e.Message}");
        }
    }

    private static Node Or(IEnumerable<Node> nodes)
    {
        var list = nodes.ToList();
        return list.Count == 1 ? list[0] : new OrNode([.. list]);
    }

    private static Node Map(OrderedDictionary<string, object?> map, SigmaCompileOptions options, FieldTable table)
    {
        if (map.Count == 0)
            throw new SigmaException(Reasons.Structure, "empty map");
        var entries = new List<Node>(map.Count);
        foreach (var (key, value) in map)
        {
            var chain = ValueBuilder.ParseKey(key);
            var values = value switch
            {
                List<object?> list => list,
                OrderedDictionary<string, object?> => throw new SigmaException(Reasons.Structure, $"'{key}': a field value cannot be a map"),
                _ => [value],
            };
            if (chain.Field.Length == 0)
            {
                entries.Add(Keywords(chain, values, options, table));
                continue;
            }

            var matchers = ValueBuilder.Build(chain, values, options, table, out var all);
            entries.Add(new FieldNode(chain.Field, table.Intern(chain.Field), matchers, all));
        }

        return entries.Count == 1 ? entries[0] : new AndNode([.. entries]);
    }

    /// <summary>Keyword values match anywhere in a field: a value without a leading/trailing wildcard is searched as a substring.</summary>
    private static KeywordNode Keywords(ValueBuilder.Chain chain, IReadOnlyList<object?> values, SigmaCompileOptions options, FieldTable table)
    {
        var modifiers = chain.Modifiers.ToList();
        if (!modifiers.Contains("contains") && !modifiers.Contains("startswith") && !modifiers.Contains("endswith") && !modifiers.Contains("re"))
            modifiers.Insert(0, "contains");
        var matchers = ValueBuilder.Build(chain with { Modifiers = modifiers }, values, options, table, out var all);
        var text = matchers.OfType<TextMatcher>().ToArray();
        if (text.Length != matchers.Length)
            throw new SigmaException(Reasons.ModifierValue, "keyword searches take string values only");
        return new KeywordNode(text, all);
    }
}
