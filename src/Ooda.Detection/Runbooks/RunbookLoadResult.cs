namespace Ooda.Detection.Runbooks;

/// <summary>A runbook file read: the runbook when it is valid, and every problem found (a runbook with errors is not used).</summary>
public sealed record RunbookLoadResult(string SourcePath, Runbook? Runbook, IReadOnlyList<RunbookError> Errors);
