namespace Ooda.Demo.Internal;

/// <summary>A host plus what only the generator knows about it (the real build, SIDs, its users).</summary>
internal sealed record HostProfile(
    DemoHost Host,
    DemoTenant Tenant,
    string Netbios,
    string? ActualBuild,
    string MailHost,
    string DomainSid,
    string MachineSid,
    uint MachineGuidPrefix,
    IReadOnlyList<DemoUser> Users,
    string DcIp,
    double TrafficWeight)
{
    public string Computer => Host.Fqdn;

    public bool IsDc => Host.Roles.Contains("dc");

    public bool IsWorkstation => Host.Roles.Contains("workstation");

    /// <summary>The long, zero-padded build form Exchange logs use, e.g. 15.02.0858.005.</summary>
    public string LongBuild => ActualBuild is null ? "" : ExchangeBuilds.ToLong(ActualBuild);
}
