using System.Globalization;
using Ooda.Investigation.ProcessTrees;

namespace Ooda.Investigation.Tests.ProcessTrees;

public sealed class ProcessGraphTests
{
    private const string Svchost = @"C:\Windows\System32\svchost.exe";
    private const string W3wp = @"C:\Windows\System32\inetsrv\w3wp.exe";
    private const string Cmd = @"C:\Windows\System32\cmd.exe";
    private const string Whoami = @"C:\Windows\System32\whoami.exe";
    private const string Explorer = @"C:\Windows\explorer.exe";

    private static string G(int n) => ProcessTreeBuilderTests.G(n);

    /// <summary>Two app pools under one svchost, each with a cmd → whoami chain.</summary>
    private static ProcessLog TwoAppPools()
    {
        var log = new ProcessLog();
        log.Sysmon1(0, 1100, G(2), Svchost, "svchost.exe -k iissvcs", 640, G(1), @"C:\Windows\System32\services.exe")
            .Sysmon1(10, 4684, G(3), W3wp, "w3wp.exe -ap DefaultAppPool", 1100, G(2), Svchost)
            .Sysmon1(11, 5000, G(6), W3wp, "w3wp.exe -ap MSExchangeOWAAppPool", 1100, G(2), Svchost)
            .Sysmon1(30, 2196, G(4), Cmd, "cmd.exe /c whoami", 4684, G(3), W3wp)
            .Sysmon1(31, 2200, G(5), Whoami, "whoami", 2196, G(4), Cmd)
            .Sysmon1(40, 2300, G(7), Cmd, "cmd.exe /c net user", 5000, G(6), W3wp);
        return log;
    }

    [Theory]
    [InlineData("w3wp.exe")]
    [InlineData("W3WP.EXE")]
    [InlineData(@"c:\windows\system32\inetsrv\w3wp.exe")]
    public void Every_process_of_the_root_image_becomes_a_root_with_its_descendants(string root)
    {
        using var log = TwoAppPools();
        var tree = log.Graph().Select(new ProcessSelection { RootImage = root });

        Assert.Equal(2, tree.Matched);
        Assert.Equal(["w3wp.exe -ap DefaultAppPool", "w3wp.exe -ap MSExchangeOWAAppPool"], tree.Roots.Select(r => r.Process.CommandLine));
        var first = tree.Roots[0];
        Assert.Equal("cmd.exe", Assert.Single(first.Children).Process.Name);
        Assert.Equal("whoami.exe", Assert.Single(first.Children[0].Children).Process.Name);
        Assert.Equal(["services.exe", "svchost.exe"], first.Ancestors.Select(a => a.Name));
        Assert.False(first.MoreAncestors);
        Assert.Equal(5, tree.Shown);
        Assert.Equal(0, tree.Hidden);
    }

