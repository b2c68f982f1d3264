namespace Ooda.Store;

/// <summary>
/// How far a tenant lets us act during an active threat: its response mode, whether we may act in collaborate mode when
/// no contact answers, and the contact chain tried in order (primary, secondary, tertiary).
/// </summary>
public sealed record TenantResponse
{
    public required string Tenant { get; init; }

    /// <summary>One of <see cref="TenantResponseModes"/>: notify, collaborate or authorize.</summary>
    public required string Mode { get; init; }

    /// <summary>Collaborate only: act when every contact was tried and none answered.</summary>
    public bool ActIfUnreachable { get; init; }

    /// <summary>At most three, primary first.</summary>
    public IReadOnlyList<TenantResponseContact> Contacts { get; init; } = [];

    public DateTime UpdatedAt { get; init; }

    public string UpdatedBy { get; init; } = string.Empty;
}
