using DuckDB.NET.Data;
using Ooda.Core;
using Ooda.Store.Internal;
using Ooda.Testing;

namespace Ooda.Store.Tests;

public sealed class WorkspaceFindingsTests
{
    private static Finding Make(string id, string severity, string host = "ex01", DateTime? at = null) => new()
    {
        Id = id,
        Title = "title " + id,
        Severity = severity,
        Detector = "sigma",
        RuleId = "rule-1",
        Sources = [new FindingSource("proxyshell", "1.0.0", "hunt")],
        Techniques = ["T1190", "T1505.003"],
        Tenant = "acme",
        Host = host,
        Timestamp = at ?? new DateTime(2021, 8, 7, 3, 0, 0, DateTimeKind.Utc),
        Channel = "IIS",
        RecordId = 7,
        Provenance = new Provenance("u_ex.log", new string('a', 64), -1, 12),
        OriginalPath = @"C:\inetpub\wwwroot\x.aspx",
        Details = [new("c-ip", "203.0.113.9"), new("c-ip", "repeated name kept"), new("q", "\"quoted\"\n")],
    };

    [Fact]
    public void Stores_a_finding_once_and_reads_every_field_back()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        var finding = Make("f1", "critical");
        Assert.Equal(new FindingSaveResult(1, 0), workspace.SaveFindings([finding]));
        Assert.Equal(new FindingSaveResult(0, 1), workspace.SaveFindings([finding]));
        var read = Assert.Single(workspace.QueryFindings());
        Assert.Equal(finding with { Techniques = read.Techniques, Details = read.Details, Sources = read.Sources }, read);
        Assert.Equal(finding.Sources, read.Sources);
        Assert.Equal(finding.Techniques, read.Techniques);
        Assert.Equal(finding.Details, read.Details);
    }

    [Fact]
    public void Filters_by_minimum_severity_and_host_most_severe_first()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.SaveFindings([Make("low1", "low"), Make("crit1", "critical", at: new DateTime(2021, 8, 8, 0, 0, 0, DateTimeKind.Utc)), Make("high01", "high"), Make("other", "critical", "ex02")]);
        Assert.Equal(["other", "crit1", "high01"], workspace.QueryFindings(new FindingQuery { MinSeverity = "HIGH" }).Select(f => f.Id));
        Assert.Equal(["crit1", "high01", "low1"], workspace.QueryFindings(new FindingQuery { Host = "EX01" }).Select(f => f.Id));
        Assert.Equal(4, workspace.QueryFindings(new FindingQuery { MinSeverity = "informational" }).Count);
        Assert.Equal("high01", workspace.FindFinding("high01")?.Id);
        Assert.Null(workspace.FindFinding("high0"));
    }

    [Fact]
    public void One_finding_found_by_two_runbooks_is_stored_once_with_both_sources_the_higher_severity_and_every_technique()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        var first = Make("f1", "high");
        var second = first with { Severity = "critical", Techniques = ["T1190", "T1059.001"], Sources = [new FindingSource("owassrf", "2.0.0", "ps-remoting")] };
        Assert.Equal(new FindingSaveResult(1, 0), workspace.SaveFindings([first]));
        Assert.Equal(new FindingSaveResult(0, 1), workspace.SaveFindings([second]));
        Assert.Equal(new FindingSaveResult(0, 1), workspace.SaveFindings([second]));
        var read = Assert.Single(workspace.QueryFindings());
        Assert.Equal([new FindingSource("owassrf", "2.0.0", "ps-remoting"), new FindingSource("proxyshell", "1.0.0", "hunt")], read.Sources);
        Assert.Equal("critical", read.Severity);
        Assert.Equal(["T1190", "T1505.003", "T1059.001"], read.Techniques);
        Assert.Equal("title f1", read.Title);
        Assert.Equal("f1", Assert.Single(workspace.QueryFindings(new FindingQuery { RunbookId = "owassrf" })).Id);
        Assert.Equal("f1", Assert.Single(workspace.QueryFindings(new FindingQuery { RunbookId = "proxyshell" })).Id);
        Assert.Empty(workspace.QueryFindings(new FindingQuery { RunbookId = "hafnium" }));
    }

    [Fact]
    public void A_finding_outside_runbooks_has_no_source_and_a_lower_severity_sighting_changes_nothing()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        var plain = Make("f1", "high") with { Sources = [] };
        workspace.SaveFindings([plain, plain with { Severity = "low", Title = "other title" }]);
        var read = Assert.Single(workspace.QueryFindings());
        Assert.Empty(read.Sources);
        Assert.Equal(("high", "title f1"), (read.Severity, read.Title));
    }

    [Fact]
    public void Upgrading_a_workspace_moves_each_findings_runbook_step_into_its_sources_and_rekeys_step_leads_by_rule()
    {
        using var dir = new TempDirectory();
        var target = Migrations.All.ToList().IndexOf(FindingSourceSchema.Statements);
        Assert.True(target > 0);
        using (var connection = new DuckDBConnection($"Data Source={Path.Combine(dir.Path, Workspace.DatabaseFileName)}"))
        {
            connection.Open();
            void Run(string sql)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }

            Run("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)");
            foreach (var statement in Migrations.All.Take(target).SelectMany(m => m))
                Run(statement);
            Run($"INSERT INTO schema_version VALUES ({target}, now())");
            // Two step findings of one rule (the old per-runbook duplicates), a plain Sigma finding, and two step leads.
            const string Row = "now(), TIMESTAMP '2021-08-07 03:00:00', 'acme', 'EX01', 'high', 'Webshell', 'sigma'";
            const string Tail = "['T1505.003'], 'IIS', NULL, 7, 'u_ex.log', 'aa', NULL, 12, NULL, '[]'";
            Run($"INSERT INTO findings VALUES ('old-a', {Row}, 'proxyshell', '1.0.0', 'webshell', 'rule-1', {Tail})");
            Run($"INSERT INTO findings VALUES ('old-b', {Row}, 'owassrf', NULL, 'webshell', 'rule-1', {Tail})");
            Run($"INSERT INTO findings VALUES ('old-c', {Row}, NULL, NULL, NULL, 'rule-2', {Tail})");
            const string Lead = "'acme', 'EX01', 'Webshell', 'high', 'sigma', 'new', now(), now(), 1, now(), now(), now(), NULL, NULL, NULL, NULL, NULL, NULL, now()";
            Run($"INSERT INTO leads VALUES ('L-0001', 'acme|ex01|runbook:proxyshell#webshell', {Lead})");
            Run($"INSERT INTO leads VALUES ('L-0002', 'acme|ex01|runbook:owassrf#webshell', {Lead})");
            Run("INSERT INTO lead_findings VALUES ('L-0001', 'old-a', now()), ('L-0002', 'old-b', now())");
        }

        using var workspace = Workspace.Open(dir.Path);
        Assert.True(workspace.SchemaVersion > target);
        var findings = workspace.QueryFindings().ToDictionary(f => f.Id);
        Assert.Equal([new FindingSource("proxyshell", "1.0.0", "webshell")], findings["old-a"].Sources);
        Assert.Equal([new FindingSource("owassrf", null, "webshell")], findings["old-b"].Sources);
        Assert.Empty(findings["old-c"].Sources);
        // The first lead takes the rule's key; the second keeps its step key rather than merge two histories.
        Assert.Equal("acme|ex01|sigma:rule-1", workspace.FindLead("L-0001")!.DedupKey);
        Assert.Equal("acme|ex01|runbook:owassrf#webshell", workspace.FindLead("L-0002")!.DedupKey);
    }
}
