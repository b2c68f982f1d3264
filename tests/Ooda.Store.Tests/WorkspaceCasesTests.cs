using Ooda.Testing;

namespace Ooda.Store.Tests;

public sealed class WorkspaceCasesTests
{
    private static readonly DateTime _t0 = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    private static NewCase Opening() => new()
    {
        Tenant = "acme",
        Title = "Webshell on ex01",
        Severity = "critical",
        Tags = ["proxyshell", "PROXYSHELL", "wave-2021"],
        Hosts = [new("ex01", "finding abc"), new("EX01", "duplicate")],
        FindingIds = ["f1", "f2", "f1"],
        Evidence =
        [
            new StoredEvidenceItem { Description = "MSExchange Management 1", Host = "ex01", SourcePath = "/c/m.evtx", SourceSha256 = new string('b', 64), RecordId = 42 },
        ],
    };

    [Fact]
    public void Creates_a_case_with_its_scope_findings_and_evidence_and_audits_each_part()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        var c = workspace.CreateCase(Opening(), "dana", _t0);
        Assert.Equal("C-0001", c.Id);
        Assert.Equal(("acme", "new", "amber", "dana"), (c.Tenant, c.Status, c.Tlp, c.OpenedBy));
        Assert.Equal(["proxyshell", "wave-2021"], c.Tags);
        Assert.Equal(["ex01"], c.Hosts.Select(h => h.Host));
        Assert.Equal(["f1", "f2"], c.FindingIds);
        var item = Assert.Single(c.Evidence);
        Assert.Equal((1, 42L, "dana"), (item.Number, item.RecordId!.Value, item.AddedBy));
        Assert.Equal(["case.open", "case.scope.add", "case.link", "case.link", "case.evidence"], workspace.ReadAudit("case/C-0001").Select(e => e.Action));
        Assert.True(workspace.VerifyAudit().IsIntact);
        Assert.Equal("C-0002", workspace.CreateCase(Opening(), "dana", _t0).Id);
    }

    [Theory]
    [InlineData("C-0001")]
    [InlineData("c-0001")]
    [InlineData("1")]
    [InlineData(" 0001 ")]
    [InlineData("C-1")]
    public void Finds_a_case_by_id_or_number(string reference)
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.CreateCase(Opening(), "dana", _t0);
        Assert.Equal("C-0001", workspace.FindCase(reference)?.Id);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("C-")]
    [InlineData("0")]
    [InlineData("'; DROP TABLE cases; --")]
    public void Unknown_or_malformed_references_find_nothing(string reference)
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.CreateCase(Opening(), "dana", _t0);
        Assert.Null(workspace.FindCase(reference));
        Assert.Single(workspace.ListCases());
    }

    [Fact]
    public void Updates_record_each_changed_field_with_old_and_new_value_and_skip_no_op_changes()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.CreateCase(Opening(), "dana", _t0);
        var before = workspace.ReadAudit().Count;
        var c = workspace.UpdateCase("C-0001", new CaseChange { Status = "investigating", Assignee = "lee", AddTags = ["hafnium"], RemoveTags = ["WAVE-2021"], Reason = "triaged" }, "dana", _t0.AddHours(1));
        Assert.Equal(("investigating", "lee"), (c.Status, c.Assignee));
        Assert.Equal(["proxyshell", "hafnium"], c.Tags);
        Assert.Equal(_t0.AddHours(1), c.UpdatedAt);
        var changes = workspace.ReadAudit().Skip(before).ToList();
        Assert.Equal(["case.status", "case.update", "case.update"], changes.Select(e => e.Action));
        Assert.Contains("\"old\":\"new\"", changes[0].Details, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"triaged\"", changes[0].Details, StringComparison.Ordinal);
        workspace.UpdateCase("C-0001", new CaseChange { Assignee = "lee" }, "dana");
        Assert.Equal(before + 3, workspace.ReadAudit().Count);
        Assert.Null(workspace.UpdateCase("C-0001", new CaseChange { Assignee = "" }, "dana").Assignee);
    }

    [Fact]
    public void Scope_notes_links_and_evidence_are_added_once_and_audited()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.CreateCase(Opening(), "dana", _t0);
        workspace.AddCaseHosts("C-0001", [new("dc01", "PsExec from ex01"), new("DC01", "again")], "dana", _t0.AddMinutes(5));
        workspace.LinkFindings("C-0001", ["f2", "f3"], "dana");
        workspace.AddCaseNote("C-0001", "first <b>note</b>", "dana");
        var c = workspace.AddCaseNote("C-0001", "second", "lee");
        Assert.Equal(["ex01", "dc01"], c.Hosts.Select(h => h.Host));
        Assert.Equal(["f1", "f2", "f3"], c.FindingIds.Order(StringComparer.Ordinal));
        Assert.Equal([(1, "first <b>note</b>", "dana"), (2, "second", "lee")], c.Notes.Select(n => (n.Number, n.Text, n.Author)));
        c = workspace.RemoveCaseHost("C-0001", "DC01", "false positive", "dana");
        Assert.Equal(["ex01"], c.Hosts.Select(h => h.Host));
        var actions = workspace.ReadAudit().Select(e => e.Action).ToList();
        Assert.Equal(1, actions.Count(a => a == "case.scope.remove"));
        Assert.Equal(2, actions.Count(a => a == "case.note"));
        Assert.True(workspace.VerifyAudit().IsIntact);
    }

    [Fact]
    public void Changing_a_case_that_does_not_exist_is_refused()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        Assert.Throws<KeyNotFoundException>(() => workspace.AddCaseNote("C-0009", "x", "dana"));
        Assert.Empty(workspace.ReadAudit());
    }

    [Fact]
    public void Lists_cases_by_tenant_and_status_newest_first()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.CreateCase(Opening(), "dana", _t0);
        workspace.CreateCase(Opening() with { Tenant = "birch" }, "dana", _t0.AddMinutes(1));
        workspace.CreateCase(Opening() with { Status = "closed" }, "dana", _t0.AddMinutes(2));
        Assert.Equal(["C-0003", "C-0002", "C-0001"], workspace.ListCases().Select(c => c.Id));
        Assert.Equal(["C-0003", "C-0001"], workspace.ListCases("acme").Select(c => c.Id));
        Assert.Equal(["C-0003"], workspace.ListCases("acme", "closed").Select(c => c.Id));
        Assert.Equal(["C-0001"], workspace.ListCases(status: "new").Where(c => c.Tenant == "acme").Select(c => c.Id));
    }

    [Fact]
    public void Findings_can_be_read_by_the_case_that_links_them()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        Core.Finding Make(string id) => new()
        {
            Id = id,
            Title = id,
            Severity = "high",
            Detector = "sigma",
            Tenant = "acme",
            Host = "ex01",
            Provenance = new Core.Provenance("f", new string('a', 64), -1, 1),
        };
        workspace.SaveFindings([Make("f1"), Make("f2"), Make("f3")]);
        workspace.CreateCase(Opening(), "dana", _t0);
        workspace.CreateCase(Opening() with { FindingIds = ["f3"] }, "dana", _t0);
        Assert.Equal(["f1", "f2"], workspace.QueryFindings(new FindingQuery { CaseId = "C-0001" }).Select(f => f.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["f3"], workspace.QueryFindings(new FindingQuery { CaseId = "C-0002" }).Select(f => f.Id));
        Assert.Empty(workspace.QueryFindings(new FindingQuery { CaseId = "C-0009" }));
    }
}
