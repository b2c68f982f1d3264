namespace Ooda.Engine.Runbooks;

/// <summary>A problem with a runbook: an error stops it from being used, a warning is something to look at.</summary>
public sealed record RunbookIssue(string Where, bool IsError, string Message)
{
    public override string ToString() => $"{(IsError ? "error" : "warning")}: {Where}: {Message}";
}
