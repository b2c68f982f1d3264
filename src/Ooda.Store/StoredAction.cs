namespace Ooda.Store;

/// <summary>A remediation action of a case as stored: what it does, to what, why (the evidence), its state and its history.</summary>
public sealed record StoredAction
{
    /// <summary>Like <c>A-0007</c>.</summary>
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    public required string Tenant { get; init; }

    /// <summary>The action kind, e.g. <c>isolate-host</c>, <c>quarantine-file</c>, <c>block-ip</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Who carries it out: <c>agent</c> (our endpoint agent) or <c>customer</c>.</summary>
    public required string Target { get; init; }

    /// <summary>The host it applies to; null for tenant-wide actions such as blocking an address at the perimeter.</summary>
    public string? Host { get; init; }

    /// <summary>What it acts on: a host name, a file path, an account, an address, a hash.</summary>
    public required string Subject { get; init; }

    /// <summary>Kind-specific values (from evidence: treat as hostile), sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public required string Reason { get; init; }

    /// <summary>The findings behind the action.</summary>
    public IReadOnlyList<string> FindingIds { get; init; } = [];

    /// <summary>The case's evidence item numbers behind the action.</summary>
    public IReadOnlyList<int> EvidenceItems { get; init; } = [];

    /// <summary>One of <see cref="StoredActionStates"/>.</summary>
    public required string State { get; init; }

    /// <summary>Stable for the action's life; sent to connectors so a repeated dispatch acts once.</summary>
    public required string IdempotencyKey { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTime UpdatedAt { get; init; }

    public required string UpdatedBy { get; init; }

    /// <summary>Every state change, oldest first; the first is the proposal.</summary>
    public IReadOnlyList<StoredActionEvent> Events { get; init; } = [];
}
