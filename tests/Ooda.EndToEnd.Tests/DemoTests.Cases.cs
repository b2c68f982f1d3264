using System.Text.Json;
using Ooda.Testing;

namespace Ooda.EndToEnd.Tests;

/// <summary>The demo's case: opened from the web-shell lead, followed to the domain controller, with its timeline, tree and graph.</summary>
public sealed partial class DemoTests
{
    private JsonElement DemoCase => _demo.Summary.RootElement.GetProperty("case");

    [Fact]
    public void The_demo_opens_a_case_from_the_web_shell_lead_and_follows_the_attacker_to_the_domain_controller()
    {
        var c = DemoCase;
        Assert.Equal("C-0001", c.GetProperty("caseId").GetString());
        Assert.Equal("investigating", c.GetProperty("status").GetString());
        Assert.Equal(["acme-ex01", "acme-dc01"], c.GetProperty("scope").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(["acme-dc01"], c.GetProperty("reached").EnumerateArray().Select(h => h.GetString()));
        Assert.True(c.GetProperty("suspiciousEdges").GetInt32() >= 1);
        Assert.True(c.GetProperty("routineEdges").GetInt32() > 0);

        var (exit, stdout, stderr) = OodaProcess.Run("case", "show", "C-0001", "--workspace", _demo.Workspace, "--json");
        Assert.True(exit == 0, stderr);
        var shown = JsonDocument.Parse(stdout).RootElement;
        var findings = shown.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("host").GetString() == "acme-dc01" && Hunts(f).Contains("psexec-service-installed"));
        Assert.All(findings, f => Assert.Equal("acme-logistics", f.GetProperty("tenant").GetString()));
        // Chain of custody: every evidence item names its source file by hash and where in it the record lies.
        Assert.All(shown.GetProperty("evidence").EnumerateArray(), e =>
        {
            Assert.Equal(64, e.GetProperty("sourceSha256").GetString()!.Length);
            Assert.True(e.GetProperty("recordId").ValueKind == JsonValueKind.Number || e.GetProperty("line").ValueKind == JsonValueKind.Number
                || e.GetProperty("sourcePath").GetString()!.Length > 0);
            Assert.Equal("ooda-demo", e.GetProperty("addedBy").GetString());
        });
    }

