namespace Ooda.Store;

/// <summary>What a new case starts with; the store gives it its id and records who opened it.</summary>
public sealed record NewCase
{
    public required string Tenant { get; init; }

    public required string Title { get; init; }

    public required string Severity { get; init; }

    public string Status { get; init; } = "new";

    public string? Assignee { get; init; }

    public string Tlp { get; init; } = "amber";

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Hosts in scope from the start, each with the reason it is in scope.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Hosts { get; init; } = [];

    public IReadOnlyList<string> FindingIds { get; init; } = [];

    public IReadOnlyList<StoredEvidenceItem> Evidence { get; init; } = [];
}
