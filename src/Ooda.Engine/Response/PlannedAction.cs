using Ooda.Response;

namespace Ooda.Engine.Response;

/// <summary>One remediation step the planner derived from a case's evidence, before it is stored.</summary>
public sealed record PlannedAction
{
    public required ActionKind Kind { get; init; }

    public required ActionTarget Target { get; init; }

    public string? Host { get; init; }

    public required string Subject { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public required string Reason { get; init; }

    public IReadOnlyList<string> FindingIds { get; init; } = [];

    public IReadOnlyList<int> EvidenceItems { get; init; } = [];

    /// <summary>The runbook step it instantiates (<c>proxyshell@1.2.0#remove-webshells</c>); null when it came from evidence alone.</summary>
    public string? RunbookStep { get; init; }
}
