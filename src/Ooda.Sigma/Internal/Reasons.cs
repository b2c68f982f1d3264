namespace Ooda.Sigma.Internal;

/// <summary>The reason classes a rule can be refused for; lint counts by these.</summary>
internal static class Reasons
{
    public const string Yaml = "yaml";
    public const string Structure = "rule-structure";
    public const string UnknownModifier = "unknown-modifier";
    public const string ModifierValue = "modifier-value";
    public const string Escaping = "value-syntax";
    public const string ConditionSyntax = "condition-syntax";
    public const string UnknownIdentifier = "unknown-identifier";
    public const string Aggregation = "aggregation";
    public const string Placeholder = "placeholder-unconfigured";
    public const string Regex = "regex";
    public const string LogsourceUnmapped = "logsource-unmapped";
    public const string Untranslatable = "fields-unavailable";
    public const string Correlation = "correlation";
    public const string CorrelationReference = "correlation-reference";
    public const string CorrelationUnsupported = "correlation-unsupported";
    public const string Filter = "filter";
    public const string FilterReference = "filter-reference";
}
