namespace Ooda.Investigation.Cases;

/// <summary>What the analyst asks for when opening a case; anything left null is derived from the findings.</summary>
public sealed record CaseOpening
{
    /// <summary>Finding ids or unique prefixes (at least 6 characters) the case starts from.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    public string? Title { get; init; }

    /// <summary>Required when no finding names the tenant.</summary>
    public string? Tenant { get; init; }

    public string? Severity { get; init; }

    public string? Assignee { get; init; }

    public string? Tlp { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Hosts in scope besides the findings' hosts.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];
}