    [Fact]
    public void The_timeline_around_the_web_shell_shows_the_exploitation_before_it_and_the_follow_up_after_it()
    {
        var lead = DemoCase.GetProperty("lead").GetString()!;
        var (exit, stdout, stderr) = OodaProcess.Run("case", "timeline", "C-0001", "--around", lead, "--before", "15m", "--after", "45m",
            "--format", "jsonl", "--limit", "0", "--workspace", _demo.Workspace);
        Assert.True(exit == 0, stderr);
        var rows = Lines(stdout).Where(r => r.GetProperty("lane").GetString() == "happened").ToList();
        var leadTime = rows.Where(r => r.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("id").GetString() == lead))
            .Select(r => r.GetProperty("timestamp").GetInt64()).Single();
        bool Marked(JsonElement row, string title) => row.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("title").GetString()!.Contains(title, StringComparison.Ordinal));
        var before = rows.Where(r => r.GetProperty("timestamp").GetInt64() < leadTime).ToList();
        var after = rows.Where(r => r.GetProperty("timestamp").GetInt64() > leadTime).ToList();
        Assert.Contains(before, r => Marked(r, "autodiscover SSRF") && r.GetProperty("message").GetString()!.Contains("/powershell", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(after, r => r.GetProperty("source").GetString() == "Sysmon 11" && r.GetProperty("message").GetString()!.Contains(".aspx", StringComparison.Ordinal));
        Assert.Contains(after, r => Marked(r, "POST requests to a script page"));
        Assert.Contains(after, r => Marked(r, "LSASS"));
        Assert.Contains(after, r => r.GetProperty("host").GetString() == "acme-dc01" && r.GetProperty("source").GetString() == "System 7045");
        // Oldest first; every row read from a file names it by hash (a SQL hunt's conclusion over the store has no file).
        Assert.Equal(rows.Select(r => r.GetProperty("timestamp").GetInt64()).Order(), rows.Select(r => r.GetProperty("timestamp").GetInt64()));
        Assert.All(rows.Where(r => r.GetProperty("source").GetString() != "Finding"),
            r => Assert.Equal(64, r.GetProperty("provenance").GetProperty("sha256").GetString()!.Length));
    }

    [Fact]
    public void The_w3wp_process_tree_shows_the_web_shell_command_chains()
    {
        var (exit, stdout, stderr) = OodaProcess.Run("case", "tree", "C-0001", "--host", "acme-ex01", "--root", "w3wp.exe", "--format", "json", "--workspace", _demo.Workspace);
        Assert.True(exit == 0, stderr);
        var tree = JsonDocument.Parse(stdout).RootElement;
        var chains = new List<string>();
        void Walk(JsonElement node, string path)
        {
            var here = path.Length == 0 ? node.GetProperty("name").GetString()! : path + ">" + node.GetProperty("name").GetString();
            chains.Add(here.ToLowerInvariant());
            foreach (var child in node.GetProperty("children").EnumerateArray())
                Walk(child, here);
        }

        foreach (var root in tree.GetProperty("roots").EnumerateArray())
            Walk(root, string.Empty);
        Assert.Contains("w3wp.exe>cmd.exe>whoami.exe", chains);
        Assert.Contains("w3wp.exe>cmd.exe>powershell.exe", chains);
        Assert.Contains("w3wp.exe>cmd.exe>net.exe>net1.exe", chains);
        Assert.Contains("w3wp.exe>cmd.exe>rundll32.exe", chains);
        Assert.Contains("w3wp.exe>cmd.exe>ps.exe", chains);
    }

    [Fact]
    public void The_graph_shows_the_psexec_edge_and_not_the_admins_routine_logons()
    {
        var (exit, stdout, stderr) = OodaProcess.Run("case", "graph", "C-0001", "--format", "json", "--workspace", _demo.Workspace);
        Assert.True(exit == 0, stderr);
        var graph = JsonDocument.Parse(stdout).RootElement;
        var edge = Assert.Single(graph.GetProperty("edges").EnumerateArray());
        Assert.Equal(("acme-ex01", "acme-dc01"), (edge.GetProperty("source").GetString(), edge.GetProperty("target").GetString()));
        Assert.Contains(edge.GetProperty("techniques").EnumerateArray(), t => t.GetProperty("id").GetString() == "T1569.002");

        (exit, stdout, stderr) = OodaProcess.Run("case", "graph", "C-0001", "--all", "--format", "json", "--workspace", _demo.Workspace);
        Assert.True(exit == 0, stderr);
        var all = JsonDocument.Parse(stdout).RootElement.GetProperty("edges").EnumerateArray().ToList();
        Assert.True(all.Count > 1);
        Assert.Single(all, e => e.GetProperty("suspicious").GetBoolean());
    }

    [Fact]
    public void Case_changes_are_audited_and_the_audit_chain_verifies()
    {
        var (exit, stdout, stderr) = OodaProcess.Run("audit", "verify", "--workspace", _demo.Workspace, "--json");
        Assert.True(exit == 0, stderr + stdout);
        Assert.True(JsonDocument.Parse(stdout).RootElement.GetProperty("intact").GetBoolean());
        (exit, stdout, stderr) = OodaProcess.Run("audit", "list", "--subject", "case/C-0001", "--workspace", _demo.Workspace, "--json");
        Assert.True(exit == 0, stderr);
        var actions = Lines(stdout).Select(e => e.GetProperty("action").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "case.open", "case.link", "case.scope.add", "case.evidence", "case.status" }, actions);
    }

    [Fact]
    public void Case_commands_refuse_bad_input_with_exit_code_2()
    {
        Assert.Equal(2, OodaProcess.Run("case", "show", "C-0999", "--workspace", _demo.Workspace).ExitCode);
        Assert.Equal(2, OodaProcess.Run("case", "open", "--from-finding", "zzzzzzzz", "--workspace", _demo.Workspace).ExitCode);
        Assert.Equal(2, OodaProcess.Run("case", "status", "C-0001", "new", "--workspace", _demo.Workspace).ExitCode);
        Assert.Equal(2, OodaProcess.Run("case", "scope", "C-0001", "--remove", "acme-dc01", "--workspace", _demo.Workspace).ExitCode);
    }

    [Fact]
    public void A_runbook_learns_from_the_case()
    {
        using var team = new TempDirectory();
        var (exit, stdout, stderr) = OodaProcess.Run("runbook", "learn", "proxyshell", "--from", "C-0001", "--out", team.Path, "--workspace", _demo.Workspace);
        Assert.True(exit == 0, stderr);
        var written = Assert.Single(Directory.GetFiles(team.Path, "proxyshell@*.yml"));
        Assert.Contains("case C-0001", File.ReadAllText(written), StringComparison.Ordinal);
    }
}
