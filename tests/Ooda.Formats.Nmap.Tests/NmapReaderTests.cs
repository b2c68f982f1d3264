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

    [Theory]
    [InlineData("<nmaprun><host><address addr=\"192.0.2.1\"/></hots></nmaprun>", "2:36", "does not match the end tag of 'hots'")]
    [InlineData("<nmaprun><host><address addr=192.0.2.1/></host></nmaprun>", "2:21", "The expected token is '\"' or '''")]
    [InlineData("<nmaprun><host><address addr=\"192.0.2.1\" addr=\"192.0.2.2\"/></host></nmaprun>", "2:33", "'addr' is a duplicate attribute name")]
    [InlineData("<nmaprun><host><address addr=\"192.0.2.<1\"/></host></nmaprun>", "2:30", "'<', hexadecimal value 0x3C, is an invalid attribute character")]
    [InlineData("<nmaprun><host><address addr=\"192.0.2.1\"/></host></nmaprun>trailing text", "2:51", "Data at the root level is invalid")]
    [InlineData("<nmaprun><host><address addr=\"192.0.2.1\"/></host></nmaprun><nmaprun/>", "2:52", "multiple root elements")]
    [InlineData("<nmaprun><host><address addr=\"&ee;\"/></host></nmaprun>", "2:23", "undeclared entity 'ee'")]
    [InlineData("<nmaprun><host><address addr=\"192.0.2.1\"/></host><!-- never closed", "2:58", "end of file while parsing Comment")]
    [InlineData("<nmaprun><host><address addr=\"192.0.2.1\"/></host><host><address addr=\"192.0.2.2\"/>", "3:34", "not closed: host, nmaprun")]
    public void Malformed_xml_is_one_diagnostic_naming_the_place_and_what_was_read_before_stays(string xml, string location, string message)
    {
        var (hosts, diagnostics) = Read(xml.Replace("<host>", "\n<host>", StringComparison.Ordinal));
        var d = Assert.Single(diagnostics);
        Assert.Equal(("scan.xml", location, DiagnosticSeverity.Error), (d.File, d.Location, d.Severity));
        Assert.StartsWith("XML ends or breaks here, the rest of the file is lost: ", d.Message, StringComparison.Ordinal);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
        Assert.True(hosts.Count <= 2);
        Assert.All(hosts, h => Assert.StartsWith("192.0.2.", h.Addresses[0].Address, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'<', 0 })]
    [InlineData(new byte[] { (byte)'<', (byte)'!', (byte)'[', (byte)'C', (byte)'D', (byte)'A', (byte)'T', (byte)'A', (byte)'[', (byte)'x', (byte)']', (byte)']', (byte)'>' })]
    [InlineData(new byte[] { (byte)'&', (byte)'a', (byte)'m', (byte)'p', (byte)';' })]
    public void Bytes_that_cannot_start_an_nmap_file_are_not_xml(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var diagnostics = new List<Diagnostic>();
        Assert.Empty(NmapReader.Read(stream, "scan.xml", diagnostics.Add));
        var d = Assert.Single(diagnostics);
        Assert.Equal(("scan.xml", "1:1"), (d.File, d.Location));
        Assert.Equal("not XML: Data at the root level is invalid. Line 1, position 1.", d.Message);
    }

    [Fact]
    public void Reads_utf16_as_xml_allows_with_the_same_answers_as_utf8()
    {
        const string Xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<nmaprun><scaninfo protocol=\"tcp\" services=\"443\"/>\n"
            + "<host><status state=\"up\"/><address addr=\"192.0.2.1\" addrtype=\"ipv4\"/><hostnames><hostname name=\"caf\u00e9\"/></hostnames>"
            + "<ports><port protocol=\"tcp\" portid=\"443\"><state state=\"open\"/></port></ports></host>\n</nmaprun>";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Xml)).ToArray();
        var diagnostics = new List<Diagnostic>();
        using var stream = new MemoryStream(bytes);
        var host = Assert.Single(NmapReader.Read(stream, "scan.xml", diagnostics.Add));
        using var again = new MemoryStream(bytes);
        var answer = Assert.Single(NmapReader.ReadTcpPort(again, "scan.xml", 443, diagnostics.Add));
        Assert.Empty(diagnostics);
        Assert.Equal(("192.0.2.1", "caf\u00e9", "open", "3:2"), (host.Addresses[0].Address, host.Hostnames[0], host.TcpPortState(443), host.Location));
        Assert.Equal(new NmapPortAnswer(System.Net.IPAddress.Parse("192.0.2.1"), true, "open"), answer);
    }

    [Fact]
    public void Nesting_past_the_limit_is_refused_not_followed()
    {
        var xml = "<nmaprun><host>" + string.Concat(Enumerable.Repeat("<x>", 1000)) + "</host></nmaprun>";
        var d = Assert.Single(Read(xml).Diagnostics);
        Assert.Equal("1:779", d.Location);
        Assert.StartsWith("XML ends or breaks here, the rest of the file is lost: elements nested deeper than 256", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_what_well_formed_xml_may_hold_around_the_hosts()
    {
        const string Xml = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun [\n<!ENTITY x \"a > b ]\">\n]>\n"
            + "<?xml-stylesheet href=\"nmap.xsl\"?><!-- a comment with <host> inside -->\n"
            + "<nmaprun args='nmap -p 443 \"x\" > y'><scaninfo protocol = 'tcp' services='443'/>\n"
            + "<host><status state=\"up\"/><address addr=\"192.0.2.&#49;\" addrtype=\"ipv4\"/><hostnames><hostname name=\"a&amp;b&lt;c&#x41;\"/></hostnames>"
            + "<ports><port protocol=\"tcp\" portid=\"443\"><state state=\"open\"/><script output=\"&lt;![CDATA[\"><![CDATA[ </host> ]]></script></port></ports></host>\n"
            + "</nmaprun>\n<!-- after -->\n";
        var (hosts, diagnostics) = Read(Xml);
        Assert.Empty(diagnostics);
        var host = Assert.Single(hosts);
        Assert.Equal(("192.0.2.1", "a&b<cA", "open", "7:2"), (host.Addresses[0].Address, host.Hostnames[0], host.TcpPortState(443), host.Location));
    }

    [Fact]
    public void Attribute_values_are_normalised_as_xml_says()
    {
        var (hosts, _) = Read("<nmaprun><host><address addr=\"192.0.2.1\"/><hostnames><hostname name=\"two\r\nlines\there\"/></hostnames></host></nmaprun>");
        Assert.Equal("two lines here", Assert.Single(hosts).Hostnames[0]);
    }

    public static TheoryData<string> PortScans() => new()
    {
        """
        <nmaprun><scaninfo type="syn" protocol="tcp" services="1-1000"/>
        <host><status state="up"/><address addr="192.0.2.1" addrtype="ipv4"/><address addr="00:11:22:33:44:55" addrtype="mac"/>
        <ports><port protocol="udp" portid="443"><state state="open"/></port><port protocol="tcp" portid="443"><state state="closed"/></port>
        <port protocol="tcp" portid="443"><state state="open"/></port></ports></host>
        <host><status state="up"/><address addr="2001:DB8::1" addrtype="ipv6"/><ports><extraports state="filtered" count="998"/></ports></host>
        <host><status state="up"/><address addr="192.0.2.3"/><ports><extraports state="filtered" count="500"/><extraports state="closed" count="498"/></ports></host>
        <host><status state="down"/><address addr="192.0.2.4" addrtype="ipv4"/></host>
        <host><status state="up"/><address addr="192.0.2.5" addrtype="ipv4"/><ports><port protocol="tcp" portid="x443"><state state="open"/></port><port portid="443"/></ports></host>
        <host><status state="up"/><address addr="00:11:22:33:44:66" addrtype="mac"/></host>
        <host><status state="up"/></host>
        <host><address addr="not an ip" addrtype="ipv4"/><address addr=" [192.0.2.8] "/></host>
        <scaninfo type="syn" protocol="tcp" services="80"/>
        <host><status state="up"/><address addr="192.0.2.9" addrtype="ipv4"/><ports><extraports state="closed" count="1"/></ports></host>
        </nmaprun>
        """,
        """<nmaprun><host><status state="up"/><address addr="192.0.2.1"/><ports><extraports state="filtered" count="3"/></ports></host></nmaprun>""",
    };

    [Theory]
    [MemberData(nameof(PortScans))]
    public void The_port_answers_agree_with_the_full_hosts_address_by_address_with_the_same_diagnostics(string xml)
    {
        var (hosts, diagnostics) = Read(xml);
        var expected = hosts.SelectMany(h => h.IpAddresses
            .Select(a => System.Net.IPAddress.TryParse(a.AsSpan().Trim().Trim(['[', ']']), out var ip) ? ip : null)
            .OfType<System.Net.IPAddress>()
            .Select(ip => new NmapPortAnswer(ip, h.IsUp, h.TcpPortState(443)))).ToList();
        var portDiagnostics = new List<Diagnostic>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        var answers = NmapReader.ReadTcpPort(stream, "scan.xml", 443, portDiagnostics.Add).ToList();
        Assert.Equal(expected, answers);
        Assert.Equal(diagnostics, portDiagnostics);
    }

    [Fact]
    public void Reads_the_same_hosts_however_the_stream_splits_the_bytes() =>
        Gen.Int[1, 9].Sample(chunk =>
        {
            var xml = "<nmaprun><scaninfo protocol=\"tcp\" services=\"443\"/>\n" + string.Concat(Enumerable.Range(0, 40).Select(i =>
                $"<host><status state=\"{(i % 3 == 0 ? "down" : "up")}\"/>\n<address addr=\"192.0.2.{i}\" addrtype=\"ipv4\"/><hostnames><hostname name=\"h&amp;{i}\"/></hostnames>"
                + $"<ports><port protocol=\"tcp\" portid=\"443\"><state state=\"{(i % 2 == 0 ? "open" : "closed")}\" reason=\"syn-ack\"/></port></ports></host>\n")) + "</nmaprun>";
            var whole = Read(xml).Hosts;
            var diagnostics = new List<Diagnostic>();
            using var stream = new TrickleStream(Encoding.UTF8.GetBytes(xml), chunk);
            var split = NmapReader.Read(stream, "scan.xml", diagnostics.Add).ToList();
            Assert.Empty(diagnostics);
            Assert.Equal(40, split.Count);
            Assert.Equal(whole.Select(Describe), split.Select(Describe));
        }, seed: "0N0XIzNsQ0O2", iter: 20);

    private static string Describe(NmapHost h) =>
        $"{h.State} {h.Location} {string.Join(",", h.IpAddresses)} {string.Join(",", h.Hostnames)} {h.TcpPortState(443)} {h.Ports.Count}";

    [GeneratedRegex("<hosts up=\"(\\d+)\"")]
    private static partial Regex RunstatsUp();

    [GeneratedRegex("<host[ >]")]
    private static partial Regex HostElement();
}
