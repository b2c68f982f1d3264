using System.Text;
using System.Text.Json;
using Ooda.Demo;
using Ooda.Engine.Triage;
using Ooda.Testing;

namespace Ooda.Engine.Tests;

public sealed class TriageServiceTests
{
    private const string Header = "tenant,host,fqdn,ip,public_ip,os,roles,exchange_build,response_mode\n";

    private static TriageReport Run(string inventory, params string[] scans) => new TriageService().Run(new TriageRequest(inventory, scans));

    [Fact]
    public void Ranks_the_demo_victim_first_and_explains_why()
    {
        using var temp = new TempDirectory();
        DemoFleetGenerator.Generate(new DemoOptions(temp.Path, Scale: 0.01));
        var report = Run(Path.Combine(temp.Path, "inventory.csv"), Path.Combine(temp.Path, "scans", "external.xml"), Path.Combine(temp.Path, "scans", "external-ipv6.xml"));

        Assert.Empty(report.Diagnostics);
        var first = report.Hosts[0];
        Assert.Equal(("acme-logistics", "acme-ex01", TriagePriority.Critical, true), (first.Tenant, first.Host, first.Priority, first.InternetExposed443));
        Assert.Contains(first.VulnerableTo, e => e.Cve.Id == "CVE-2021-34473");
        Assert.Contains(first.Reasons, r => r.Contains("443/tcp open from the internet", StringComparison.Ordinal));
        Assert.Contains(first.Reasons, r => r.Contains("no fix exists for CU9", StringComparison.Ordinal));
        Assert.Equal("acme-logistics", report.Tenants[0].Tenant);

        var byHost = report.Hosts.ToDictionary(h => h.Host);
        Assert.Equal((TriagePriority.Medium, (bool?)false), (byHost["birch-ex02"].Priority, byHost["birch-ex02"].InternetExposed443));
        Assert.Equal((TriagePriority.Medium, "unknown", (bool?)null), (byHost["cobalt-ex02"].Priority, byHost["cobalt-ex02"].Status, byHost["cobalt-ex02"].InternetExposed443));
        // CU10 Jul21SU closed ProxyShell, but CU10 never got the Nov21SU/Nov22SU fixes: exposed over IPv6, no pre-auth entry point.
        Assert.Equal((TriagePriority.High, "vulnerable", (bool?)true), (byHost["cobalt-ex01"].Priority, byHost["cobalt-ex01"].Status, byHost["cobalt-ex01"].InternetExposed443));
        Assert.DoesNotContain(byHost["cobalt-ex01"].VulnerableTo, e => e.Cve.Group == "ProxyShell");
        Assert.Equal(TriagePriority.High, byHost["birch-ex01"].Priority);
        Assert.Equal(TriagePriority.None, byHost["acme-dc01"].Priority);
        Assert.Equal(report.Hosts.OrderBy(h => h.Priority).Select(h => h.Priority), report.Hosts.Select(h => h.Priority));
    }

    [Fact]
    public void Keeps_triaging_past_malformed_rows_and_names_their_lines()
    {
        using var temp = new TempDirectory();
        var inventory = temp.File("inv.csv");
        File.WriteAllText(inventory, Header
            + "t1,ex1,ex1.example,10.0.0.1,192.0.2.1,Windows,exchange;mailbox,15.2.858.5,notify\n"
            + "t1,broken,too,few\n"
            + ",nohost-tenant,,,,,,,\n"
            + "t1,\"ex2, quoted\",ex2.example,10.0.0.2,,Windows,exchange,banana,notify\n");
        var report = Run(inventory);
        Assert.Equal(["ex1", "ex2, quoted"], report.Hosts.Select(h => h.Host).Order(StringComparer.Ordinal));
        Assert.Equal(["3", "4"], report.Diagnostics.Select(d => d.Location));
        var unknown = report.Hosts.Single(h => h.Host == "ex2, quoted");
        Assert.Equal(("unknown", TriagePriority.Low), (unknown.Status, unknown.Priority));
        Assert.Null(report.Hosts.Single(h => h.Host == "ex1").InternetExposed443);
    }

    [Fact]
    public void A_scan_that_is_not_nmap_is_a_diagnostic_and_the_rest_is_still_triaged()
    {
        using var temp = new TempDirectory();
        var inventory = temp.File("inv.csv");
        File.WriteAllText(inventory, Header + "t1,ex1,,,192.0.2.1,,exchange,15.2.858.5,\n");
        var good = temp.File("good.xml");
        File.WriteAllText(good, "<nmaprun><scaninfo protocol=\"tcp\" services=\"443\"/><host><status state=\"up\"/><address addr=\"192.0.2.1\" addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" portid=\"443\"><state state=\"open\"/></port></ports></host></nmaprun>");
        var bad = temp.File("bad.xml");
        File.WriteAllText(bad, "<html><body>not a scan</body></html>");
        var truncated = temp.File("cut.xml");
        File.WriteAllText(truncated, "<nmaprun><host><status state=\"up\"/><addr");

        var report = Run(inventory, bad, good, truncated);
        Assert.Equal(2, report.Diagnostics.Count);
        Assert.True(Assert.Single(report.Hosts).InternetExposed443);
        Assert.Equal(TriagePriority.Critical, report.Hosts[0].Priority);
    }

    [Fact]
    public void Matches_ipv6_public_addresses_whatever_their_spelling()
    {
        using var temp = new TempDirectory();
        var inventory = temp.File("inv.csv");
        File.WriteAllText(inventory, Header + "t1,ex6,,,2001:DB8:0:0::15,,exchange,15.2.922.7,\n");
        var scan = temp.File("v6.xml");
        File.WriteAllText(scan, "<nmaprun><host><status state=\"up\"/><address addr=\"2001:db8::15\" addrtype=\"ipv6\"/><ports><port protocol=\"tcp\" portid=\"443\"><state state=\"open\"/></port></ports></host></nmaprun>");
        Assert.True(Assert.Single(Run(inventory, scan).Hosts).InternetExposed443);
    }

    [Fact]
    public void Reads_a_json_inventory()
    {
        using var temp = new TempDirectory();
        var inventory = temp.File("inv.json");
        File.WriteAllText(inventory, """[{"tenant":"t1","host":"ex1","public_ip":null,"roles":["exchange"],"exchange_build":"15.02.0986.036"}, 7]""");
        var report = Run(inventory);
        var host = Assert.Single(report.Hosts);
        Assert.Equal(("patched", (bool?)false, TriagePriority.None), (host.Status, host.InternetExposed443, host.Priority));
        Assert.Equal("item 2", Assert.Single(report.Diagnostics).Location);
    }

    [Fact]
    public void Writes_one_json_object_per_host_with_the_contract_fields()
    {
        using var temp = new TempDirectory();
        var inventory = temp.File("inv.csv");
        File.WriteAllText(inventory, Header + "t1,ex1,,,,,exchange,15.2.858.5,\n");
        var host = Assert.Single(Run(inventory).Hosts);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            TriageJson.WriteHost(writer, host);
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
        var root = json.RootElement;
        Assert.Equal("ex1", root.GetProperty("host").GetString());
        Assert.Equal("15.2.858.5", root.GetProperty("build").GetString());
        Assert.Equal("vulnerable", root.GetProperty("status").GetString());
        Assert.Contains("CVE-2021-34473", root.GetProperty("vulnerableTo").EnumerateArray().Select(e => e.GetString()));
        Assert.False(root.GetProperty("internetExposed443").GetBoolean());
        Assert.Equal("medium", root.GetProperty("priority").GetString());
        Assert.NotEmpty(root.GetProperty("reasons").EnumerateArray());
    }
}
