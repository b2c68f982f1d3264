namespace Ooda.Store;

/// <summary>A case as stored: its header, the hosts in scope, the linked findings, notes and evidence items.</summary>
public sealed record StoredCase
{
    public required string Id { get; init; }

    public required string Tenant { get; init; }

    public required string Title { get; init; }

    /// <summary>informational, low, medium, high or critical.</summary>
    public required string Severity { get; init; }

    /// <summary>new, investigating, contained, eradicated, recovered or closed.</summary>
    public required string Status { get; init; }

    public string? Assignee { get; init; }

    /// <summary>Traffic Light Protocol 2.0 marking: clear, green, amber, amber+strict or red.</summary>
    public required string Tlp { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public required DateTime OpenedAt { get; init; }

    public required string OpenedBy { get; init; }

    public required DateTime UpdatedAt { get; init; }

    public IReadOnlyList<StoredCaseHost> Hosts { get; init; } = [];

    public IReadOnlyList<string> FindingIds { get; init; } = [];

    public IReadOnlyList<StoredCaseNote> Notes { get; init; } = [];

    public IReadOnlyList<StoredEvidenceItem> Evidence { get; init; } = [];
}
