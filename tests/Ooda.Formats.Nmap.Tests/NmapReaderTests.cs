using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Ooda.Core;
using Ooda.Demo;
using Ooda.Testing;

namespace Ooda.Formats.Nmap.Tests;

public sealed partial class NmapReaderTests
{
    private const string CorpusFolder = "nmap-xml-python-libnmap/xml";

    private static (List<NmapHost> Hosts, List<Diagnostic> Diagnostics) Read(string xml)
    {
        var diagnostics = new List<Diagnostic>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return (NmapReader.Read(stream, "scan.xml", diagnostics.Add).ToList(), diagnostics);
    }

    private static (List<NmapHost> Hosts, List<Diagnostic> Diagnostics) ReadFile(string path)
    {
        var diagnostics = new List<Diagnostic>();
        return (NmapReader.ReadFile(path, diagnostics.Add).ToList(), diagnostics);
    }

    [Fact]
    public void An_empty_file_is_a_diagnostic_not_a_crash()
    {
        var (hosts, diagnostics) = Read("");
        Assert.Empty(hosts);
        Assert.Contains("not XML", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_that_is_not_nmap_is_named_as_such()
    {
        var (hosts, diagnostics) = Read("<?xml version=\"1.0\"?><root><host/></root>");
        Assert.Empty(hosts);
        Assert.Contains("not nmap XML: the root element is <root>", Assert.Single(diagnostics).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_keeps_the_hosts_before_the_cut_and_says_where()
    {
        const string Xml = "<nmaprun>\n<host><status state=\"up\"/><address addr=\"192.0.2.1\" addrtype=\"ipv4\"/></host>\n<host><status state=\"up\"/><addr";
        var (hosts, diagnostics) = Read(Xml);
        Assert.Equal("192.0.2.1", Assert.Single(hosts).Addresses[0].Address);
        var d = Assert.Single(diagnostics);
        Assert.StartsWith("scan.xml:3:", d.ToString(), StringComparison.Ordinal);
        Assert.Contains("the rest of the file is lost", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_without_an_address_is_skipped_with_a_warning()
    {
        var (hosts, diagnostics) = Read("<nmaprun><host><status state=\"up\"/></host><host><address addr=\"192.0.2.9\"/></host></nmaprun>");
        Assert.Single(hosts);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics).Severity);
    }

    [Fact]
    public void Reads_https_as_http_over_ssl_and_an_unlisted_scanned_port_from_extraports()
    {
        const string Xml = """
            <nmaprun><scaninfo type="syn" protocol="tcp" numservices="3" services="25,80,443"/>
            <host><status state="up"/><address addr="2001:db8::15" addrtype="ipv6"/>
            <ports><port protocol="tcp" portid="443"><state state="open" reason="syn-ack"/><service name="http" product="Microsoft IIS httpd" tunnel="ssl"/></port></ports></host>
            <host><status state="up"/><address addr="192.0.2.21" addrtype="ipv4"/><ports><extraports state="filtered" count="3"/></ports></host>
            <host><status state="down"/><address addr="192.0.2.31" addrtype="ipv4"/></host>
            </nmaprun>
            """;
        var (hosts, diagnostics) = Read(Xml);
        Assert.Empty(diagnostics);
        Assert.Equal(("open", "ssl"), (hosts[0].TcpPortState(443), hosts[0].Ports[0].Service!.Tunnel));
        Assert.Equal("filtered", hosts[1].TcpPortState(443));
        Assert.Null(hosts[1].TcpPortState(8443));
        Assert.False(hosts[2].IsUp);
        Assert.Null(hosts[2].TcpPortState(443));
    }

    [Fact]
    public void Never_fetches_external_entities()
    {
        const string Xml = "<?xml version=\"1.0\"?><!DOCTYPE nmaprun [<!ENTITY ee SYSTEM \"file:///etc/passwd\">]><nmaprun><host><address addr=\"&ee;\"/></host></nmaprun>";
        var (hosts, diagnostics) = Read(Xml);
        Assert.Empty(hosts);
        Assert.Single(diagnostics);
    }

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        var folder = Corpus.Root is { } root ? Path.Combine(root, CorpusFolder) : null;
        if (folder is null || !Directory.Exists(folder))
        {
            data.Add("(corpus absent)");
            return data;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            data.Add(file!);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Reads_every_real_nmap_file_and_agrees_with_its_runstats(string file)
    {
        var folder = Corpus.Require(CorpusFolder);
        var path = Path.Combine(folder, file);
        var text = File.ReadAllText(path);
        var (hosts, diagnostics) = ReadFile(path);
        if (file.StartsWith("defused_", StringComparison.Ordinal))
        {
            Assert.Empty(hosts);
            Assert.NotEmpty(diagnostics);
            return;
        }

        Assert.Empty(diagnostics);
        var up = RunstatsUp().Match(text);
        Assert.True(up.Success, "runstats missing");
        Assert.Equal(int.Parse(up.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), hosts.Count(h => h.IsUp));
        Assert.Equal(HostElement().Count(text), hosts.Count);
        Assert.All(hosts, h => Assert.NotEmpty(h.IpAddresses));
    }

    [SkippableFact]
    public void Lists_hosts_that_are_down()
    {
        var (hosts, _) = ReadFile(Path.Combine(Corpus.Require(CorpusFolder), "fullscan.xml"));
        Assert.Contains(hosts, h => !h.IsUp);
    }

    [Fact]
    public void Reads_the_demo_fleet_scans_over_ipv4_and_ipv6()
    {
        using var temp = new TempDirectory();
        DemoFleetGenerator.Generate(new DemoOptions(temp.Path, Scale: 0.01));
        var (v4, d4) = ReadFile(Path.Combine(temp.Path, "scans", "external.xml"));
        var (v6, d6) = ReadFile(Path.Combine(temp.Path, "scans", "external-ipv6.xml"));
        Assert.Empty(d4.Concat(d6));
        Assert.Equal("open", v4.Single(h => h.IpAddresses.Contains("192.0.2.10")).TcpPortState(443));
        Assert.Equal("filtered", v4.Single(h => h.IpAddresses.Contains("192.0.2.21")).TcpPortState(443));
        Assert.False(v4.Single(h => h.IpAddresses.Contains("192.0.2.31")).IsUp);
        Assert.Equal("open", Assert.Single(v6).TcpPortState(443));
    }

    [Fact]
    public void Never_throws_on_mangled_input() =>
        Gen.Select(Gen.Int[0, 400], Gen.Byte.Array[0, 8]).Sample((cut, noise) =>
        {
            const string Xml = "<nmaprun><scaninfo protocol=\"tcp\" services=\"1-1000\"/><host><status state=\"up\"/><address addr=\"192.0.2.1\" addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" portid=\"443\"><state state=\"open\"/></port></ports></host></nmaprun>";
            var bytes = Encoding.UTF8.GetBytes(Xml[..Math.Min(cut, Xml.Length)]).Concat(noise).ToArray();
            using var stream = new MemoryStream(bytes);
            _ = NmapReader.Read(stream, "fuzz.xml", _ => { }).ToList();
        }, seed: "0N0XIzNsQ0O2");

    [GeneratedRegex("<hosts up=\"(\\d+)\"")]
    private static partial Regex RunstatsUp();

    [GeneratedRegex("<host[ >]")]
    private static partial Regex HostElement();
}
