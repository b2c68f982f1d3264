namespace Ooda.Engine.Triage;

/// <summary>Roll-up of one tenant's hosts.</summary>
public sealed record TenantTriage(
    string Tenant,
    int Hosts,
    int ExchangeHosts,
    int Vulnerable,
    int UnknownBuild,
    int Exposed443,
    int Critical,
    int High,
    TriagePriority Highest);
