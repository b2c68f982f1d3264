using System.Text;
using System.Text.Json;
using Ooda.Core;
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

        // cobalt-ex02's build is missing from the CMDB export on purpose: a warning, never an error.
        var missing = Assert.Single(report.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, missing.Severity);
        Assert.Contains("'cobalt-ex02' has no exchange_build", missing.Message, StringComparison.Ordinal);
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
        Assert.Equal(["3", "4", "5"], report.Diagnostics.Select(d => d.Location));
        Assert.Equal(DiagnosticSeverity.Warning, report.Diagnostics[2].Severity);
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

    [Theory]
    [InlineData("t1,ex9,,,,,exchange,15.2.9999.1,", "15.2.9999.1")]
    [InlineData("t1,ex9,,,,,exchange,banana,", "banana")]
    [InlineData("t1,ex9,,,,,exchange,14.3.123.4,", "14.3.123.4")]
    [InlineData("t1,ex9,,,,,exchange,15.2.1118.999,", "15.2.1118.999")]
    [InlineData("t1,ex9,,,,,exchange,,", null)]
    public void An_unknown_or_missing_build_is_status_unknown_never_patched_with_a_warning_naming_the_line(string row, string? build)
    {
        using var temp = new TempDirectory();
        var inventory = temp.File("inv.csv");
        File.WriteAllText(inventory, Header + "t1,ex1,,,,,exchange,15.2.986.36,\n" + row + "\n");
        var report = Run(inventory);

        var host = report.Hosts.Single(h => h.Host == "ex9");
        Assert.Equal("unknown", host.Status);
        Assert.NotEqual(TriagePriority.None, host.Priority);
        Assert.Equal("patched", report.Hosts.Single(h => h.Host == "ex1").Status);
        var d = Assert.Single(report.Diagnostics);
        Assert.Equal((inventory, "3", DiagnosticSeverity.Warning), (d.File, d.Location, d.Severity));
        Assert.Contains(build ?? "no exchange_build", d.Message, StringComparison.Ordinal);
        Assert.StartsWith(inventory + ":3: ", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_quote_costs_its_own_row_only_and_the_rest_is_triaged()
    {
        using var temp = new TempDirectory();
        var inventory = temp.File("inv.csv");
        File.WriteAllText(inventory, Header
            + "t1,ex1,,,,,exchange,15.2.858.5,\n"
            + "t1,\"ex2 never closed,,,,,exchange,15.2.858.5,\n"
            + "t1,ex3,,,,,exchange,15.2.858.5,\n"
            + "t2,ex4,,,,,exchange,15.2.858.5,\n");
        var report = Run(inventory);

        Assert.Equal(["ex1", "ex3", "ex4"], report.Hosts.Select(h => h.Host).Order(StringComparer.Ordinal));
        var d = Assert.Single(report.Diagnostics);
        Assert.Equal((inventory, "3"), (d.File, d.Location));
        Assert.Contains("unterminated quoted field", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_of_the_wrong_width_and_overlong_lines_are_diagnosed_by_line_and_skipped()
    {
        using var temp = new TempDirectory();
        var inventory = temp.File("inv.csv");
        File.WriteAllText(inventory, Header
            + "t1,ex1,,,,,exchange,15.2.858.5,,one-too-many\n"
            + "t1,ex2,,,,exchange,15.2.858.5\n"
            + new string('x', 100_000) + "\n"
            + "t1,ex3,,,,,exchange,15.2.858.5,\n");
        var report = Run(inventory);

        Assert.Equal("ex3", Assert.Single(report.Hosts).Host);
        Assert.Equal(["2", "3", "4"], report.Diagnostics.Select(d => d.Location));
        Assert.Contains("row has 10 fields, the header has 9", report.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("longer than", report.Diagnostics[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_inventory_is_one_diagnostic_and_no_hosts()
    {
        using var temp = new TempDirectory();
        var inventory = temp.File("inv.csv");
        File.WriteAllText(inventory, "name,address\nfoo,bar\n");
        var report = Run(inventory);
        Assert.Empty(report.Hosts);
        Assert.Contains("not an inventory", Assert.Single(report.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_scan_names_file_and_position_and_keeps_the_hosts_read_before_the_cut()
    {
        using var temp = new TempDirectory();
        var inventory = temp.File("inv.csv");
        File.WriteAllText(inventory, Header + "t1,ex1,,,192.0.2.1,,exchange,15.2.858.5,\nt1,ex2,,,192.0.2.2,,exchange,15.2.858.5,\n");
        var scan = temp.File("cut.xml");
        File.WriteAllText(scan, "<nmaprun>\n<scaninfo protocol=\"tcp\" services=\"443\"/>\n"
            + "<host><status state=\"up\"/><address addr=\"192.0.2.1\" addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" portid=\"443\"><state state=\"open\"/></port></ports></host>\n"
            + "<host><status state=\"up\"/><address addr=\"192.0.2.2\" addrtype=\"ipv4\"/><ports><port protocol=\"tcp\" por");
        var report = Run(inventory, scan);

        var d = Assert.Single(report.Diagnostics);
        Assert.Equal(scan, d.File);
        Assert.Matches(@"^4:\d+$", d.Location);
        var byHost = report.Hosts.ToDictionary(h => h.Host);
        Assert.Equal((true, TriagePriority.Critical), (byHost["ex1"].InternetExposed443, byHost["ex1"].Priority));
        Assert.Null(byHost["ex2"].InternetExposed443);
    }

    [Theory]
    [InlineData("<html><body>not a scan</body></html>", "not nmap XML")]
    [InlineData("{\"not\": \"xml\"}", "not XML")]
    [InlineData("", "not XML")]
    public void A_scan_that_is_not_nmap_xml_names_the_file_and_the_rest_is_still_triaged(string content, string message)
    {
        using var temp = new TempDirectory();
        var inventory = temp.File("inv.csv");
        File.WriteAllText(inventory, Header + "t1,ex1,,,192.0.2.1,,exchange,15.2.858.5,\n");
        var scan = temp.File("other.xml");
        File.WriteAllText(scan, content);
        var report = Run(inventory, scan);

        var d = Assert.Single(report.Diagnostics);
        Assert.Equal(scan, d.File);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
        var host = Assert.Single(report.Hosts);
        Assert.Equal((TriagePriority.High, (bool?)null), (host.Priority, host.InternetExposed443));
    }

    [Fact]
    public void Saves_the_ranking_in_the_workspace_in_investigate_first_order()
    {
        using var temp = new TempDirectory();
        DemoFleetGenerator.Generate(new DemoOptions(temp.Path, Scale: 0.01));
        var request = new TriageRequest(Path.Combine(temp.Path, "inventory.csv"), [Path.Combine(temp.Path, "scans", "external.xml"), Path.Combine(temp.Path, "scans", "external-ipv6.xml")]);
        var report = new TriageService().Run(request);
        using var workspace = Ooda.Store.Workspace.Open(Path.Combine(temp.Path, "ws"));

        var run = TriageStorage.Save(workspace, request, report);
        var stored = workspace.LatestTriage()!;

        Assert.Equal(run.RunId, stored.Run.RunId);
        Assert.Equal(report.Hosts.Select(h => h.Host), stored.Hosts.Select(h => h.Host));
        Assert.Equal((request.InventoryPath, report.Diagnostics.Count), (stored.Run.InventoryPath, stored.Run.Diagnostics));
        var first = stored.Hosts[0];
        Assert.Equal(("acme-ex01", "critical", "vulnerable", (bool?)true, 1), (first.Host, first.Priority, first.Status, first.InternetExposed443, first.Rank));
        Assert.Equal(report.Hosts[0].VulnerableTo.Select(e => e.Cve.Id), first.VulnerableTo);
        Assert.Equal(report.Hosts[0].Reasons, first.Reasons);
        Assert.Null(stored.Hosts.Single(h => h.Host == "cobalt-ex02").Build);
    }

    [Fact]
    public void Reads_json_lines_and_names_the_line_of_a_broken_one()
    {
        using var temp = new TempDirectory();
        var inventory = temp.File("inv.jsonl");
        File.WriteAllText(inventory, "{\"tenant\":\"t1\",\"host\":\"ex1\",\"roles\":\"exchange\",\"exchangeBuild\":\"15.2.858.5\"}\n\n{\"tenant\":\"t1\",\"host\":\n{\"tenant\":\"t2\",\"host\":\"dc1\",\"roles\":\"dc\"}\n");
        var report = Run(inventory);
        Assert.Equal(["dc1", "ex1"], report.Hosts.Select(h => h.Host).Order(StringComparer.Ordinal));
        var d = Assert.Single(report.Diagnostics);
        Assert.Equal((inventory, "3"), (d.File, d.Location));
        Assert.Equal("vulnerable", report.Hosts.Single(h => h.Host == "ex1").Status);
    }

    [Fact]
    public void Ranks_every_host_in_investigation_order_and_keeps_duplicate_rows_in_input_order()
    {
        using var temp = new TempDirectory();
        var inventory = temp.File("inv.csv");
        var builds = new[] { "15.2.858.5", "15.2.986.36", "15.2.1118.7", "banana", "", "15.1.2242.4", "15.0.1497.2" };
        var random = new Random(7);
        var rows = Enumerable.Range(0, 400).Select(i =>
            $"t{random.Next(9)},{(random.Next(20) == 0 ? "dup" : "h" + i)},{i},,{(random.Next(2) == 0 ? $"192.0.2.{i % 250}" : "")},,{(random.Next(4) == 0 ? "dc" : "exchange")},{builds[random.Next(builds.Length)]},");
        File.WriteAllText(inventory, Header + string.Join('\n', rows) + "\n");
        var scan = temp.File("scan.xml");
        File.WriteAllText(scan, "<nmaprun><scaninfo protocol=\"tcp\" services=\"443\"/>" + string.Concat(Enumerable.Range(0, 250).Select(i =>
            $"<host><status state=\"{(i % 7 == 0 ? "down" : "up")}\"/><address addr=\"192.0.2.{i}\"/><ports><port protocol=\"tcp\" portid=\"443\"><state state=\"{(i % 3 == 0 ? "filtered" : "open")}\"/></port></ports></host>")) + "</nmaprun>");
        var report = Run(inventory, scan);

        Assert.Equal(400, report.Hosts.Count);
        Assert.All(report.Hosts.Zip(report.Hosts.Skip(1)), pair => Assert.True(TriageService.InvestigationOrder(pair.First, pair.Second) <= 0));
        foreach (var same in report.Hosts.GroupBy(h => (h.Tenant, h.Host, h.Priority, h.PreAuthExposures, h.VulnerableTo.Count)).Where(g => g.Count() > 1))
        {
            var lines = same.Select(h => int.Parse(h.Inventory.Location, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(lines.Order(), lines);
        }

        Assert.Equal(report.Hosts.Count, report.Tenants.Sum(t => t.Hosts));
        Assert.Equal(report.Hosts.Count(h => h.Priority == TriagePriority.Critical), report.Tenants.Sum(t => t.Critical));
    }

    [Theory]
    [InlineData("192.0.2.1", true, "443/tcp open from the internet at 192.0.2.1 (scan.xml)")]
    [InlineData("192.0.2.2", false, "443/tcp closed at 192.0.2.2 (scan.xml)")]
    [InlineData("192.0.2.3", false, "443/tcp filtered at 192.0.2.3 (scan.xml)")]
    [InlineData("192.0.2.4", null, "443/tcp open|filtered at 192.0.2.4 (scan.xml): exposure unconfirmed")]
    [InlineData("192.0.2.5", null, "443/tcp was not scanned at 192.0.2.5 (scan.xml): exposure unknown")]
    [InlineData("192.0.2.6", null, "192.0.2.6 did not answer the scan (scan.xml): exposure unconfirmed")]
    [InlineData("192.0.2.7", null, "no scan covers 192.0.2.7: exposure unknown")]
    [InlineData("banana", null, "public IP 'banana' is not an IP address: exposure unknown")]
    [InlineData("", false, "no public IP in the inventory: not reachable from the internet as far as we know")]
    public void Says_in_words_what_the_scan_answered_for_each_public_ip(string publicIp, bool? exposed, string exposure)
    {
        using var temp = new TempDirectory();
        var inventory = temp.File("inv.csv");
        File.WriteAllText(inventory, Header + $"t1,ex1,,,{publicIp},,exchange,15.2.858.5,\n");
        var scan = temp.File("scan.xml");
        string Host(int i, string status, string ports) => $"<host><status state=\"{status}\"/><address addr=\"192.0.2.{i}\"/><ports>{ports}</ports></host>";
        string Port(string state) => $"<port protocol=\"tcp\" portid=\"443\"><state state=\"{state}\"/></port>";
        File.WriteAllText(scan, "<nmaprun>" + Host(1, "up", Port("open")) + Host(2, "up", Port("closed")) + Host(3, "up", Port("filtered"))
            + Host(4, "up", Port("open|filtered")) + Host(5, "up", "") + Host(6, "down", "") + "</nmaprun>");
        var host = Assert.Single(Run(inventory, scan).Hosts);

        Assert.Equal((exposed, exposure), (host.InternetExposed443, host.Exposure));
        Assert.Equal(exposure, host.Reasons[^2]);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            TriageJson.WriteHost(writer, host);
        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(host.Reasons, json.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void A_truncated_json_array_is_one_diagnostic_naming_the_line()
    {
        using var temp = new TempDirectory();
        var inventory = temp.File("inv.json");
        File.WriteAllText(inventory, "[\n{\"tenant\":\"t1\",\"host\":\"ex1\"},\n{\"tenant\":");
        var report = Run(inventory);
        Assert.Empty(report.Hosts);
        var d = Assert.Single(report.Diagnostics);
        Assert.Equal((inventory, "3"), (d.File, d.Location));
        Assert.Contains("not a JSON inventory", d.Message, StringComparison.Ordinal);
    }
}
