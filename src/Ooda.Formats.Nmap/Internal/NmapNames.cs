using System.Xml;

namespace Ooda.Formats.Nmap.Internal;

/// <summary>The element and attribute names the reader looks at, atomised in the reader's name table so they compare by reference.</summary>
internal sealed class NmapNames(XmlNameTable table)
{
    public XmlNameTable Table { get; } = table;

    public string NmapRun { get; } = table.Add("nmaprun");

    public string ScanInfo { get; } = table.Add("scaninfo");

    public string Host { get; } = table.Add("host");

    public string Status { get; } = table.Add("status");

    public string Address { get; } = table.Add("address");

    public string Hostname { get; } = table.Add("hostname");

    public string Port { get; } = table.Add("port");

    public string ExtraPorts { get; } = table.Add("extraports");

    public string State { get; } = table.Add("state");

    public string Service { get; } = table.Add("service");

    public string Protocol { get; } = table.Add("protocol");

    public string Services { get; } = table.Add("services");

    public string Addr { get; } = table.Add("addr");

    public string AddrType { get; } = table.Add("addrtype");

    public string Name { get; } = table.Add("name");

    public string PortId { get; } = table.Add("portid");

    public string Count { get; } = table.Add("count");

    public string Reason { get; } = table.Add("reason");

    public string Product { get; } = table.Add("product");

    public string Version { get; } = table.Add("version");

    public string Tunnel { get; } = table.Add("tunnel");
}
