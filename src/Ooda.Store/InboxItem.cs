namespace Ooda.Store;

/// <summary>One arrived evidence file in the continuous-hunting work queue (unique by tenant, host and SHA-256).</summary>
public sealed record InboxItem
{
    public required long Id { get; init; }

    public required string Tenant { get; init; }

    public required string Host { get; init; }

    /// <summary>Its path under the inbox folder, with <c>/</c> separators (<c>tenant/host/…</c>).</summary>
    public required string RelativePath { get; init; }

    public required string Sha256 { get; init; }

    public required long Size { get; init; }

    /// <summary>How it came: <c>inbox</c> (dropped into the folder) or <c>upload</c>.</summary>
    public required string Origin { get; init; }

    public required string Actor { get; init; }

    /// <summary>One of <see cref="InboxItemStates"/>.</summary>
    public required string State { get; init; }

    /// <summary>How many times a step was tried and failed.</summary>
    public required int Attempts { get; init; }

    public string? Error { get; init; }

    public long? Events { get; init; }

    public int? Findings { get; init; }

    /// <summary>How many leads its findings raised or updated.</summary>
    public int? Leads { get; init; }

    public required DateTime ArrivedAt { get; init; }

    public DateTime? IngestedAt { get; init; }

    public DateTime? HuntedAt { get; init; }

    public required DateTime UpdatedAt { get; init; }
}
