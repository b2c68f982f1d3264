namespace Ooda.Store;

/// <summary>Which leads to list; every filter is optional. The queue order is: state (new first), severity, acknowledgement due time.</summary>
public sealed record LeadQuery
{
    public string? Tenant { get; init; }

    /// <summary>Only leads of these tenants (an analyst's assigned tenants); an empty list matches none.</summary>
    public IReadOnlyList<string>? Tenants { get; init; }

    public string? Host { get; init; }

    /// <summary>One of <see cref="LeadStates"/>, or <c>open</c> for new and acknowledged.</summary>
    public string? State { get; init; }

    /// <summary>Only leads at or above: informational, low, medium, high, critical.</summary>
    public string? MinSeverity { get; init; }

    public string? CaseId { get; init; }

    public int? Limit { get; init; }

    public int Offset { get; init; }
}
