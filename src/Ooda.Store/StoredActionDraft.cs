namespace Ooda.Store;

/// <summary>An action to add to a case; one whose <see cref="IdempotencyKey"/> is already stored is not added again.</summary>
public sealed record StoredActionDraft
{
    public required string CaseId { get; init; }

    public required string Tenant { get; init; }

    public required string Kind { get; init; }

    public required string Target { get; init; }

    public string? Host { get; init; }

    public required string Subject { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public required string Reason { get; init; }

    public IReadOnlyList<string> FindingIds { get; init; } = [];

    public IReadOnlyList<int> EvidenceItems { get; init; } = [];

    /// <summary>The state it starts in: proposed, or awaiting-approval when the tenant's mode needs consent.</summary>
    public string State { get; init; } = StoredActionStates.Proposed;

    public required string IdempotencyKey { get; init; }

    /// <summary>The tenant's mode when it was proposed, recorded with the proposal.</summary>
    public string? Mode { get; init; }
}
