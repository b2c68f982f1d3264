using System.Globalization;
using Ooda.Core;
using Ooda.Investigation.ProcessTrees;

namespace Ooda.Investigation.Tests.ProcessTrees;

public sealed class ProcessTreeBuilderTests
{
    private const string Services = @"C:\Windows\System32\services.exe";
    private const string Svchost = @"C:\Windows\System32\svchost.exe";
    private const string W3wp = @"C:\Windows\System32\inetsrv\w3wp.exe";
    private const string Cmd = @"C:\Windows\System32\cmd.exe";
    private const string Whoami = @"C:\Windows\System32\whoami.exe";
    private const string PowerShell = @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe";
    private const string Explorer = @"C:\Windows\explorer.exe";

    internal static string G(int n) => string.Create(CultureInfo.InvariantCulture, $"2DD6150A-0000-610E-B762-{n:D12}");

    private static ProcessNode Only(ProcessGraph graph, string name) => Assert.Single(graph.Nodes, n => n.Name == name && n.Source != ProcessSource.Inferred);

    private static ProcessNode Inferred(ProcessGraph graph, string name) => Assert.Single(graph.Nodes, n => n.Name == name && n.Source == ProcessSource.Inferred);

    [Fact]
    public void An_empty_host_gives_an_empty_graph()
    {
        using var log = new ProcessLog();
        var graph = log.Graph();
        Assert.Empty(graph.Nodes);
        Assert.Empty(graph.Roots);
        Assert.Empty(graph.Select(ProcessSelection.All).Roots);
    }

