namespace Ooda.Demo;

/// <summary>One customer of the MDR team.</summary>
/// <param name="Name">Tenant id as used in folders and the inventory, e.g. <c>acme-logistics</c>.</param>
/// <param name="Domain">Active Directory DNS domain, e.g. <c>acme-logistics.example</c>.</param>
/// <param name="NetbiosDomain">NetBIOS domain name, e.g. <c>ACME</c>.</param>
/// <param name="ResponseMode">Default response mode: notify, collaborate or authorize.</param>
public sealed record DemoTenant(string Name, string Domain, string NetbiosDomain, string ResponseMode);
