using System.Text.Json;

namespace Ooda.EndToEnd.Tests;

/// <summary>The demo's act stage: the case's remediation through the tenant's response mode, the report and the exports.</summary>
public sealed partial class DemoTests
{
    private JsonElement DemoAct => _demo.Summary.RootElement.GetProperty("act");

    [Fact]
    public void The_demo_plans_the_response_dispatches_what_the_customer_approved_and_hands_the_rest_over_in_the_script()
    {
        var act = DemoAct;
        Assert.Equal("collaborate", act.GetProperty("mode").GetString());
        Assert.True(act.GetProperty("approved").GetInt32() > 0);
        var (exit, stdout, stderr) = OodaProcess.Run("respond", "status", "C-0001", "--workspace", _demo.Workspace, "--json");
        Assert.True(exit == 0, stderr);
        var actions = JsonDocument.Parse(stdout).RootElement.GetProperty("actions").EnumerateArray().ToList();
        string Kind(JsonElement a) => a.GetProperty("kind").GetString()!;
        Assert.Contains(actions, a => Kind(a) == "isolate-host" && a.GetProperty("subject").GetString() == "acme-ex01");
        Assert.Contains(actions, a => Kind(a) == "quarantine-file" && a.GetProperty("subject").GetString()!.EndsWith(".aspx", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(actions, a => Kind(a) == "install-update");
        // Collaborate mode: nothing reached the agent without the customer's recorded approval.
        var folder = act.GetProperty("folder").GetString()!;
        var sent = Directory.EnumerateFiles(Path.Combine(folder, "agent-outbox"), "*.json").Count();
        Assert.Equal(act.GetProperty("approved").GetInt32(), sent);
        var script = File.ReadAllText(Path.Combine(folder, "remediation.ps1"));
        Assert.Contains("Remove-MailboxExportRequest", script, StringComparison.Ordinal);
        Assert.Equal(0, OodaProcess.Run("audit", "verify", "--workspace", _demo.Workspace).ExitCode);
        // The lead the case came from left the queue into the case.
        var (leadsExit, leads, leadsErr) = OodaProcess.Run("leads", "--state", "case-opened", "--workspace", _demo.Workspace, "--json");
        Assert.True(leadsExit == 0, leadsErr);
        Assert.Contains(Lines(leads), l => l.GetProperty("case").GetString() == "C-0001" && l.GetProperty("host").GetString() == "acme-ex01");
    }

    [Fact]
    public void The_demo_writes_a_self_contained_report_and_the_exports()
    {
        var folder = DemoAct.GetProperty("folder").GetString()!;
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("C-0001", html, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var stix = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "stix-bundle.json"))).RootElement;
        Assert.Equal("bundle", stix.GetProperty("type").GetString());
        Assert.Contains(stix.GetProperty("objects").EnumerateArray(), o => o.GetProperty("type").GetString() == "indicator");
        var layer = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "attack-navigator-layer.json"))).RootElement;
        Assert.Contains(layer.GetProperty("techniques").EnumerateArray(), t => t.GetProperty("techniqueID").GetString() == "T1505.003");
        Assert.StartsWith("message,datetime,timestamp_desc", File.ReadLines(Path.Combine(folder, "timesketch.csv")).First(), StringComparison.Ordinal);
    }
}
