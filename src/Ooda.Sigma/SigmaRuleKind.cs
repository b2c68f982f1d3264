namespace Ooda.Sigma;

public enum SigmaRuleKind
{
    /// <summary>A detection rule: one event at a time.</summary>
    Detection,
    /// <summary>A correlation (meta) rule over the matches of other rules.</summary>
    Correlation,
    /// <summary>A global filter that appends an exclusion to the rules it names.</summary>
    Filter,
}
