namespace Ooda.Store;

/// <summary>Which stored findings to read; every filter is optional.</summary>
public sealed record FindingQuery
{
    public string? Tenant { get; init; }

    public string? Host { get; init; }

    public string? RunbookId { get; init; }

    /// <summary>Only the findings linked to this case (its exact id, e.g. <c>C-0001</c>).</summary>
    public string? CaseId { get; init; }

    /// <summary>Only findings at or above: informational, low, medium, high, critical.</summary>
    public string? MinSeverity { get; init; }

    public int? Limit { get; init; }
}
