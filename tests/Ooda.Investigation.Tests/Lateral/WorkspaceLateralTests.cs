using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Investigation.Tests.Lateral;

/// <summary>The store's lateral-movement selection (src/Ooda.Store/Workspace.Lateral.cs), read through its public API.</summary>
public sealed class WorkspaceLateralTests
{
    private static readonly DateTime _t = LateralLog.Day0.AddHours(3);

    [Fact]
    public void Logons_are_grouped_with_window_counts_store_wide_days_and_the_earliest_evidence()
    {
        var log = new LateralLog();
        log.Daily("dc01", "alice", "10.0.0.20", days: 3);
        for (var i = 0; i < 5; i++)
            log.Logon("dc01", _t.AddMinutes(i), "alice", ip: "10.0.0.20");
        log.Logon("dc01", _t, "alice", type: 10, ip: "10.0.0.20", workstation: "EX01", package: "Negotiate");
        log.Logon("dc01", _t, "alice", type: 2);
        log.Logon("dc01", _t.AddDays(3), "alice", ip: "10.0.0.20");

        var groups = Query(log, w => w.QueryLateral(new LateralQuery(LateralLog.Tenant, LateralLog.Day0, LateralLog.Day0.AddDays(1), EvidenceLimit: 2)).Logons);

        Assert.Equal(2, groups.Count);
        var network = groups.Single(g => g.LogonType == 3);
        Assert.Equal(("dc01", "10.0.0.20", "-", "alice", "ACME", "Kerberos"), (network.Host, network.IpAddress, network.Workstation, network.User, network.Domain, network.AuthPackage));
        Assert.Equal((5L, _t, _t.AddMinutes(4), 9L), (network.WindowCount, network.WindowFirst, network.WindowLast, network.TotalCount));
        Assert.Equal(5, network.Days.Count);
        Assert.Equal(network.Days.Order(), network.Days);
        Assert.Equal(DateOnly.FromDateTime(LateralLog.Day0.AddDays(-3)), network.Days[0]);
        Assert.Equal([_t, _t.AddMinutes(1)], network.Evidence.Select(e => e.Time));
        Assert.All(network.Evidence, e => Assert.Equal(("dc01", "Security", 4624, "dc01/events.jsonl", 64), (e.Host, e.Channel, e.EventId, e.Provenance.File, e.Provenance.Sha256.Length)));
        Assert.Equal(("EX01", 10, 1L), (groups.Single(g => g.LogonType == 10).Workstation, groups.Single(g => g.LogonType == 10).LogonType, groups.Single(g => g.LogonType == 10).WindowCount));
    }

    [Fact]
    public void A_group_seen_only_outside_the_window_is_kept_for_its_baseline_without_evidence()
    {
        var log = new LateralLog();
        log.Daily("dc01", "alice", "10.0.0.20", days: 2);

        var group = Assert.Single(Query(log, w => w.QueryLateral(new LateralQuery(LateralLog.Tenant, LateralLog.Day0)).Logons));

        Assert.Equal((0L, (DateTime?)null, 2L, 2), (group.WindowCount, group.WindowFirst, group.TotalCount, group.Days.Count));
        Assert.Empty(group.Evidence);
    }

    [Fact]
    public void Connections_are_read_only_for_remote_service_ports_and_tell_their_direction()
    {
        var log = new LateralLog();
        log.Connection("ex01", _t, "10.0.0.20", "10.0.0.10", 445);
        log.Connection("ex01", _t, "10.0.0.20", "10.0.0.10", 443);
        log.Connection("dc01", _t, "10.0.0.20", "10.0.0.10", 5986, initiated: false);

        var groups = Query(log, w => w.QueryLateral(new LateralQuery(LateralLog.Tenant)).Connections);

        Assert.Equal([("dc01", false, 5986), ("ex01", true, 445)], groups.Select(g => (g.Host, g.Initiated, g.DestinationPort)));
        Assert.Equal(@"C:\Windows\Temp\ps.exe", groups[1].Image);
    }

    [Fact]
    public void Explicit_credentials_keep_server_principal_and_process()
    {
        var log = new LateralLog();
        log.ExplicitCredentials("ex01", _t, "alice", "dc01", "cifs/dc01", @"C:\Windows\Temp\ps.exe");

        var group = Assert.Single(Query(log, w => w.QueryLateral(new LateralQuery(LateralLog.Tenant)).ExplicitCredentials));

        Assert.Equal(("ex01", "dc01", "cifs/dc01", "alice", "ACME", @"C:\Windows\Temp\ps.exe", 1L),
            (group.Host, group.TargetServer, group.TargetInfo, group.User, group.Domain, group.Process, group.WindowCount));
    }

    [Fact]
    public void Artefacts_come_with_the_logons_of_their_session_and_of_the_tie_window_latest_first()
    {
        var log = new LateralLog();
        var session = log.Logon("dc01", _t.AddHours(-1), "alice", ip: "10.0.0.20");
        log.Logon("dc01", _t.AddSeconds(-40), "bob", ip: "10.0.0.21");
        log.Logon("dc01", _t.AddSeconds(-20), "carol", ip: "10.0.0.22");
        log.Logon("dc01", _t.AddSeconds(-10), "dave", ip: "10.0.0.23");
        log.Logon("dc01", _t.AddSeconds(10), "erin", ip: "10.0.0.24");
        log.Process("dc01", _t, @"C:\Windows\System32\cmd.exe", @"C:\Windows\System32\wbem\WmiPrvSE.exe", session);
        log.Process("dc01", _t, @"C:\Windows\System32\cmd.exe", @"C:\Windows\explorer.exe", session);
        log.Process("dc01", _t, @"C:\Windows\System32\cmd.exe", @"C:\Tools\not-wmiprvse.exe.bak", session);
        log.ServiceInstalled("ex01", _t, "PSEXESVC", @"%SystemRoot%\PSEXESVC.exe");

        var artefacts = Query(log, w => w.QueryLateral(new LateralQuery(LateralLog.Tenant, TieWindow: TimeSpan.FromSeconds(30))).Artefacts);

        Assert.Equal(2, artefacts.Count);
        var process = artefacts.Single(a => a.Kind == LateralArtefactKind.RemoteProcess);
        Assert.Equal((@"C:\Windows\System32\cmd.exe", @"C:\Windows\System32\wbem\WmiPrvSE.exe", session), (process.Name, process.Parent, process.LogonId));
        Assert.Equal(["dave", "carol", "alice"], process.Logons.Select(l => l.User));
        Assert.Equal((session, 3, "10.0.0.20"), (process.Logons[2].LogonId, process.Logons[2].LogonType, process.Logons[2].IpAddress));
        var service = artefacts.Single(a => a.Kind == LateralArtefactKind.ServiceInstall);
        Assert.Equal(("ex01", "PSEXESVC", @"%SystemRoot%\PSEXESVC.exe", "LocalSystem", "S-1-5-18"),
            (service.Host, service.Name, service.Detail, service.Account, service.InstallerSid));
        Assert.Empty(service.Logons);
        Assert.Equal(("System", 7045), (service.Evidence.Channel, service.Evidence.EventId));
    }

    [Fact]
    public void Another_tenants_evidence_is_not_read()
    {
        var log = new LateralLog();
        log.Logon("dc01", _t, "alice", ip: "10.0.0.20");

        Assert.Empty(Query(log, w => w.QueryLateral(new LateralQuery("other")).Logons));
    }

    private static IReadOnlyList<T> Query<T>(LateralLog log, Func<Workspace, IReadOnlyList<T>> query)
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        log.WriteTo(workspace);
        return query(workspace);
    }
}
