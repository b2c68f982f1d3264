namespace Ooda.Detection.Runbooks;

/// <summary>The threat a runbook is about: its CVEs, the actors known to use it, and public references.</summary>
public sealed record RunbookThreat
{
    public IReadOnlyList<string> Cves { get; init; } = [];

    public IReadOnlyList<string> Actors { get; init; } = [];

    public IReadOnlyList<string> References { get; init; } = [];
}
