namespace Ooda.Core;

public enum DiagnosticSeverity
{
    /// <summary>Something was odd but nothing was lost.</summary>
    Warning,
    /// <summary>A record or line was lost.</summary>
    Error,
}
