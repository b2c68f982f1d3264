using Ooda.Store;

namespace Ooda.Investigation.Tests.ProcessTrees;

/// <summary>The Store's process-event SQL (<c>Workspace.Processes.cs</c>), which the process trees are built on.</summary>
public sealed class WorkspaceProcessesTests
{
    private const string Cmd = @"C:\Windows\System32\cmd.exe";
    private const string W3wp = @"C:\Windows\System32\inetsrv\w3wp.exe";

    private static string G(int n) => ProcessTreeBuilderTests.G(n);

    private static List<StoredProcessEvent> All(Workspace workspace, int? limit = null) =>
        [.. workspace.QueryProcessEvents(new ProcessEventQuery { Tenant = ProcessLog.Tenant, Host = ProcessLog.Host, Limit = limit }).Events.OrderBy(e => e.Timestamp)];

    [Fact]
    public void Both_logs_come_back_in_one_shape_with_hex_and_decimal_pids_as_numbers()
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 2196, G(4).ToLowerInvariant(), Cmd, "cmd.exe /c whoami", 4684, G(3), W3wp, user: @"ACME\svc", integrity: "High", parentCommandLine: "w3wp -ap x")
            .Security4688(1, 0x1a2c, Cmd, 0x124c, W3wp, "cmd.exe /c dir", label: "S-1-16-12288")
            .Security4688(2, 0x1a30, Cmd, 0x124c, W3wp, "cmd.exe /c set", target: "alice")
            .Security4689(3, 0x1a2c, Cmd)
            .Sysmon5(4, 2196, G(4), Cmd);
        var events = All(log.Store());

        Assert.Equal([1, 4688, 4688, 4689, 5], events.Select(e => e.EventId));
        var sysmon = events[0];
        Assert.Equal(G(4), sysmon.ProcessGuid);
        Assert.Equal(G(3), sysmon.ParentProcessGuid);
        Assert.Equal(2196, sysmon.ProcessId);
        Assert.Equal(4684, sysmon.ParentProcessId);
        Assert.Equal(Cmd, sysmon.Image);
        Assert.Equal(W3wp, sysmon.ParentImage);
        Assert.Equal("w3wp -ap x", sysmon.ParentCommandLine);
        Assert.Equal(@"ACME\svc", sysmon.User);
        Assert.Equal("High", sysmon.Integrity);
        Assert.Equal(ProcessLog.At(0), sysmon.ProcessTime);
        Assert.Equal(ProcessLog.At(0).AddMilliseconds(1), sysmon.Timestamp);
        Assert.True(sysmon.IsSysmon && sysmon.IsStart);

        var security = events[1];
        Assert.Equal(0x1a2c, security.ProcessId);
        Assert.Equal(0x124c, security.ParentProcessId);
        Assert.Null(security.ProcessGuid);
        Assert.Equal(Cmd, security.Image);
        Assert.Equal(W3wp, security.ParentImage);
        Assert.Equal("cmd.exe /c dir", security.CommandLine);
        Assert.Equal(@"ACME\HOST1$", security.User);
        Assert.Equal("S-1-16-12288", security.Integrity);
        Assert.Null(security.ProcessTime);
        Assert.Equal(@"ACME\alice", events[2].User);

        Assert.Equal(0x1a2c, events[3].ProcessId);
        Assert.Equal(Cmd, events[3].Image);
        Assert.Null(events[3].ParentProcessId);
        Assert.Equal(G(4), events[4].ProcessGuid);
        Assert.All(events, e => Assert.Equal(64, e.FileSha256.Length));
        Assert.All(events, e => Assert.NotNull(e.RecordId));
    }

    [Fact]
    public void The_all_zero_guid_is_no_guid_and_long_command_lines_arrive_cut_and_flagged()
    {
        using var log = new ProcessLog();
        var longLine = "powershell -enc " + new string('A', 10_000);
        log.Sysmon1(0, 2196, G(4), Cmd, longLine, 4, "00000000-0000-0000-0000-000000000000", "System");
        var e = Assert.Single(All(log.Store()));

        Assert.Null(e.ParentProcessGuid);
        Assert.True(e.CommandLineClipped);
        Assert.Equal(Workspace.MaxProcessCommandLine, e.CommandLine!.Length);
        Assert.StartsWith("powershell -enc AAAA", e.CommandLine, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_keeps_the_earliest_events_leaves_out_all_that_share_the_cut_time_and_says_where_it_cut()
    {
        using var log = new ProcessLog();
        log.Security4688(0, 0x10, Cmd, 4, null, "a").Security4688(1, 0x11, Cmd, 4, null, "b").Security4688(2, 0x12, Cmd, 4, null, "c1")
            .Security4688(2, 0x13, Cmd, 4, null, "c2").Security4688(3, 0x14, Cmd, 4, null, "d");
        var workspace = log.Store();
        var query = new ProcessEventQuery { Tenant = ProcessLog.Tenant, Host = ProcessLog.Host };

        var three = workspace.QueryProcessEvents(query with { Limit = 3 });
        Assert.Equal(["a", "b"], three.Events.Select(e => e.CommandLine).Order());
        Assert.Equal(ProcessLog.At(2), three.CutAt);
        var all = workspace.QueryProcessEvents(query with { Limit = 5 });
        Assert.Equal(5, all.Events.Count);
        Assert.Null(all.CutAt);
        Assert.Equal(["b", "c1", "c2"], workspace.QueryProcessEvents(query with { From = ProcessLog.At(1), To = ProcessLog.At(3) }).Events.Select(e => e.CommandLine).Order());
    }

    [Fact]
    public void A_parent_lookup_finds_the_latest_start_of_its_guid_and_each_latest_start_and_exit_of_its_id_before_its_time()
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 4684, G(3).ToLowerInvariant(), W3wp, "w3wp", 1100, G(2), "svchost.exe")
            .Sysmon1(30, 4684, G(4), W3wp, "w3wp again", 1100, G(2), "svchost.exe")
            .Security4688(10, 0x900, @"C:\a\old.exe", 0x10, null, "old")
            .Security4689(20, 0x900, @"C:\a\old.exe")
            .Security4688(25, 0x900, @"C:\a\reused.exe", 0x10, null, "reused")
            .Security4688(50, 0x950, @"C:\a\later.exe", 0x10, null, "later")
            .Sysmon5(5, 4684, G(3), W3wp)
            .Other("MSExchange Management", 1, 1, ("ProcessId", "77"));
        var workspace = log.Store();

        var byGuid = workspace.QueryProcessParents(ProcessLog.Tenant, ProcessLog.Host, [new ProcessLookup(null, G(3), ProcessLog.At(40))]);
        Assert.Equal(["w3wp"], byGuid.Select(e => e.CommandLine));
        Assert.Empty(workspace.QueryProcessParents(ProcessLog.Tenant, ProcessLog.Host, [new ProcessLookup(null, G(3), ProcessLog.At(0))]));

        // By id: the latest start and the latest exit before the time, each; what came after the time is not an answer.
        var byId = workspace.QueryProcessParents(ProcessLog.Tenant, ProcessLog.Host, [new ProcessLookup(0x900, null, ProcessLog.At(22))]);
        Assert.Equal([(4688, "old"), (4689, null)], byId.OrderBy(e => e.Timestamp).Select(e => (e.EventId, e.CommandLine)));
        Assert.Equal(["reused"], workspace.QueryProcessParents(ProcessLog.Tenant, ProcessLog.Host, [new ProcessLookup(0x900, null, ProcessLog.At(40))])
            .Where(e => e.EventId == 4688).Select(e => e.CommandLine));
        Assert.Equal([(1, "w3wp again")], workspace.QueryProcessParents(ProcessLog.Tenant, ProcessLog.Host, [new ProcessLookup(4684, null, ProcessLog.At(40))])
            .Select(e => (e.EventId, e.CommandLine)));

        // Several lookups in one query, an event answering two of them comes once; another host's events never answer.
        var both = workspace.QueryProcessParents(ProcessLog.Tenant, ProcessLog.Host,
            [new ProcessLookup(null, G(4), ProcessLog.At(40)), new ProcessLookup(4684, null, ProcessLog.At(40)), new ProcessLookup(0x950, null, ProcessLog.At(40))]);
        Assert.Equal(["w3wp again"], both.Select(e => e.CommandLine));
        Assert.Empty(workspace.QueryProcessParents("other", ProcessLog.Host, [new ProcessLookup(null, G(3), ProcessLog.At(40))]));
        Assert.Empty(workspace.QueryProcessParents(ProcessLog.Tenant, ProcessLog.Host, []));
    }

    [Fact]
    public void Ties_in_time_go_to_the_later_row_and_each_lookup_time_of_one_key_is_answered_on_its_own()
    {
        using var log = new ProcessLog();
        log.Security4688(10, 0x900, @"C:\a\first.exe", 0x10, null, "first")
            .Security4688(10, 0x900, @"C:\a\second.exe", 0x10, null, "second")
            .Security4688(30, 0x900, @"C:\a\third.exe", 0x10, null, "third")
            .Sysmon1(10, 4684, G(5), W3wp, "guid first", 1100, G(2), "svchost.exe")
            .Sysmon1(10, 4685, G(5), W3wp, "guid second", 1100, G(2), "svchost.exe");
        var workspace = log.Store();

        // The same pid asked at two times in one call: each time gets its own latest start; a start at the asked time is not before it.
        var answers = workspace.QueryProcessParents(ProcessLog.Tenant, ProcessLog.Host,
            [new ProcessLookup(0x900, null, ProcessLog.At(20)), new ProcessLookup(0x900, null, ProcessLog.At(40)), new ProcessLookup(0x900, null, ProcessLog.At(10))]);
        Assert.Equal(["second", "third"], answers.Select(e => e.CommandLine).Order());
        Assert.Equal(["guid second"], workspace.QueryProcessParents(ProcessLog.Tenant, ProcessLog.Host, [new ProcessLookup(null, G(5), ProcessLog.At(20))])
            .Select(e => e.CommandLine));
    }

    [Fact]
    public void Many_lookups_of_one_busy_pid_are_each_answered_with_its_latest_start()
    {
        using var log = new ProcessLog();
        for (var i = 0; i < 400; i++)
            log.Security4688(i, 4, @"C:\a\p" + i + ".exe", 0x10, null, "start " + i);
        var workspace = log.Store();

        var lookups = Enumerable.Range(1, 400).Select(i => new ProcessLookup(4, null, ProcessLog.At(i - 0.5))).ToList();
        Assert.Equal(Enumerable.Range(0, 400).Select(i => "start " + i).Order(),
            workspace.QueryProcessParents(ProcessLog.Tenant, ProcessLog.Host, lookups).Select(e => e.CommandLine!).Order());
    }
}
