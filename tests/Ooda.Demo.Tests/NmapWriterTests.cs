using System.Xml.Linq;

namespace Ooda.Demo.Tests;

[Collection(FleetCollection.Name)]
public sealed class NmapWriterTests(GeneratedFleet generated)
{
    [Fact]
    public void The_ipv4_scan_is_well_formed_nmap_xml_with_open_filtered_and_down_hosts()
    {
        var xml = XDocument.Load(Path.Combine(generated.Root, "scans", "external.xml"));
        var hosts = xml.Root!.Elements("host").ToDictionary(h => h.Element("address")!.Attribute("addr")!.Value);

        Assert.Equal("nmaprun", xml.Root.Name.LocalName);
        Assert.Equal("open", Port443(hosts["192.0.2.10"]));
        Assert.Equal("open", Port443(hosts["192.0.2.20"]));
        Assert.Equal("filtered", hosts["192.0.2.21"].Element("ports")!.Element("extraports")!.Attribute("state")!.Value);
        Assert.Equal("down", hosts["192.0.2.31"].Element("status")!.Attribute("state")!.Value);
        Assert.Equal("3", xml.Root.Element("runstats")!.Element("hosts")!.Attribute("up")!.Value);
        var service = hosts["192.0.2.10"].Element("ports")!.Elements("port").Single(p => p.Attribute("portid")!.Value == "443").Element("service")!;
        Assert.Equal("Microsoft IIS httpd", service.Attribute("product")!.Value);
        Assert.Equal("ssl", service.Attribute("tunnel")!.Value);
    }

    [Fact]
    public void The_ipv6_scan_holds_the_ipv6_only_exchange_server()
    {
        var xml = XDocument.Load(Path.Combine(generated.Root, "scans", "external-ipv6.xml"));
        var host = Assert.Single(xml.Root!.Elements("host"));

        Assert.Equal("ipv6", host.Element("address")!.Attribute("addrtype")!.Value);
        Assert.Equal("2001:db8:c0:1::15", host.Element("address")!.Attribute("addr")!.Value);
        Assert.Equal("open", Port443(host));
    }

    private static string Port443(XElement host) =>
        host.Element("ports")!.Elements("port").Single(p => p.Attribute("portid")!.Value == "443").Element("state")!.Attribute("state")!.Value;
}
