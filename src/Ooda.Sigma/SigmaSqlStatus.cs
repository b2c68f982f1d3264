namespace Ooda.Sigma;

/// <summary>How much of a rule the SQL path decides.</summary>
public enum SigmaSqlStatus
{
    /// <summary>SQL decides every event, except values outside a guard the verdict names (e.g. non-ASCII under a case-insensitive regex).</summary>
    Translated,
    /// <summary>Part of the condition has no exact SQL form; events it leaves open are decided by the in-memory evaluator.</summary>
    Partial,
    /// <summary>Nothing past the logsource prefilter translates: every event of the rule's sources is decided in memory.</summary>
    NotTranslated,
    /// <summary>A correlation rule: evaluated in C# over the SQL detections of the rules it references.</summary>
    Correlation,
}
