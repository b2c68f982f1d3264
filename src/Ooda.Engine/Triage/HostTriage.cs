using Ooda.Knowledge;

namespace Ooda.Engine.Triage;

/// <summary>One host's triage: what runs there, what it is exposed to, and why it ranks where it does.</summary>
/// <param name="Inventory">The inventory row.</param>
/// <param name="Assessment">The build assessment; null for hosts that are not Exchange.</param>
/// <param name="InternetExposed443">443/tcp open from the internet: true, false, or null when no scan tells.</param>
/// <param name="Exposure">What the scans said, in words.</param>
/// <param name="Priority">Priority.</param>
/// <param name="Reasons">The reasons for the priority, most important first.</param>
public sealed record HostTriage(
    InventoryHost Inventory,
    ExchangeAssessment? Assessment,
    bool? InternetExposed443,
    string Exposure,
    TriagePriority Priority,
    IReadOnlyList<string> Reasons)
{
    public string Tenant => Inventory.Tenant;

    public string Host => Inventory.Host;

    public bool IsExchange => Assessment is not null;

    /// <summary>vulnerable, patched, unknown, or not-exchange.</summary>
    public string Status => Assessment is null ? "not-exchange" : ExchangeAssessmentJson.StatusName(Assessment.Status);

    public IReadOnlyList<CveExposure> VulnerableTo => Assessment?.VulnerableTo ?? [];

    /// <summary>Pre-authentication entry points the build is certainly exposed to; counted once, the ranking compares it often.</summary>
    public int PreAuthExposures { get; } = Assessment?.VulnerableTo.Count(e => e.Certain && e.Cve.PreAuth) ?? 0;
}
