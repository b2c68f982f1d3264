using System.Text.Json;
using Ooda.Testing;

namespace Ooda.EndToEnd.Tests;

/// <summary>The built-in ProxyShell runbook over the demo: the intrusion is found, its benign look-alikes are not, and the runbook learns.</summary>
public sealed partial class DemoTests
{
    // The runbook hunt steps that found a finding (one finding can come from several runbooks).
    private static List<string?> Hunts(JsonElement finding) => [.. finding.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("hunt").GetString())];

    private static List<string?> RunbooksOf(JsonElement finding) => [.. finding.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("runbook").GetString())];

    private static List<JsonElement> Lines(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    [Fact]
    public void The_proxyshell_runbook_finds_every_stage_of_the_intrusion_on_the_victim()
    {
        var (exit, stdout, stderr) = OodaProcess.Run("hunt", "--store", "--runbook", "proxyshell", "--workspace", _demo.Workspace, "--json");
        Assert.True(exit == 0, stderr);
        var findings = Lines(stdout);
        var hunts = findings.SelectMany(Hunts).ToHashSet();
        string[] stages =
        [
            "webshell-files", "known-iocs",
            "autodiscover-ssrf-success", "import-export-role-granted", "mailbox-export-to-web-folder", "mailbox-export-removed",
            "exchange-writes-script-page", "w3wp-spawns-shell", "webshell-posts", "exploit-source-reaches-webshell",
            "lsass-minidump-comsvcs", "local-account-created", "added-to-administrators", "tool-from-temp-to-smb",
            "psexec-service-installed", "encoded-powershell-from-shell", "lsass-in-script-block",
        ];
        Assert.All(stages, s => Assert.Contains(s, hunts));
        // The victim, and the domain controller it reached with PsExec.
        Assert.All(findings.Where(f => f.GetProperty("severity").GetString() is "critical" or "high"),
            f => Assert.Contains(f.GetProperty("host").GetString(), new[] { "acme-ex01", "acme-dc01" }));
        Assert.Contains(findings, f => f.GetProperty("host").GetString() == "acme-dc01" && Hunts(f).Contains("psexec-service-installed"));
        Assert.All(findings, f => Assert.Equal(["proxyshell"], RunbooksOf(f)));
        Assert.All(findings, f => Assert.NotEmpty(f.GetProperty("techniques").EnumerateArray()));
        Assert.DoesNotContain("not run:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_proxyshell_runbook_leaves_the_benign_look_alikes_alone()
    {
        var (_, stdout, _) = OodaProcess.Run("hunt", "--store", "--runbook", "proxyshell", "--workspace", _demo.Workspace, "--json");
        var text = string.Join('\n', Lines(stdout).Select(f => f.GetRawText()));
        Assert.DoesNotContain("pst$", text, StringComparison.Ordinal);
        Assert.DoesNotContain("csc.exe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Outlook-iOS", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Outlook-Android", text, StringComparison.Ordinal);
        // The mass scanner's failed SSRF probes against a patched server are attempts and indicator leads, not compromise.
        var elsewhere = Lines(stdout).Where(f => f.GetProperty("host").GetString() is not ("acme-ex01" or "acme-dc01")).ToList();
        Assert.All(elsewhere, f => Assert.All(Hunts(f), h => Assert.Contains(h, new[] { "autodiscover-ssrf-attempt", "known-iocs" })));
        Assert.All(elsewhere, f => Assert.Equal("medium", f.GetProperty("severity").GetString()));
    }

    [Fact]
    public void Hunting_again_stores_no_duplicate_findings()
    {
        OodaProcess.Run("hunt", "--store", "--runbook", "proxyshell", "--workspace", _demo.Workspace);
        var (exit, stdout, stderr) = OodaProcess.Run("hunt", "--store", "--runbook", "proxyshell", "--workspace", _demo.Workspace);
        Assert.True(exit == 0, stderr);
        Assert.Contains("workspace:0newfindings", string.Concat(stdout.Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal);
    }

    [Fact]
    public void Hunting_files_in_place_says_which_hunts_need_the_store()
    {
        var (exit, stdout, stderr) = OodaProcess.Run("hunt", Path.Combine(_demo.Output, "collection", "acme-logistics"), "--runbook", "proxyshell", "--json");
        Assert.True(exit == 0, stderr);
        Assert.Contains(Lines(stdout), f => Hunts(f).Contains("mailbox-export-to-web-folder"));
        // The terminal renderer wraps long lines; compare without whitespace.
        Assert.Contains("notrun:proxyshell@1.0.0/webshell-posts:SQLhuntsrunovertheworkspacestore", string.Concat(stderr.Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_runbook_learns_the_attacker_address_from_the_case_and_diffs_against_its_first_version()
    {
        using var team = new TempDirectory();
        var findings = Path.Combine(team.Path, "findings.jsonl");
        var (_, stdout, _) = OodaProcess.Run("hunt", "--store", "--runbook", "proxyshell", "--workspace", _demo.Workspace, "--json");
        File.WriteAllText(findings, stdout);
        var folder = Path.Combine(team.Path, "runbooks");
        var learn = OodaProcess.Run("runbook", "learn", "proxyshell", "--from", findings, "--runbooks", folder);
        Assert.True(learn.ExitCode == 0, learn.Stderr);
        Assert.True(File.Exists(Path.Combine(folder, "proxyshell@1.1.0.yml")));
        // The address that posted to the webshell, read from the raw IIS log rather than from any finding.
        var sql = OodaProcess.Run("sql", "--workspace", _demo.Workspace, "--json",
            "SELECT DISTINCT field(fields, 'c-ip') AS ip FROM events WHERE source_kind = 'iis-w3c' AND field(fields, 'cs-method') = 'POST' AND field(fields, 'cs-uri-stem') LIKE '/aspnet_client/%'");
        var attacker = Assert.Single(Lines(sql.Stdout)).GetProperty("ip").GetString()!;
        var diff = OodaProcess.Run("runbook", "diff", "proxyshell@1.0.0", "proxyshell@1.1.0", "--runbooks", folder, "--json");
        Assert.True(diff.ExitCode == 0, diff.Stderr);
        Assert.Contains(Lines(diff.Stdout), d => d.GetProperty("section").GetString() == "iocs" && d.GetProperty("item").GetString() == "ip " + attacker);
        Assert.Equal(0, OodaProcess.Run("runbook", "validate", "--runbooks", folder).ExitCode);
        // A second lesson from the same findings has nothing new, and never overwrites a version.
        var again = OodaProcess.Run("runbook", "learn", "proxyshell", "--from", findings, "--runbooks", folder);
        Assert.Contains("nothing new", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_per_tenant_allow_list_silences_a_runbook_hunt_for_that_tenant_only()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "birch-scanner.yml"), """
            title: birch-health accepts its external scanner's SSRF probes
            logsource: { category: webserver }
            ooda-tenants: [birch-health, acme-logistics]
            filter:
              rules: [proxyshell/autodiscover-ssrf-attempt]
              selection:
                cs-uri-stem|contains: autodiscover
              condition: selection
            """);
        var (exit, stdout, stderr) = OodaProcess.Run("hunt", "--store", "--runbook", "proxyshell", "--filters", folder.Path, "--workspace", _demo.Workspace, "--json");
        Assert.True(exit == 0, stderr);
        var findings = Lines(stdout);
        Assert.DoesNotContain(findings, f => Hunts(f).Contains("autodiscover-ssrf-attempt"));
        // The filter names one hunt: the successful exploitation on the same tenant is still reported.
        Assert.Contains(findings, f => Hunts(f).Contains("autodiscover-ssrf-success"));
    }

    [Fact]
    public void The_demo_runs_every_built_in_runbook_and_leads_with_the_intrusion()
    {
        var root = _demo.Summary.RootElement;
        var leads = root.GetProperty("leads").EnumerateArray().ToList();
        Assert.NotEmpty(leads);
        Assert.Equal("critical", leads[0].GetProperty("severity").GetString());
        Assert.All(leads.Where(l => l.GetProperty("severity").GetString() is "critical" or "high"),
            l => Assert.Contains(l.GetProperty("host").GetString(), new[] { "acme-ex01", "acme-dc01" }));
        Assert.DoesNotContain(leads, l => l.GetProperty("tenant").GetString() == "cobalt-legal" && l.GetProperty("severity").GetString() != "medium");
        Assert.True(root.GetProperty("findings").GetProperty("critical").GetInt32() > 0);
        // Other tests of this class hunt the same workspace; runbook findings they store carry the demo's ids (ids come from
        // detector and evidence, not the run), so the runbook findings stored are exactly the demo's. IOC-list ones have no runbook.
        var stored = OodaProcess.Run("sql", "--workspace", _demo.Workspace, "--json", "SELECT count(DISTINCT finding_id) AS n FROM finding_sources");
        Assert.Equal(root.GetProperty("findings").GetProperty("total").GetInt32(), Lines(stored.Stdout)[0].GetProperty("n").GetInt32());
    }

    [Fact]
    public void An_imported_ioc_list_finds_the_attacker_and_reports_its_bad_entries()
    {
        using var folder = new TempDirectory();
        var sql = OodaProcess.Run("sql", "--workspace", _demo.Workspace, "--json",
            "SELECT DISTINCT field(fields, 'c-ip') AS ip FROM events WHERE source_kind = 'iis-w3c' AND field(fields, 'cs-method') = 'POST' AND field(fields, 'cs-uri-stem') LIKE '/aspnet_client/%'");
        var attacker = Assert.Single(Lines(sql.Stdout)).GetProperty("ip").GetString()!;
        var list = Path.Combine(folder.Path, "shared-intel.csv");
        File.WriteAllText(list, $"type,value,comment\nip,{attacker},from a partner's report\nsha256,not-a-hash,broken entry\n");
        var (exit, stdout, stderr) = OodaProcess.Run("hunt", "--store", "--iocs", list, "--workspace", _demo.Workspace, "--json");
        Assert.True(exit == 0, stderr);
        var findings = Lines(stdout);
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("ioc", f.GetProperty("detector").GetString()));
        Assert.All(findings, f => Assert.Empty(f.GetProperty("sources").EnumerateArray()));
        Assert.All(findings, f => Assert.Equal("acme-ex01", f.GetProperty("host").GetString()));
        Assert.Contains("1 rejected", stderr, StringComparison.Ordinal);
    }
}
