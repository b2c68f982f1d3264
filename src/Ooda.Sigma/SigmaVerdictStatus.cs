namespace Ooda.Sigma;

public enum SigmaVerdictStatus
{
    /// <summary>Compiled and applied to at least one event source.</summary>
    Compiled,
    /// <summary>The rule is valid Sigma but cannot run here (unmapped logsource, fields no source carries, correlation).</summary>
    Skipped,
    /// <summary>The rule is broken or uses something outside Sigma v2.1.</summary>
    Rejected,
}