    [Fact]
    public void A_match_nested_under_another_match_is_shown_inside_it_not_twice()
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 100, G(1), Cmd, "outer", 10, G(9), Explorer)
            .Sysmon1(1, 200, G(2), Cmd, "inner", 100, G(1), Cmd);
        var tree = log.Graph().Select(new ProcessSelection { RootImage = "cmd.exe" });

        var root = Assert.Single(tree.Roots);
        Assert.Equal("outer", root.Process.CommandLine);
        Assert.Equal("inner", Assert.Single(root.Children).Process.CommandLine);
        Assert.Equal(1, tree.Matched);
    }

    [Fact]
    public void Nothing_matching_gives_an_empty_tree_that_still_counts_the_graph()
    {
        using var log = TwoAppPools();
        var tree = log.Graph().Select(new ProcessSelection { RootImage = "nothing.exe" });
        Assert.Empty(tree.Roots);
        Assert.Equal(0, tree.Matched);
        Assert.Equal(7, tree.Processes);
    }

    [Fact]
    public void A_reused_pid_is_picked_by_time_and_without_a_time_every_holder_is_a_root()
    {
        using var log = new ProcessLog();
        log.Security4688(0, 0x100, Cmd, 0x10, Explorer, "first")
            .Security4689(20, 0x100, Cmd)
            .Security4688(30, 0x100, Cmd, 0x10, Explorer, "second")
            .Security4688(35, 0x200, Whoami, 0x100, Cmd, "whoami");
        var graph = log.Graph();

        Assert.Equal(["first", "second"], graph.Select(new ProcessSelection { Pid = 0x100 }).Roots.Select(r => r.Process.CommandLine));
        Assert.Equal("first", Assert.Single(graph.Select(new ProcessSelection { Pid = 0x100, At = ProcessLog.At(10) }).Roots).Process.CommandLine);
        var second = Assert.Single(graph.Select(new ProcessSelection { Pid = 0x100, At = ProcessLog.At(40) }).Roots);
        Assert.Equal("second", second.Process.CommandLine);
        Assert.Equal("whoami", Assert.Single(second.Children).Process.CommandLine);
        Assert.Empty(graph.Select(new ProcessSelection { Pid = 0x100, At = ProcessLog.At(25) }).Roots);
    }

    [Theory]
    [InlineData("2DD6150A-0000-610E-B762-000000000004")]
    [InlineData("{2dd6150a-0000-610e-b762-000000000004}")]
    public void A_guid_selects_one_process_in_any_case_with_or_without_braces(string guid)
    {
        using var log = TwoAppPools();
        var root = Assert.Single(log.Graph().Select(new ProcessSelection { Guid = guid }).Roots);
        Assert.Equal("cmd.exe /c whoami", root.Process.CommandLine);
        Assert.Equal(["services.exe", "svchost.exe", "w3wp.exe"], root.Ancestors.Select(a => a.Name));
    }

    [Fact]
    public void The_depth_limit_cuts_a_chain_and_counts_what_is_below()
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 100, G(100), Cmd, "level 0", 10, G(9), Explorer);
        for (var i = 1; i < 10; i++)
            log.Sysmon1(i, 100 + i, G(100 + i), Cmd, "level " + i.ToString(CultureInfo.InvariantCulture), 100 + i - 1, G(100 + i - 1), Cmd);
        var tree = log.Graph().Select(new ProcessSelection { Pid = 100 }, new ProcessTreeLimits { MaxDepth = 3 });

        var node = Assert.Single(tree.Roots);
        for (var level = 0; level < 3; level++)
        {
            Assert.Equal(0, node.HiddenProcesses);
            node = Assert.Single(node.Children);
        }

        Assert.Equal("level 3", node.Process.CommandLine);
        Assert.Empty(node.Children);
        Assert.Equal(1, node.HiddenChildren);
        Assert.Equal(6, node.HiddenProcesses);
        Assert.Equal(4, tree.Shown);
        Assert.Equal(6, tree.Hidden);
    }

    [Fact]
    public void A_fork_bomb_is_cut_to_the_node_limit_breadth_first_and_counted()
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 100, G(1), Cmd, "bomb", 10, G(9), Explorer);
        for (var i = 0; i < 3000; i++)
        {
            log.Sysmon1(1 + (i * 0.001), 1000 + i, G(1000 + i), Cmd, "child", 100, G(1), Cmd);
            if (i < 5)
                log.Sysmon1(10 + i, 9000 + i, G(9000 + i), Whoami, "grandchild", 1000 + i, G(1000 + i), Cmd);
        }

        var tree = log.Graph().Select(new ProcessSelection { Pid = 100 }, new ProcessTreeLimits { MaxNodes = 50 });

        Assert.Equal(50, tree.Shown);
        var root = Assert.Single(tree.Roots);
        Assert.Equal(49, root.Children.Count);
        Assert.Equal(3000 - 49, root.HiddenChildren);
        // The first 49 children fill the budget, so the grandchildren are cut below them; every process counts once, shown or hidden.
        Assert.Equal(3000 - 49, root.HiddenProcesses);
        Assert.Equal(5, root.Children.Sum(c => c.HiddenProcesses));
        Assert.Equal(1 + 3000 + 5, tree.Shown + tree.Hidden);
    }

    [Fact]
    public void More_roots_than_the_node_limit_are_counted_as_hidden_roots()
    {
        using var log = new ProcessLog();
        for (var i = 0; i < 20; i++)
            log.Sysmon1(i, 100 + i, G(100 + i), Cmd, "cmd", 10, G(9), Explorer);
        var tree = log.Graph().Select(new ProcessSelection { RootImage = "cmd.exe" }, new ProcessTreeLimits { MaxNodes = 5 });

        Assert.Equal(5, tree.Roots.Count);
        Assert.Equal(15, tree.HiddenRoots);
        Assert.Equal(15, tree.Hidden);
        Assert.Equal(20, tree.Matched);
    }

    [Fact]
    public void A_hostile_chain_far_deeper_than_any_stack_builds_and_selects_without_recursion()
    {
        using var log = new ProcessLog();
        const int depth = 20_000;
        for (var i = 0; i < depth; i++)
            log.Sysmon1(i * 0.01, 100 + i, G(100 + i), Cmd, "link", 100 + i - 1, G(100 + i - 1), Cmd);
        var graph = log.Graph();

        Assert.Equal(depth + 1, graph.Nodes.Count);
        var deepest = graph.Select(new ProcessSelection { Pid = 100 + depth - 1 });
        var root = Assert.Single(deepest.Roots);
        Assert.Equal(ProcessTree.MaxAncestors, root.Ancestors.Count);
        Assert.True(root.MoreAncestors);
        var all = graph.Select(ProcessSelection.All, new ProcessTreeLimits { MaxDepth = ProcessTreeLimits.MaxDepthAllowed, MaxNodes = 1000 });
        Assert.Equal(ProcessTreeLimits.MaxDepthAllowed + 1, all.Shown);
        Assert.Equal(depth + 1 - all.Shown, all.Hidden);
    }

    [Theory]
    [InlineData("w3wp.exe", 4L, null, null)]
    [InlineData("w3wp.exe", null, null, "x")]
    [InlineData(null, null, "2021-08-07T00:00:00Z", null)]
    [InlineData("", null, null, null)]
    public void A_selection_naming_more_than_one_kind_of_root_is_refused(string? image, long? pid, string? at, string? guid)
    {
        using var log = TwoAppPools();
        var selection = new ProcessSelection
        {
            RootImage = image,
            Pid = pid,
            At = at is null ? null : DateTime.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            Guid = guid,
        };
        Assert.Throws<ArgumentException>(() => log.Graph().Select(selection));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(ProcessTreeLimits.MaxDepthAllowed + 1, 10)]
    [InlineData(5, 0)]
    [InlineData(5, ProcessTreeLimits.MaxNodesAllowed + 1)]
    public void Limits_outside_what_renderers_take_are_refused(int depth, int nodes)
    {
        using var log = TwoAppPools();
        Assert.Throws<ArgumentOutOfRangeException>(() => log.Graph().Select(ProcessSelection.All, new ProcessTreeLimits { MaxDepth = depth, MaxNodes = nodes }));
    }
}
