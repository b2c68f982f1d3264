namespace Ooda.Sigma;

/// <summary>How rules compile: the logsource mapping, and the values of <c>%placeholder%</c>s for <c>|expand</c>.</summary>
public sealed record SigmaCompileOptions
{
    public static SigmaCompileOptions Default { get; } = new();

    /// <summary>Logsource → event sources and field names; the embedded <c>mappings/</c> by default.</summary>
    public LogsourceMapping Mapping { get; init; } = LogsourceMapping.Default;

    /// <summary>Placeholder name (without <c>%</c>) → values (Sigma strings, wildcards allowed). Unconfigured placeholders reject the rule.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Where <see cref="SigmaRuleSet.Load(string, SigmaCompileOptions?)"/> keeps the parsed YAML of rule files, keyed by
    /// their content hash, so loading unchanged rules again skips YAML parsing; null (the default) keeps nothing.
    /// </summary>
    public string? RuleCacheDirectory { get; init; }
}