    [Fact]
    public void A_sysmon_chain_is_linked_by_process_guid_under_an_inferred_root_named_from_the_parent_image()
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 640, G(1), Services, "services.exe", 500, G(99), @"C:\Windows\System32\wininit.exe", parentCommandLine: "wininit.exe")
            .Sysmon1(10, 1100, G(2), Svchost, "svchost.exe -k iissvcs", 640, G(1), Services)
            .Sysmon1(20, 4684, G(3), W3wp, "w3wp.exe -ap DefaultAppPool", 1100, G(2), Svchost)
            .Sysmon1(30, 2196, G(4), Cmd, "cmd.exe /c whoami", 4684, G(3), W3wp)
            .Sysmon1(31, 2200, G(5), Whoami, "whoami", 2196, G(4), Cmd);
        var graph = log.Graph();

        var root = Assert.Single(graph.Roots);
        Assert.Equal("wininit.exe", root.Name);
        Assert.Equal(ProcessSource.Inferred, root.Source);
        Assert.Null(root.Start);
        Assert.Equal(500, root.Pid);
        Assert.Equal(G(99), root.Guid);
        Assert.Equal("wininit.exe", root.CommandLine);
        Assert.Empty(root.Evidence);

        var chain = new List<string>();
        for (var node = Only(graph, "whoami.exe"); node is not null; node = graph.ParentOf(node))
            chain.Add(node.Name);
        Assert.Equal(["whoami.exe", "cmd.exe", "w3wp.exe", "svchost.exe", "services.exe", "wininit.exe"], chain);

        var cmd = Only(graph, "cmd.exe");
        Assert.Equal(ProcessParentLink.Guid, cmd.ParentLink);
        Assert.Equal(ProcessSource.Sysmon, cmd.Source);
        Assert.Equal(G(4), cmd.Guid);
        Assert.Equal(2196, cmd.Pid);
        Assert.Equal("cmd.exe /c whoami", cmd.CommandLine);
        Assert.Equal(@"NT AUTHORITY\SYSTEM", cmd.User);
        Assert.Equal("System", cmd.Integrity);
        Assert.Equal(ProcessLog.At(30), cmd.Start);
        var evidence = Assert.Single(cmd.Evidence);
        Assert.Equal(1, evidence.EventId);
        Assert.Equal(64, evidence.FileSha256.Length);
        Assert.NotNull(evidence.RecordId);
        Assert.Equal("logs/1.jsonl", evidence.File);
    }

    [Fact]
    public void Security_4688_pids_are_read_as_hex_and_a_reused_pid_gives_each_child_the_process_that_held_it_then()
    {
        using var log = new ProcessLog();
        log.Security4688(0, 0x100, Cmd, 0x10, Explorer, "cmd.exe")
            .Security4688(10, 0x200, Whoami, 0x100, Cmd, "whoami")
            .Security4689(20, 0x100, Cmd)
            .Security4688(25, 0x400, @"C:\Windows\System32\net.exe", 0x100, Cmd, "net user")
            .Security4688(30, 0x100, PowerShell, 0x10, Explorer, "powershell -nop")
            .Security4688(40, 0x300, @"C:\Windows\System32\rundll32.exe", 0x100, PowerShell, "rundll32 comsvcs.dll MiniDump");
        var graph = log.Graph();

        var cmd = Only(graph, "cmd.exe");
        var powershell = Only(graph, "powershell.exe");
        Assert.Equal(0x100, cmd.Pid);
        Assert.Equal(0x100, powershell.Pid);
        Assert.Equal(ProcessLog.At(20), cmd.End);
        Assert.Equal(ProcessSource.Security, cmd.Source);
        Assert.Equal([4688, 4689], cmd.Evidence.Select(e => e.EventId));
        Assert.Equal(@"ACME\HOST1$", cmd.User);
        Assert.Equal("System", cmd.Integrity);

        Assert.Equal(cmd.Id, Only(graph, "whoami.exe").ParentId);
        Assert.Equal(ProcessParentLink.ProcessId, Only(graph, "whoami.exe").ParentLink);
        Assert.Equal(powershell.Id, Only(graph, "rundll32.exe").ParentId);

        // net.exe started after cmd.exe exited and before pid 0x100 was reused: its parent was never logged.
        var net = Only(graph, "net.exe");
        Assert.Equal(ProcessParentLink.Inferred, net.ParentLink);
        var unseen = graph.ParentOf(net)!;
        Assert.Equal(ProcessSource.Inferred, unseen.Source);
        Assert.Equal(0x100, unseen.Pid);

        // Both processes name the same unlogged explorer.exe (same pid and image): one inferred root.
        var explorer = Inferred(graph, "explorer.exe");
        Assert.Equal(explorer.Id, cmd.ParentId);
        Assert.Equal(explorer.Id, powershell.ParentId);
    }

    [Fact]
    public void A_4688_without_a_parent_name_links_by_pid_and_one_whose_parent_name_disagrees_gets_an_inferred_parent()
    {
        using var log = new ProcessLog();
        log.Security4688(0, 0x100, Cmd, 0x10, null, "cmd.exe")
            .Security4688(10, 0x200, Whoami, 0x100, null, "whoami")
            .Security4688(20, 0x300, @"C:\Windows\System32\net.exe", 0x100, @"C:\Users\Public\evil.exe", "net group");
        var graph = log.Graph();

        Assert.Equal(Only(graph, "cmd.exe").Id, Only(graph, "whoami.exe").ParentId);
        var other = graph.ParentOf(Only(graph, "net.exe"))!;
        Assert.Equal("evil.exe", other.Name);
        Assert.Equal(ProcessSource.Inferred, other.Source);
        // A 4688 that names no parent image makes an inferred parent known only by pid.
        var root = graph.ParentOf(Only(graph, "cmd.exe"))!;
        Assert.Equal(string.Empty, root.Image);
        Assert.Equal(0x10, root.Pid);
    }

    [Fact]
    public void Sysmon_1_and_4688_of_one_process_merge_into_one_node_that_keeps_both_records()
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 4684, G(3), W3wp, "w3wp.exe -ap DefaultAppPool", 1100, G(2), Svchost)
            .Security4688(0.5, 4684, W3wp.ToLowerInvariant(), 1100, Svchost, "w3wp.exe -ap DefaultAppPool")
            .Sysmon1(30, 2196, G(4), Cmd, "cmd.exe /c whoami", 4684, G(3), W3wp)
            .Security4688(30, 2196, Cmd, 4684, W3wp, "cmd.exe /c whoami")
            .Security4688(40, 2300, Whoami, 2196, Cmd, "whoami");
        var graph = log.Graph();

        Assert.Equal(4, graph.Nodes.Count);
        var w3wp = Only(graph, "w3wp.exe");
        Assert.Equal(ProcessSource.Both, w3wp.Source);
        Assert.Equal([1, 4688], w3wp.Evidence.Select(e => e.EventId).Order());
        Assert.Equal(2, w3wp.Evidence.Select(e => e.FileSha256).Distinct().Count());
        Assert.Equal(G(3), w3wp.Guid);
        Assert.Equal(ProcessLog.At(0), w3wp.Start);

        var cmd = Only(graph, "cmd.exe");
        Assert.Equal(ProcessSource.Both, cmd.Source);
        Assert.Equal(ProcessParentLink.Guid, cmd.ParentLink);
        Assert.Equal(w3wp.Id, cmd.ParentId);

        var whoami = Only(graph, "whoami.exe");
        Assert.Equal(ProcessSource.Security, whoami.Source);
        Assert.Equal(ProcessParentLink.ProcessId, whoami.ParentLink);
        Assert.Equal(cmd.Id, whoami.ParentId);
    }

    [Theory]
    [InlineData(3.0, W3wp, "more than two seconds apart")]
    [InlineData(0.0, Cmd, "another image")]
    public void Sysmon_1_and_4688_of_the_same_pid_stay_apart_when_they_cannot_be_one_process(double securityAt, string securityImage, string why)
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 4684, G(3), W3wp, "w3wp.exe", 1100, G(2), Svchost)
            .Security4688(securityAt, 4684, securityImage, 1100, Svchost, "x");
        var graph = log.Graph();
        Assert.True(graph.Nodes.Count(n => n.Source != ProcessSource.Inferred) == 2, why);
        Assert.DoesNotContain(graph.Nodes, n => n.Source == ProcessSource.Both);
    }

    [Fact]
    public void The_same_events_ingested_twice_from_two_files_are_one_process_each()
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 4684, G(3), W3wp, "w3wp.exe", 1100, G(2), Svchost).Security4688(0, 4684, W3wp, 1100, Svchost, "w3wp.exe");
        log.Store();
        log.Sysmon1(0, 4684, G(3), W3wp, "w3wp.exe", 1100, G(2), Svchost).Security4688(0, 4684, W3wp, 1100, Svchost, "w3wp.exe");
        var graph = log.Graph();

        var w3wp = Only(graph, "w3wp.exe");
        Assert.Equal(4, w3wp.Evidence.Count);
        Assert.Equal(4, w3wp.Evidence.Select(e => e.FileSha256).Distinct().Count());
    }

    [Fact]
    public void Children_of_a_parent_that_started_before_the_logs_share_one_inferred_root_whichever_log_names_it()
    {
        using var log = new ProcessLog();
        log.Sysmon1(10, 2196, G(4), Cmd, "cmd.exe /c a", 4684, G(3), W3wp, parentCommandLine: "w3wp.exe -ap MSExchangeOWAAppPool")
            .Sysmon1(20, 2300, G(5), Cmd, "cmd.exe /c b", 4684, G(3), W3wp)
            .Security4688(30, 2400, PowerShell, 4684, W3wp, "powershell -enc AAAA");
        var graph = log.Graph();

        var root = Assert.Single(graph.Roots);
        Assert.Equal(ProcessSource.Inferred, root.Source);
        Assert.Equal("w3wp.exe", root.Name);
        Assert.Equal(G(3), root.Guid);
        Assert.Equal(4684, root.Pid);
        Assert.Equal("w3wp.exe -ap MSExchangeOWAAppPool", root.CommandLine);
        Assert.Equal(3, graph.ChildrenOf(root).Count);
        Assert.All(graph.ChildrenOf(root), c => Assert.Equal(ProcessParentLink.Inferred, c.ParentLink));
    }

    [Fact]
    public void A_process_naming_itself_or_a_descendant_as_parent_is_cut_so_the_graph_is_a_forest()
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 100, G(1), Cmd, "self", 100, G(1), Cmd)
            .Sysmon1(10, 200, G(2), PowerShell, "b", 300, G(3), Whoami)
            .Sysmon1(20, 300, G(3), Whoami, "c", 200, G(2), PowerShell)
            .Sysmon1(30, 400, G(4), Explorer, "d", 300, G(3), Whoami);
        var graph = log.Graph();

        Assert.Equal(4, graph.Nodes.Count);
        Assert.Equal(2, graph.Roots.Count);
        Assert.All(graph.Roots, r => Assert.Equal(ProcessParentLink.CycleCut, r.ParentLink));
        Assert.Equal(2, graph.Diagnostics.Count(d => d.Contains("cycle", StringComparison.Ordinal)));

        // The earlier-started member of the two-process cycle becomes its root.
        Assert.Equal(ProcessParentLink.CycleCut, Only(graph, "powershell.exe").ParentLink);
        var tree = graph.Select(ProcessSelection.All);
        Assert.Equal(4, tree.Shown);
        Assert.Equal(0, tree.Hidden);
    }

    [Fact]
    public void Ends_come_from_sysmon_5_by_guid_and_4689_by_pid_and_time()
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 2196, G(4), Cmd, "cmd", 4684, G(3), W3wp)
            .Sysmon5(50, 2196, G(4), Cmd)
            .Security4688(10, 0x500, Whoami, 0x894, Cmd, "whoami")
            .Security4689(11, 0x500, Whoami)
            .Security4689(12, 0x777, Whoami);
        var graph = log.Graph();

        Assert.Equal(ProcessLog.At(50), Only(graph, "cmd.exe").End);
        Assert.Equal(ProcessLog.At(11), Only(graph, "whoami.exe").End);
        Assert.Contains(graph.Diagnostics, d => d.StartsWith("1 process exit(s) match no start", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_chain_of_ancestors_deeper_than_one_walk_is_climbed_as_far_from_sysmon_as_from_security(bool sysmon)
    {
        using var log = new ProcessLog();
        for (var k = 1; k <= 12; k++)
        {
            var image = string.Create(CultureInfo.InvariantCulture, $@"C:\tools\p{k}.exe");
            var parent = string.Create(CultureInfo.InvariantCulture, $@"C:\tools\p{k - 1}.exe");
            if (sysmon)
                log.Sysmon1(k, 100 + k, G(100 + k), image, "p" + k, 100 + k - 1, G(100 + k - 1), parent);
            else
                log.Security4688(k, 0x100 + k, image, 0x100 + k - 1, parent, "p" + k);
        }

        if (sysmon)
            log.Sysmon1(100, 500, G(500), @"C:\tools\child.exe", "child", 112, G(112), @"C:\tools\p12.exe");
        else
            log.Security4688(100, 0x500, @"C:\tools\child.exe", 0x100 + 12, @"C:\tools\p12.exe", "child");
        var workspace = log.Store();

        int Ancestors(int generations) => ProcessTreeBuilder.LoadGraph(workspace, new ProcessGraphRequest
        {
            Tenant = ProcessLog.Tenant,
            Host = ProcessLog.Host,
            From = ProcessLog.At(50),
            AncestorGenerations = generations,
        }).Nodes.Count(n => n.Source != ProcessSource.Inferred && n.Start < ProcessLog.At(50));

        Assert.Equal(12, Ancestors(16));
        // Two generations per walk, and a lookup found at the last generation is asked on the next of the four passes.
        Assert.Equal(8, Ancestors(2));

        // Ancestors count against the event limit: a hostile history cannot fill memory, and the graph says where it stopped.
        var cut = ProcessTreeBuilder.LoadGraph(workspace, new ProcessGraphRequest { Tenant = ProcessLog.Tenant, Host = ProcessLog.Host, From = ProcessLog.At(50), MaxEvents = 3 });
        Assert.Equal(3, cut.Nodes.Count(n => n.Source != ProcessSource.Inferred && n.Start < ProcessLog.At(50)));
        Assert.Contains(cut.Diagnostics, d => d.Contains("the walk up stopped there", StringComparison.Ordinal));
    }

    [Fact]
    public void Ancestors_that_started_before_the_window_are_found_by_guid_and_by_pid_and_time()
    {
        using var log = new ProcessLog();
        // Boot, long before the window: services → svchost → w3wp (both logs); pid 0x900 used by an older process that exited.
        log.Sysmon1(-300, 640, G(1), Services, "services.exe", 500, G(99), @"C:\Windows\System32\wininit.exe")
            .Security4688(-300, 640, Services, 500, @"C:\Windows\System32\wininit.exe", "services.exe")
            .Sysmon1(-200, 1100, G(2), Svchost, "svchost.exe -k iissvcs", 640, G(1), Services)
            .Security4688(-200, 1100, Svchost, 640, Services, "svchost.exe -k iissvcs")
            .Sysmon1(-100, 4684, G(3), W3wp, "w3wp.exe -ap DefaultAppPool", 1100, G(2), Svchost)
            .Security4688(-100, 4684, W3wp, 1100, Svchost, "w3wp.exe -ap DefaultAppPool")
            .Security4688(-90, 0x900, @"C:\Windows\System32\old.exe", 640, Services, "old")
            .Security4689(-80, 0x900, @"C:\Windows\System32\old.exe")
            .Security4688(-70, 0x900, @"C:\Program Files\Backup\agent.exe", 640, Services, "agent --run")
            // In the window.
            .Sysmon1(1010, 2196, G(4), Cmd, "cmd.exe /c whoami", 4684, G(3), W3wp)
            .Security4688(1020, 0x950, @"C:\Windows\System32\tar.exe", 0x900, @"C:\Program Files\Backup\agent.exe", "tar -c");
        var graph = log.Graph(from: 1000);

        var chain = new List<string>();
        for (var node = Only(graph, "cmd.exe"); node is not null; node = graph.ParentOf(node))
            chain.Add(node.Name);
        Assert.Equal(["cmd.exe", "w3wp.exe", "svchost.exe", "services.exe", "wininit.exe"], chain);
        Assert.Equal(ProcessSource.Both, Only(graph, "w3wp.exe").Source);
        Assert.Equal(ProcessLog.At(-100), Only(graph, "w3wp.exe").Start);
        Assert.Equal("wininit.exe", Inferred(graph, "wininit.exe").Name);

        var agent = graph.ParentOf(Only(graph, "tar.exe"))!;
        Assert.Equal("agent.exe", agent.Name);
        Assert.Equal(ProcessSource.Security, agent.Source);
        Assert.Equal(ProcessParentLink.ProcessId, Only(graph, "tar.exe").ParentLink);
        Assert.Equal("services.exe", graph.ParentOf(agent)!.Name);
        Assert.DoesNotContain(graph.Nodes, n => n.Name == "old.exe");
    }

    [Fact]
    public void A_pid_whose_latest_holder_before_the_window_had_exited_gives_an_inferred_parent()
    {
        using var log = new ProcessLog();
        log.Security4688(-90, 0x900, @"C:\Windows\System32\old.exe", 0x10, Explorer, "old")
            .Security4689(-80, 0x900, @"C:\Windows\System32\old.exe")
            .Security4688(1020, 0x950, @"C:\Windows\System32\tar.exe", 0x900, @"C:\Windows\System32\old.exe", "tar");
        var graph = log.Graph(from: 1000);

        var parent = graph.ParentOf(Only(graph, "tar.exe"))!;
        Assert.Equal(ProcessSource.Inferred, parent.Source);
        Assert.Equal(0x900, parent.Pid);
    }

    [Fact]
    public void A_process_read_before_the_window_only_as_a_candidate_for_a_reused_pid_stays_out_of_the_graph()
    {
        using var log = new ProcessLog();
        // The day before: a w3wp started csc.exe, which got the pid (0x500) that the window's other w3wp holds (its start unlogged).
        log.Security4688(-86_400, 0x600, W3wp, 640, Services, "w3wp.exe -ap DefaultAppPool")
            .Security4688(-80_000, 0x500, @"C:\Windows\Microsoft.NET\Framework64\v4.0.30319\csc.exe", 0x600, W3wp, "csc.exe /noconfig")
            // In the window: one child of each w3wp.
            .Security4688(1010, 0x700, Cmd, 0x500, W3wp, "cmd.exe /c whoami")
            .Security4688(1020, 0x800, Whoami, 0x600, W3wp, "whoami");
        var graph = log.Graph(from: 1000);

        Assert.DoesNotContain(graph.Nodes, n => n.Name == "csc.exe");
        var tree = graph.Select(new ProcessSelection { RootImage = "w3wp.exe" });
        Assert.Equal(2, tree.Roots.Count);
        var logged = Assert.Single(tree.Roots, r => r.Process.Source == ProcessSource.Security);
        Assert.Equal(0x600, logged.Process.Pid);
        Assert.Equal(["whoami.exe"], logged.Children.Select(c => c.Process.Name));
        var unlogged = Assert.Single(tree.Roots, r => r.Process.Source == ProcessSource.Inferred);
        Assert.Equal(0x500, unlogged.Process.Pid);
        Assert.Equal(["cmd.exe"], unlogged.Children.Select(c => c.Process.Name));
    }

    [Fact]
    public void The_window_bounds_which_processes_are_read_and_other_channels_are_never_read_as_processes()
    {
        using var log = new ProcessLog();
        log.Sysmon1(10, 2196, G(4), Cmd, "in window", 4684, G(3), W3wp)
            .Sysmon1(500, 2300, G(5), Cmd, "after the window", 4684, G(3), W3wp)
            .Other("MSExchange Management", 1, 20, ("ProcessId", "77"), ("Image", @"C:\x\not-a-process.exe"))
            .Other("Microsoft-Windows-Sysmon/Operational", 3, 30, ("ProcessId", "88"), ("Image", @"C:\x\network.exe"));
        var graph = log.Graph(from: 0, to: 100);

        var cmd = Assert.Single(graph.Nodes, n => n.Source != ProcessSource.Inferred);
        Assert.Equal("in window", cmd.CommandLine);
        Assert.Equal(ProcessLog.At(0), graph.From);
        Assert.Equal(ProcessLog.At(100), graph.To);
    }

    [Fact]
    public void A_window_with_more_events_than_the_limit_is_cut_and_says_so()
    {
        using var log = new ProcessLog();
        for (var i = 0; i < 10; i++)
            log.Security4688(i, 0x1000 + i, Cmd, 0x10, Explorer, "cmd");
        var graph = ProcessTreeBuilder.LoadGraph(log.Store(), new ProcessGraphRequest { Tenant = ProcessLog.Tenant, Host = ProcessLog.Host, MaxEvents = 4 });

        Assert.Equal(4, graph.Nodes.Count(n => n.Source == ProcessSource.Security));
        Assert.Contains(graph.Diagnostics, d => d.Contains("more than 4 process events", StringComparison.Ordinal));
    }

    [Fact]
    public void The_host_matches_case_insensitively_and_another_tenant_sees_nothing()
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 2196, G(4), Cmd, "cmd", 4684, G(3), W3wp);
        var workspace = log.Store();
        Assert.Equal(2, ProcessTreeBuilder.LoadGraph(workspace, new ProcessGraphRequest { Tenant = ProcessLog.Tenant, Host = "host1" }).Nodes.Count);
        Assert.Empty(ProcessTreeBuilder.LoadGraph(workspace, new ProcessGraphRequest { Tenant = "other", Host = ProcessLog.Host }).Nodes);
    }

    [Fact]
    public void A_window_that_ends_before_it_starts_is_refused()
    {
        using var log = new ProcessLog();
        Assert.Throws<ArgumentException>(() => ProcessTreeBuilder.LoadGraph(log.Store(),
            new ProcessGraphRequest { Tenant = ProcessLog.Tenant, Host = ProcessLog.Host, From = ProcessLog.At(10), To = ProcessLog.At(5) }));
    }

    [Fact]
    public void Build_selects_from_the_loaded_graph()
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 4684, G(3), W3wp, "w3wp", 1100, G(2), Svchost)
            .Sysmon1(30, 2196, G(4), Cmd, "cmd", 4684, G(3), W3wp);
        var tree = ProcessTreeBuilder.Build(log.Store(), new ProcessGraphRequest { Tenant = ProcessLog.Tenant, Host = ProcessLog.Host },
            new ProcessSelection { RootImage = "w3wp.exe" });

        var root = Assert.Single(tree.Roots);
        Assert.Equal("w3wp.exe", root.Process.Name);
        Assert.Equal("cmd.exe", Assert.Single(root.Children).Process.Name);
        Assert.Equal("svchost.exe", Assert.Single(root.Ancestors).Name);
    }

    [Fact]
    public void The_case_window_is_a_day_around_the_timed_findings_or_everything_without_them()
    {
        static Finding F(DateTime at) => new()
        {
            Id = "f" + at.Ticks.ToString(CultureInfo.InvariantCulture),
            Title = "t",
            Severity = "high",
            Detector = "sigma",
            Tenant = "acme",
            Host = "h",
            Timestamp = at,
            Provenance = new Provenance("x", new string('a', 64), -1, 1),
        };

        Assert.Equal((null, null), ProcessTreeBuilder.CaseWindow([]));
        Assert.Equal((null, null), ProcessTreeBuilder.CaseWindow([F(DateTime.MinValue)]));
        var (from, to) = ProcessTreeBuilder.CaseWindow([F(ProcessLog.At(100)), F(ProcessLog.At(0)), F(DateTime.MinValue)]);
        Assert.Equal(ProcessLog.At(0).AddDays(-1), from);
        Assert.Equal(ProcessLog.At(100).AddDays(1), to);
        Assert.Equal(DateTime.MaxValue, ProcessTreeBuilder.CaseWindow([F(DateTime.MaxValue.AddHours(-1))]).To);
    }
}
