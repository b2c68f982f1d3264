using Ooda.Core;
using Ooda.Investigation.Lateral;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Investigation.Tests.Lateral;

public sealed class LateralGraphServiceTests
{
    private static readonly DateTime _t = LateralLog.Day0.AddHours(3);

    [Theory]
    [InlineData("network logon", "ex01", "dc01", LateralTechniques.ValidAccounts, "Security 4624")]
    [InlineData("rdp logon", "ex01", "dc01", LateralTechniques.RemoteDesktop, "Security 4624")]
    [InlineData("explicit credentials cifs", "ex01", "dc01", LateralTechniques.SmbAdminShares, "Security 4648")]
    [InlineData("explicit credentials termsrv", "ex01", "dc01", LateralTechniques.RemoteDesktop, "Security 4648")]
    [InlineData("sysmon smb", "ex01", "dc01", LateralTechniques.SmbAdminShares, "Sysmon 3")]
    [InlineData("sysmon winrm", "ex01", "dc01", LateralTechniques.WinRm, "Sysmon 3")]
    [InlineData("sysmon rpc", "ex01", "dc01", LateralTechniques.Dcom, "Sysmon 3")]
    [InlineData("sysmon inbound rdp", "ex01", "dc01", LateralTechniques.RemoteDesktop, "Sysmon 3")]
    [InlineData("psexec service", "ex01", "dc01", LateralTechniques.ServiceExecution, "System 7045")]
    [InlineData("service in the logon session", "ex01", "dc01", LateralTechniques.ServiceExecution, "Security 4697")]
    [InlineData("wmi process", "ex01", "dc01", LateralTechniques.Wmi, "Sysmon 1")]
    [InlineData("winrm process", "ex01", "dc01", LateralTechniques.WinRm, "Sysmon 1")]
    public void Extracts_an_edge_from_each_kind_of_evidence(string scenario, string source, string target, string technique, string evidenceSource)
    {
        var log = new LateralLog();
        switch (scenario)
        {
            case "network logon":
                log.Logon("dc01", _t, "alice", ip: "10.0.0.20");
                break;
            case "rdp logon":
                log.Logon("dc01", _t, "alice", type: 10, ip: "10.0.0.20", workstation: "EX01", package: "Negotiate");
                break;
            case "explicit credentials cifs":
                log.ExplicitCredentials("ex01", _t, "alice", "dc01.acme.example", "cifs/dc01.acme.example");
                break;
            case "explicit credentials termsrv":
                log.ExplicitCredentials("ex01", _t, "alice", "DC01", "TERMSRV/DC01");
                break;
            case "sysmon smb":
                log.Connection("ex01", _t, "10.0.0.20", "10.0.0.10", 445);
                break;
            case "sysmon winrm":
                log.Connection("ex01", _t, "10.0.0.20", "10.0.0.10", 5985);
                break;
            case "sysmon rpc":
                log.Connection("ex01", _t, "10.0.0.20", "10.0.0.10", 135);
                break;
            case "sysmon inbound rdp":
                log.Connection("dc01", _t, "10.0.0.20", "10.0.0.10", 3389, image: @"C:\Windows\System32\svchost.exe", initiated: false);
                break;
            case "psexec service":
                log.Logon("dc01", _t, "alice", ip: "10.0.0.20", package: "NTLM");
                log.ServiceInstalled("dc01", _t.AddSeconds(1), "PSEXESVC", @"%SystemRoot%\PSEXESVC.exe", LateralLog.Sid("alice"));
                break;
            case "service in the logon session":
                var session = log.Logon("dc01", _t.AddMinutes(-20), "alice", ip: "10.0.0.20");
                log.SecurityServiceInstalled("dc01", _t, "updater", @"C:\ProgramData\updater.exe", session);
                break;
            case "wmi process":
                var wmi = log.Logon("dc01", _t, "alice", ip: "10.0.0.20");
                log.Process("dc01", _t.AddSeconds(2), @"C:\Windows\System32\cmd.exe", @"C:\Windows\System32\wbem\WmiPrvSE.exe", wmi);
                break;
            case "winrm process":
                var winrm = log.Logon("dc01", _t, "alice", ip: "10.0.0.20");
                log.Process("dc01", _t.AddSeconds(2), @"C:\Windows\System32\whoami.exe", @"C:\Windows\System32\wsmprovhost.exe", winrm);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scenario));
        }

        var graph = Build(log, []);

        var edge = Assert.Single(graph.Edges);
        Assert.Equal((source, target), (edge.Source, edge.Target));
        Assert.Contains(technique, edge.Techniques);
        Assert.Contains(edge.Evidence, e => e.Source == evidenceSource && e.Provenance.Sha256.Length == 64 && e.RecordId is not null);
    }

    [Theory]
    [InlineData("-", "-")]
    [InlineData("127.0.0.1", "-")]
    [InlineData("::1", "-")]
    [InlineData("10.0.0.10", "-")]
    [InlineData("-", "DC01")]
    [InlineData("-", "localhost")]
    [InlineData("", "")]
    public void Local_loopback_and_empty_sources_make_no_edge(string ip, string workstation)
    {
        var log = new LateralLog();
        log.Logon("dc01", _t, "alice", ip: ip, workstation: workstation);
        log.Logon("dc01", _t, "ANONYMOUS LOGON", ip: "10.0.0.20", package: "NTLM");

        Assert.Empty(Build(log, []).Edges);
    }

    [Theory]
    [InlineData("10.0.0.20", "-", "ex01", true)]
    [InlineData("::ffff:10.0.0.20", "-", "ex01", true)]
    [InlineData("-", "EX01", "ex01", true)]
    [InlineData("-", "ex01.ACME.example", "ex01", true)]
    [InlineData("-", "WORKSTATION-LON", "workstation-longname-07", true)]
    [InlineData("10.0.0.20", "KALI", "ex01", true)]
    [InlineData("10.9.9.9", "KALI", "10.9.9.9", false)]
    [InlineData("-", "kali", "KALI", false)]
    public void Sources_resolve_through_the_inventory_by_address_or_name(string ip, string workstation, string expected, bool resolved)
    {
        var log = new LateralLog();
        log.Logon("dc01", _t, "alice", ip: ip, workstation: workstation);

        var graph = Build(log, []);

        var edge = Assert.Single(graph.Edges);
        Assert.Equal(expected, edge.Source);
        Assert.Equal(resolved, graph.Nodes.Single(n => n.Name == expected).Resolved);
    }

    [Fact]
    public void Explicit_credentials_resolve_the_target_by_fqdn_in_any_case_and_by_address()
    {
        var log = new LateralLog();
        log.ExplicitCredentials("ex01", _t, "alice", "DC01.ACME.EXAMPLE");
        log.ExplicitCredentials("ex01", _t, "bob", "10.0.0.30");
        log.ExplicitCredentials("ex01", _t, "carol", "localhost");

        var graph = Build(log, []);

        Assert.Equal(["ex01 -> dc01 as ACME\\alice", "ex01 -> fs01 as ACME\\bob"], graph.Edges.Select(e => $"{e.Source} -> {e.Target} as {e.Account}").Order());
    }

    [Fact]
    public void Explicit_credentials_on_the_source_and_the_logon_on_the_target_are_one_edge_even_when_the_source_writes_a_upn()
    {
        var log = new LateralLog();
        log.ExplicitCredentials("ex01", _t, "alice@acme.example", "dc01", process: @"C:\Windows\Temp\ps.exe");
        log.Logon("dc01", _t.AddMilliseconds(300), "alice", ip: "10.0.0.20");

        var edge = Assert.Single(Build(log, []).Edges);

        Assert.Equal((2L, @"C:\Windows\Temp\ps.exe"), (edge.Count, Assert.Single(edge.Tools)));
        Assert.Equal(["Security 4648", "Security 4624"], edge.Evidence.Select(e => e.Source));
    }

    [Fact]
    public void A_pair_seen_daily_is_routine_and_a_new_ntlm_logon_followed_by_psexec_is_suspicious()
    {
        var log = new LateralLog();
        log.Daily("fs01", "bob", "10.0.5.50", days: 20);
        log.Logon("fs01", _t, "bob", ip: "10.0.5.50");
        log.Logon("fs01", _t.AddHours(2), "bob", ip: "10.0.0.20", package: "NTLM");
        log.ServiceInstalled("fs01", _t.AddHours(2).AddSeconds(1), "PSEXESVC", @"%SystemRoot%\PSEXESVC.exe", LateralLog.Sid("bob"));

        var graph = Build(log, ["ex01"], from: LateralLog.Day0);

        var routine = graph.Edges.Single(e => e.Source == "10.0.5.50");
        Assert.False(routine.Suspicious);
        Assert.Equal(21, routine.BaselineDays);
        Assert.Equal(1, routine.Count);
        Assert.Equal([LateralReasons.Frequent, LateralReasons.NoArtefacts], routine.Reasons.Select(r => r.Code));
        var attack = graph.Edges.Single(e => e.Source == "ex01");
        Assert.True(attack.Suspicious);
        Assert.Equal("fs01", attack.Target);
        Assert.Equal([LateralReasons.Execution, LateralReasons.Ntlm, LateralReasons.Rare, LateralReasons.FromScope],
            attack.Reasons.Where(r => r.Suspicious).Select(r => r.Code));
        Assert.Contains("PSEXESVC", attack.Reasons[0].Text, StringComparison.Ordinal);
        Assert.Contains("21 Kerberos, 1 NTLM", attack.Reasons[1].Text, StringComparison.Ordinal);
        Assert.Equal([LateralTechniques.SmbAdminShares, LateralTechniques.ValidAccounts, LateralTechniques.ServiceExecution], attack.Techniques);
        Assert.Equal(["ex01 -> fs01"], graph.WithoutRoutine().Edges.Select(e => $"{e.Source} -> {e.Target}"));
        Assert.Equal(1, graph.RoutineEdgeCount);
        var reach = Assert.Single(graph.Reached);
        Assert.Equal(("fs01", 1, "ex01"), (reach.Host, reach.Hops, reach.From));
    }

    [Fact]
    public void Reach_follows_suspicious_edges_from_the_seeds_transitively_and_not_from_elsewhere()
    {
        var log = new LateralLog();
        log.Logon("dc01", _t, "alice", ip: "10.0.0.20", package: "NTLM");
        log.ServiceInstalled("dc01", _t.AddSeconds(1), "PSEXESVC", @"%SystemRoot%\PSEXESVC.exe");
        log.Logon("fs01", _t.AddMinutes(10), "alice", ip: "10.0.0.10");
        log.ServiceInstalled("fs01", _t.AddMinutes(10).AddSeconds(2), "xKqPzTwa", @"%SystemRoot%\xKqPzTwa.exe");
        log.Logon("ws07", _t.AddMinutes(30), "mallory", ip: "10.0.5.99");

        var graph = Build(log, ["ex01"]);

        Assert.All(graph.Edges, e => Assert.True(e.Suspicious));
        Assert.Equal(["dc01 1 ex01", "fs01 2 dc01"], graph.Reached.Select(r => $"{r.Host} {r.Hops} {r.From}"));
        Assert.Equal([("dc01", 1), ("ex01", 0), ("fs01", 2)], graph.Nodes.Where(n => n.Hop is not null).Select(n => (n.Name, n.Hop!.Value)));
        Assert.False(graph.Nodes.Single(n => n.Name == "ws07").Reached);
        Assert.True(graph.Nodes.Single(n => n.Name == "ex01").InScope);
        Assert.Contains(graph.Edges.Single(e => e.Source == "dc01").Reasons,
            r => r is { Code: LateralReasons.FromScope, Suspicious: true } && r.Text.Contains("reached by the attacker", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(3, false)]
    [InlineData(2, true)]
    public void An_edge_from_a_seed_host_stays_routine_only_when_the_pair_is_established(int days, bool suspicious)
    {
        var log = new LateralLog();
        log.Daily("dc01", "svc_backup", "10.0.0.20", days: days - 1);
        log.Logon("dc01", _t, "svc_backup", ip: "10.0.0.20");

        var edge = Assert.Single(Build(log, ["ex01"]).Edges);

        Assert.Equal(suspicious, edge.Suspicious);
        Assert.DoesNotContain(edge.Reasons, r => r.Code == LateralReasons.Rare);
        Assert.Contains(edge.Reasons, r => r.Code == LateralReasons.FromScope && r.Suspicious == suspicious);
    }

    [Fact]
    public void The_window_limits_the_edges_but_the_baseline_covers_the_whole_store()
    {
        var log = new LateralLog();
        log.Daily("fs01", "bob", "10.0.5.50", days: 4);
        log.Logon("fs01", _t, "bob", ip: "10.0.5.50");
        log.Logon("dc01", _t.AddDays(2), "carol", ip: "10.0.5.51");

        var graph = Build(log, [], from: LateralLog.Day0, to: LateralLog.Day0.AddDays(1));

        var edge = Assert.Single(graph.Edges);
        Assert.Equal(("10.0.5.50", "fs01", 5, 1L, _t), (edge.Source, edge.Target, edge.BaselineDays, edge.Count, edge.First));
    }

    [Fact]
    public void A_source_side_connection_joins_the_logon_it_carried()
    {
        var log = new LateralLog();
        log.Connection("ex01", _t, "10.0.0.20", "10.0.0.10", 445, destinationHost: "dc01.acme.example");
        log.Logon("dc01", _t.AddMilliseconds(400), "alice", ip: "10.0.0.20", package: "NTLM");
        log.Connection("ex01", _t.AddHours(5), "10.0.0.20", "10.0.0.10", 445, image: @"C:\Windows\explorer.exe");

        var graph = Build(log, []);

        var logon = graph.Edges.Single(e => e.Account == @"ACME\alice");
        Assert.Equal(2, logon.Count);
        Assert.Equal([LateralTechniques.SmbAdminShares, LateralTechniques.ValidAccounts], logon.Techniques);
        Assert.Equal([@"C:\Windows\Temp\ps.exe"], logon.Tools);
        Assert.Equal(["Sysmon 3", "Security 4624"], logon.Evidence.Select(e => e.Source));
        var later = graph.Edges.Single(e => e.Account != @"ACME\alice");
        Assert.Equal((@"NT AUTHORITY\SYSTEM", 1L), (later.Account, later.Count));
    }

    [Fact]
    public void Service_installs_without_a_remote_logon_are_ignored_unless_a_remote_execution_tool_made_them()
    {
        var log = new LateralLog();
        log.ServiceInstalled("ws07", _t, "Contoso Agent", @"""C:\Program Files\Contoso\agent.exe"" --service");
        log.ServiceInstalled("ws07", _t.AddHours(1), "PSEXESVC", @"%SystemRoot%\PSEXESVC.exe");

        var graph = Build(log, []);

        Assert.Empty(graph.Edges);
        var artefact = Assert.Single(graph.UnattributedArtefacts);
        Assert.Equal(("ws07", "System 7045"), (artefact.Host, artefact.Source));
        Assert.Contains("PSEXESVC", artefact.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alice", 5, true)]
    [InlineData("bob", 5, false)]
    [InlineData("alice", 45, false)]
    public void An_ordinary_service_counts_as_execution_only_when_the_logged_on_account_installed_it_right_after_the_logon(string installer, int seconds, bool execution)
    {
        var log = new LateralLog();
        log.Daily("dc01", "alice", "10.0.0.20", days: 10);
        log.Logon("dc01", _t, "alice", ip: "10.0.0.20");
        log.ServiceInstalled("dc01", _t.AddSeconds(seconds), "Contoso Agent", @"""C:\Program Files\Contoso\agent.exe""", LateralLog.Sid(installer));

        var edge = Assert.Single(Build(log, []).Edges);

        Assert.Equal(execution, edge.Suspicious);
        Assert.Equal(execution, edge.Reasons.Any(r => r.Code == LateralReasons.Execution));
    }

    [Fact]
    public void Other_events_and_other_tenants_are_not_read()
    {
        var log = new LateralLog();
        log.Other("dc01", _t, "Security", 4625, ("LogonType", "3"), ("IpAddress", "10.0.0.20"), ("TargetUserName", "alice"));
        log.Other("dc01", _t, "Security", 4624, ("LogonType", "2"), ("IpAddress", "10.0.0.20"), ("TargetUserName", "alice"));
        log.Other("ex01", _t, LateralLog.SysmonChannel, 3, ("DestinationIp", "10.0.0.10"), ("DestinationPort", "443"), ("Initiated", "true"));
        log.Other("dc01", _t, "Application", 7045, ("ServiceName", "PSEXESVC"), ("ImagePath", "PSEXESVC.exe"));

        var graph = Build(log, []);

        Assert.Empty(graph.Edges);
        Assert.Empty(graph.UnattributedArtefacts);
    }

    [Fact]
    public void A_case_is_seeded_with_its_scope_and_the_hosts_of_its_findings()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.SaveFindings([Finding("f-1", "ex01"), Finding("f-2", "fs01"), Finding("f-3", "ws07")]);
        workspace.CreateCase(new NewCase
        {
            Tenant = LateralLog.Tenant,
            Title = "t",
            Severity = "high",
            Hosts = [new("dc01", "added")],
            FindingIds = ["f-1", "f-2"],
        }, "test", _t);
        var @case = workspace.AddCaseHosts("C-0001", [new("EX01", "finding")], "test", _t.AddMinutes(1));

        Assert.Equal(["dc01", "EX01", "fs01"], LateralGraphService.SeedHosts(workspace, @case));
    }

    [Fact]
    public void A_window_that_ends_before_it_starts_is_refused()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);

        Assert.Throws<ArgumentException>(() => LateralGraphService.Build(workspace, new LateralGraphRequest(LateralLog.Tenant, [], _t, _t)));
    }

    internal static LateralGraph Build(LateralLog log, string[] seeds, DateTime? from = null, DateTime? to = null)
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        LateralLog.SaveInventory(workspace,
            ("ex01", "10.0.0.20", "ex01.acme.example"), ("dc01", "10.0.0.10", "dc01.acme.example"), ("fs01", "10.0.0.30", null),
            ("ws07", "10.0.0.107", null), ("workstation-longname-07", "10.0.0.108", null));
        log.WriteTo(workspace);
        return LateralGraphService.Build(workspace, new LateralGraphRequest(LateralLog.Tenant, seeds, from, to));
    }

    private static Finding Finding(string id, string host) => new()
    {
        Id = id,
        Title = "lead",
        Severity = "high",
        Detector = "sigma",
        Tenant = LateralLog.Tenant,
        Host = host,
        Timestamp = _t,
        Provenance = new Provenance("a.jsonl", new string('a', 64), -1, 1),
    };
}
