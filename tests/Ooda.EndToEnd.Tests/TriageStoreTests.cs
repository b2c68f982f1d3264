using System.Diagnostics;
using System.Text.Json;
using Ooda.Testing;

namespace Ooda.EndToEnd.Tests;

/// <summary><c>ooda triage --workspace</c> keeps the ranking for later stages, and <c>ooda sql</c> reads it back.</summary>
public sealed class TriageStoreTests
{
    private const string Inventory =
        """
        tenant,host,fqdn,ip,public_ip,os,roles,exchange_build,response_mode
        acme,acme-ex01,mail.acme.example,10.0.0.5,192.0.2.10,Windows Server 2019,exchange;mailbox,15.2.858.5,notify
        acme,acme-dc01,dc01.acme.example,10.0.0.2,,Windows Server 2019,dc,,notify
        birch,birch-ex01,mail.birch.example,10.1.0.5,2001:db8::20,Windows Server 2019,exchange,15.2.986.36,contain
        birch,birch-ex02,ex02.birch.example,10.1.0.6,192.0.2.21,Windows Server 2019,exchange,not-a-build,contain
        """;

    private const string Scan =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <nmaprun scanner="nmap" args="nmap -p 443 -oX scan.xml 192.0.2.10 192.0.2.21">
        <scaninfo type="syn" protocol="tcp" numservices="1" services="443"/>
        <host><status state="up"/><address addr="192.0.2.10" addrtype="ipv4"/><ports><port protocol="tcp" portid="443"><state state="open"/></port></ports></host>
        <host><status state="up"/><address addr="192.0.2.21" addrtype="ipv4"/><ports><extraports state="filtered" count="1"/></ports></host>
        </nmaprun>
        """;

    [Fact]
    public void Triage_with_a_workspace_stores_the_ranking_and_sql_shows_it()
    {
        using var dir = new TempDirectory();
        var inventory = dir.File("inventory.csv");
        var scan = dir.File("scan.xml");
        File.WriteAllText(inventory, Inventory);
        File.WriteAllText(scan, Scan);
        var workspace = Path.Combine(dir.Path, "ws");

        var (exit, stdout, stderr) = OodaProcess.Run("triage", "--inventory", inventory, "--scan", scan, "--workspace", workspace, "--json");
        Assert.True(exit == 0, stderr);
        var printed = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("host").GetString()).ToList();
        Assert.Contains("birch-ex02", stderr, StringComparison.Ordinal);

        (exit, stdout, stderr) = OodaProcess.Run("sql", "--workspace", workspace, "--json", "SELECT * FROM triage_hosts ORDER BY rank");
        Assert.True(exit == 0, stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(printed, rows.Select(r => r.GetProperty("host").GetString()));
        var first = rows[0];
        Assert.Equal(("acme-ex01", "critical", "vulnerable", 1), (first.GetProperty("host").GetString(), first.GetProperty("priority").GetString(), first.GetProperty("status").GetString(), first.GetProperty("rank").GetInt32()));
        Assert.True(first.GetProperty("internet_exposed_443").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rows.Single(r => r.GetProperty("host").GetString() == "birch-ex01").GetProperty("internet_exposed_443").ValueKind);
        Assert.Equal("unknown", rows.Single(r => r.GetProperty("host").GetString() == "birch-ex02").GetProperty("status").GetString());

        (exit, stdout, stderr) = OodaProcess.Run("sql", "--workspace", workspace, "--json",
            "SELECT r.inventory_path, r.hosts, len(h.vulnerable_to) AS open_cves, list_contains(h.vulnerable_to, 'CVE-2021-34473') AS proxyshell FROM triage_runs r JOIN triage_hosts h USING (run_id) WHERE h.rank = 1");
        Assert.True(exit == 0, stderr);
        using var run = JsonDocument.Parse(stdout);
        Assert.Equal(inventory, run.RootElement.GetProperty("inventory_path").GetString());
        Assert.Equal(4, run.RootElement.GetProperty("hosts").GetInt32());
        Assert.True(run.RootElement.GetProperty("open_cves").GetInt32() > 5);
        Assert.True(run.RootElement.GetProperty("proxyshell").GetBoolean());
    }

    [Fact]
    public async Task Triage_without_a_workspace_stores_nothing_and_creates_no_folder()
    {
        using var dir = new TempDirectory();
        var inventory = dir.File("inventory.csv");
        File.WriteAllText(inventory, Inventory);
        var info = OodaProcess.StartInfo("triage", "--inventory", inventory, "--json");
        info.WorkingDirectory = dir.Path;
        info.Environment.Remove("OODA_WORKSPACE");
        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Equal(4, (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, ".ooda")));
    }
}
