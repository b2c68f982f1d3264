namespace Ooda.Store;

/// <summary>Changes to a case's header; null leaves a field as it is.</summary>
public sealed record CaseChange
{
    public string? Title { get; init; }

    public string? Severity { get; init; }

    public string? Status { get; init; }

    /// <summary>An empty string clears the assignee.</summary>
    public string? Assignee { get; init; }

    public string? Tlp { get; init; }

    public IReadOnlyList<string> AddTags { get; init; } = [];

    public IReadOnlyList<string> RemoveTags { get; init; } = [];

    /// <summary>Why, for the audit log.</summary>
    public string? Reason { get; init; }
}
