namespace Ooda.Sigma.Internal;

/// <summary>
/// Compiles a <c>filter:</c> document: <c>rules</c> (ids or names; absent or <c>any</c> for every rule of the logsource),
/// the search identifiers and <c>condition</c> as in a detection, and the top-level <c>ooda-tenants</c> extension.
/// </summary>
internal static class FilterCompiler
{
    public const string TenantsKey = "ooda-tenants";

    public static CompiledFilter Compile(SigmaRule rule, SigmaCompileOptions options, FieldTable table)
    {
        if (rule.Body.GetValueOrDefault("filter") is not OrderedDictionary<string, object?> section)
            throw new SigmaException(Reasons.Filter, "filter must be a map with rules, search identifiers and condition");
        if (rule.Body.GetValueOrDefault("logsource") is not OrderedDictionary<string, object?>)
            throw new SigmaException(Reasons.Filter, "a filter needs a logsource (it selects the rules the filter applies to)");

        var references = References(section.GetValueOrDefault("rules"));
        var detection = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in section)
        {
            if (key != "rules")
                detection[key] = value;
        }

        if (detection.Count <= 1)
            throw new SigmaException(Reasons.Filter, "filter has no search identifier (e.g. selection) besides its condition");
        Node node;
        try
        {
            node = DetectionCompiler.Compile(detection, options, table);
        }
        catch (SigmaException e)
        {
            throw new SigmaException(e.Reason, "filter: " + e.Message);
        }

        if (Tenants(rule.Body.GetValueOrDefault(TenantsKey)) is { } tenants)
            node = AndNode.Of([new TenantNode(tenants), node]);
        return new CompiledFilter(rule, node, references);
    }

    private static HashSet<string>? References(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case YamlScalar { Text: "any" or "all" }:
                return null;
            case YamlScalar scalar:
                return new HashSet<string>([scalar.Text], StringComparer.OrdinalIgnoreCase);
            case List<object?> list when list.Count > 0 && list.All(i => i is YamlScalar { Text.Length: > 0 }):
                return new HashSet<string>(list.Cast<YamlScalar>().Select(s => s.Text), StringComparer.OrdinalIgnoreCase);
            default:
                throw new SigmaException(Reasons.Filter, "filter.rules must be a list of rule ids or names (or 'any')");
        }
    }

    private static HashSet<string>? Tenants(object? value) => value switch
    {
        null => null,
        YamlScalar { Text.Length: > 0 } scalar => new HashSet<string>([scalar.Text], StringComparer.OrdinalIgnoreCase),
        List<object?> list when list.Count > 0 && list.All(i => i is YamlScalar { Text.Length: > 0 }) =>
            new HashSet<string>(list.Cast<YamlScalar>().Select(s => s.Text), StringComparer.OrdinalIgnoreCase),
        _ => throw new SigmaException(Reasons.Filter, $"{TenantsKey} must be a tenant name or a non-empty list of them"),
    };
}
