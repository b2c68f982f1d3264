using Ooda.Engine.Triage.Internal;
using Ooda.Knowledge;

namespace Ooda.Engine.Triage;

/// <summary>
/// One host's triage: what runs there, what it is exposed to, and why it ranks where it does. The sentences are made
/// from facts shared per build and per scan answer when asked for, so a fleet of 100,000 hosts keeps no string per host.
/// </summary>
public sealed record HostTriage
{
    internal const string NotExchange = "not an Exchange server (no exchange role or build in the inventory)";

    private static readonly IReadOnlyList<string> _notExchangeReasons = Array.AsReadOnly([NotExchange]);

    internal HostTriage(InventoryHost inventory, BuildFacts? facts, HostExposure exposure, TriagePriority priority)
    {
        Inventory = inventory;
        Facts = facts;
        ExposureFacts = exposure;
        Priority = priority;
    }

    /// <summary>The inventory row.</summary>
    public InventoryHost Inventory { get; }

    /// <summary>The build assessment; null for hosts that are not Exchange.</summary>
    public ExchangeAssessment? Assessment => Facts?.Assessment;

    /// <summary>443/tcp open from the internet: true, false, or null when no scan tells.</summary>
    public bool? InternetExposed443 => ExposureFacts.Exposed;

    /// <summary>What the scans said, in words.</summary>
    public string Exposure => ExposureFacts.Describe(Inventory.PublicIp);

    public TriagePriority Priority { get; }

    /// <summary>The reasons for the priority, most important first: what the build is, what the scans said, what fixes it.</summary>
    public IReadOnlyList<string> Reasons
    {
        get
        {
            if (Facts is null)
                return _notExchangeReasons;
            var reasons = new List<string>(Facts.StatusReasons.Count + 2);
            reasons.AddRange(Facts.StatusReasons);
            reasons.Add(Exposure);
            if (Facts.FixReason is not null)
                reasons.Add(Facts.FixReason);
            return reasons.AsReadOnly();
        }
    }

    public string Tenant => Inventory.Tenant;

    public string Host => Inventory.Host;

    public bool IsExchange => Assessment is not null;

    /// <summary>vulnerable, patched, unknown, or not-exchange.</summary>
    public string Status => Assessment is null ? "not-exchange" : ExchangeAssessmentJson.StatusName(Assessment.Status);

    public IReadOnlyList<CveExposure> VulnerableTo => Assessment?.VulnerableTo ?? [];

    /// <summary>Pre-authentication entry points the build is certainly exposed to; counted once per build.</summary>
    public int PreAuthExposures => Facts?.PreAuthExposures ?? 0;

    internal BuildFacts? Facts { get; }

    internal HostExposure ExposureFacts { get; }
}
