namespace Ooda.Demo;

/// <summary>One host of the fleet, as the inventory describes it.</summary>
/// <param name="Tenant">Tenant name.</param>
/// <param name="Name">Host name (lower case), also the collection folder name.</param>
/// <param name="Fqdn">Fully qualified name.</param>
/// <param name="Ip">Internal address.</param>
/// <param name="PublicIp">Internet-facing address (NAT), or null.</param>
/// <param name="Os">Operating system.</param>
/// <param name="Roles">Roles, e.g. <c>exchange</c>, <c>mailbox</c>, <c>dc</c>.</param>
/// <param name="ExchangeBuild">Exchange build as the inventory knows it; null when not Exchange or unknown.</param>
/// <param name="ResponseMode">notify, collaborate or authorize.</param>
/// <param name="CaptureLayout">How captured files are laid out: <c>kape</c>, <c>velociraptor</c> or <c>none</c>.</param>
public sealed record DemoHost(
    string Tenant,
    string Name,
    string Fqdn,
    string Ip,
    string? PublicIp,
    string Os,
    IReadOnlyList<string> Roles,
    string? ExchangeBuild,
    string ResponseMode,
    string CaptureLayout)
{
    public bool IsExchange => Roles.Contains("exchange");
}
