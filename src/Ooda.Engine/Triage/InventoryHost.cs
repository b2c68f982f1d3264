namespace Ooda.Engine.Triage;

/// <summary>One inventory row: <c>tenant,host,fqdn,ip,public_ip,os,roles,exchange_build,response_mode</c> (DESIGN.md §2).</summary>
/// <param name="Roles">Roles split on <c>;</c>, <c>|</c> or spaces, lower case.</param>
/// <param name="Location">Where the row is: <c>line 12</c> or <c>item 3</c>.</param>
public sealed record InventoryHost(
    string Tenant,
    string Host,
    string? Fqdn,
    string? Ip,
    string? PublicIp,
    string? Os,
    IReadOnlyList<string> Roles,
    string? ExchangeBuild,
    string? ResponseMode,
    string Location)
{
    public bool HasExchangeRole => Roles.Contains("exchange");
}
