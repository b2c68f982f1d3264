using Ooda.Testing;

namespace Ooda.Store.Tests;

/// <summary>The triage partial of <see cref="Workspace"/>: runs and their ranked hosts.</summary>
public sealed class WorkspaceTriageTests
{
    private static readonly DateTime _at = new(2021, 8, 9, 10, 0, 0, DateTimeKind.Utc);

    private static StoredTriageHost Host(string host, string priority, bool? exposed, params string[] cves) =>
        new(0, "acme", host, host + ".acme.example", "192.0.2.10", "15.2.858.5", cves.Length > 0 ? "vulnerable" : "patched",
            cves, exposed, priority, ["reason one for " + host, "443/tcp open"], "notify");

    [Fact]
    public void A_new_workspace_has_no_triage()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        Assert.Null(workspace.LatestTriage());
    }

    [Fact]
    public void Stores_a_run_and_reads_its_hosts_back_in_rank_order_with_lists_and_null_exposure()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        var run = workspace.SaveTriage("/data/inv.csv", ["/data/a.xml", "/data/b.xml"],
            [Host("ex01", "critical", true, "CVE-2021-34473", "CVE-2021-34523"), Host("ex02", "medium", null), Host("dc01", "none", false)], diagnostics: 2, _at);

        var stored = workspace.LatestTriage();
        Assert.NotNull(stored);
        Assert.Equal(run.RunId, stored.Run.RunId);
        Assert.Equal(("/data/inv.csv", 3, 2, _at), (stored.Run.InventoryPath, stored.Run.Hosts, stored.Run.Diagnostics, stored.Run.TriagedAt));
        Assert.Equal(["/data/a.xml", "/data/b.xml"], stored.Run.ScanPaths);
        Assert.Equal([1, 2, 3], stored.Hosts.Select(h => h.Rank));
        Assert.Equal(["ex01", "ex02", "dc01"], stored.Hosts.Select(h => h.Host));
        var first = stored.Hosts[0];
        Assert.Equal(["CVE-2021-34473", "CVE-2021-34523"], first.VulnerableTo);
        Assert.Equal(["reason one for ex01", "443/tcp open"], first.Reasons);
        Assert.Equal((true, "critical", "notify", "192.0.2.10"), (first.InternetExposed443, first.Priority, first.ResponseMode, first.PublicIp));
        Assert.Null(stored.Hosts[1].InternetExposed443);
        Assert.False(stored.Hosts[2].InternetExposed443);
        Assert.Empty(stored.Hosts[1].VulnerableTo);
    }

    [Fact]
    public void The_latest_run_wins_and_earlier_runs_are_kept()
    {
        using var dir = new TempDirectory();
        using (var workspace = Workspace.Open(dir.Path))
        {
            workspace.SaveTriage("/data/old.csv", [], [Host("ex01", "critical", true, "CVE-2021-34473")], 0, _at);
            workspace.SaveTriage("/data/new.csv", [], [Host("ex01", "none", false), Host("ex02", "low", true)], 0, _at.AddDays(1));
        }

        using (var reopened = Workspace.Open(dir.Path))
        {
            var latest = reopened.LatestTriage()!;
            Assert.Equal("/data/new.csv", latest.Run.InventoryPath);
            Assert.Equal(2, latest.Hosts.Count);
        }

        long runs = 0;
        WorkspaceSql.Query(dir.Path, "SELECT count(*) FROM triage_hosts", _ => { }, row => runs = Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, runs);
    }

    [Fact]
    public void Triage_tables_answer_read_only_sql_with_list_columns()
    {
        using var dir = new TempDirectory();
        using (var workspace = Workspace.Open(dir.Path))
            workspace.SaveTriage("/data/inv.csv", ["/data/a.xml"], [Host("ex01", "critical", true, "CVE-2021-34473")], 0, _at);

        var rows = new List<object?[]>();
        WorkspaceSql.Query(dir.Path, "SELECT host, len(vulnerable_to), vulnerable_to[1], internet_exposed_443 FROM triage_hosts WHERE list_contains(vulnerable_to, 'CVE-2021-34473')",
            _ => { }, rows.Add);
        var row = Assert.Single(rows);
        Assert.Equal("ex01", row[0]);
        Assert.Equal(1L, Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("CVE-2021-34473", (object)true), (row[2], row[3]!));
    }

    [Fact]
    public void An_empty_run_is_stored_and_read_back_without_hosts()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.SaveTriage("/data/empty.csv", [], [], diagnostics: 1, _at);
        var latest = workspace.LatestTriage()!;
        Assert.Empty(latest.Hosts);
        Assert.Equal((0, 1), (latest.Run.Hosts, latest.Run.Diagnostics));
    }
}
