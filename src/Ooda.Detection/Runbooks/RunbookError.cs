namespace Ooda.Detection.Runbooks;

/// <summary>A problem with a runbook file, located by file and line.</summary>
public sealed record RunbookError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
