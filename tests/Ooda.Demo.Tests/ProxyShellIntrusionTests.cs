namespace Ooda.Demo.Tests;

[Collection(FleetCollection.Name)]
public sealed class ProxyShellIntrusionTests(GeneratedFleet generated)
{
    private string Evtx(string host, string file) =>
        Path.Combine(generated.HostFolder("acme-logistics", host), "evtx", file);

    [Fact]
    public void The_mailbox_export_to_an_aspx_and_the_role_assignment_are_logged()
    {
        var i = generated.Fleet.Intrusion;
        var lines = File.ReadAllLines(Evtx("acme-ex01", "MSExchange-Management.jsonl"));

        var exports = lines.Where(l => l.Contains("\"New-MailboxExportRequest\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, exports.Count);
        // The attacker's export to a page in the web root, and an administrator's routine export to the backup share.
        var export = Assert.Single(exports, l => l.Contains(".aspx", StringComparison.Ordinal));
        Assert.Single(exports, l => l.Contains("nbk-vault01", StringComparison.Ordinal) && l.Contains(@"pst$\\leavers\\", StringComparison.Ordinal) && l.Contains(".pst", StringComparison.Ordinal));
        Assert.Contains(@" -Mailbox \""administrator@acme-logistics.example\"" -FilePath \""\\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\" + i.WebshellPath[33..], export, StringComparison.Ordinal);
        Assert.Single(lines, l => l.Contains(@" -Role \""Mailbox Import Export\"" -User ", StringComparison.Ordinal));
    }

    [Fact]
    public void Sysmon_sees_the_export_write_the_webshell_and_w3wp_spawn_a_shell()
    {
        var i = generated.Fleet.Intrusion;
        var sysmon = File.ReadAllLines(Evtx("acme-ex01", "Sysmon.jsonl"));
        var webshell = i.WebshellPath.Replace(@"\", @"\\", StringComparison.Ordinal);

        Assert.Single(sysmon, l => l.Contains("\"EventID\":11,", StringComparison.Ordinal) && l.Contains("MSExchangeMailboxReplication.exe", StringComparison.Ordinal)
            && l.Contains(webshell, StringComparison.Ordinal));
        Assert.Contains(sysmon, l => l.Contains("\"EventID\":1,", StringComparison.Ordinal) && l.Contains(@"""ParentImage"":""C:\\Windows\\System32\\inetsrv\\w3wp.exe""", StringComparison.Ordinal)
            && l.Contains("cmd.exe", StringComparison.Ordinal));
        Assert.Contains(sysmon, l => l.Contains("comsvcs.dll, MiniDump", StringComparison.Ordinal));
    }

    [Fact]
    public void Security_logs_the_new_local_administrator_and_the_process_creations()
    {
        var security = File.ReadAllLines(Evtx("acme-ex01", "Security.jsonl"));

        Assert.Single(security, l => l.Contains("\"EventID\":4720,", StringComparison.Ordinal) && l.Contains("exch_svc_bkp", StringComparison.Ordinal));
        Assert.Single(security, l => l.Contains("\"EventID\":4732,", StringComparison.Ordinal) && l.Contains("S-1-5-32-544", StringComparison.Ordinal));
        Assert.Contains(security, l => l.Contains("\"EventID\":4688,", StringComparison.Ordinal) && l.Contains(" -enc ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_domain_controller_sees_a_network_logon_from_the_exchange_server_and_a_psexec_service()
    {
        var security = File.ReadAllLines(Evtx("acme-dc01", "Security.jsonl"));
        var system = File.ReadAllLines(Evtx("acme-dc01", "System.jsonl"));

        Assert.Contains(security, l => l.Contains("\"EventID\":4624,", StringComparison.Ordinal) && l.Contains("\"LogonType\":3,", StringComparison.Ordinal)
            && l.Contains("\"IpAddress\":\"10.10.1.20\"", StringComparison.Ordinal) && l.Contains("\"AuthenticationPackageName\":\"NTLM\"", StringComparison.Ordinal));
        Assert.Single(system, l => l.Contains("\"#text\":7045", StringComparison.Ordinal) && l.Contains("PSEXESVC", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scanner_probed_a_patched_server_and_was_refused()
    {
        var scanner = generated.Fleet.Intrusion.ScannerIp;
        var log = Directory.EnumerateFiles(Path.Combine(generated.HostFolder("birch-health", "birch-ex01"), "inetpub"), "*.log", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(l => l.Contains(" " + scanner + " ", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(2, log.Count);
        Assert.All(log, l => Assert.Contains(" 401 ", l, StringComparison.Ordinal));
    }
}
