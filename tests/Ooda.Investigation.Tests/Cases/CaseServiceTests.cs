using Ooda.Core;
using Ooda.Investigation.Cases;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Investigation.Tests.Cases;

public sealed class CaseServiceTests
{
    private static readonly DateTime _t0 = new(2021, 8, 7, 3, 36, 21, DateTimeKind.Utc);

    private static Finding Make(string id, string severity, string host, string tenant = "acme", long record = 7) => new()
    {
        Id = id,
        Title = "title " + id,
        Severity = severity,
        Detector = "sigma",
        Tenant = tenant,
        Host = host,
        Timestamp = _t0,
        Channel = "MSExchange Management",
        EventId = 1,
        RecordId = record,
        Provenance = new Provenance("/c/" + host + "/m.jsonl", new string('c', 64), -1, 0),
    };

    private static Workspace Seeded(TempDirectory dir)
    {
        var workspace = Workspace.Open(dir.Path);
        workspace.SaveFindings([
            Make("aaaaaa0001", "high", "ex01"), Make("bbbbbb0002", "critical", "ex01", record: 9), Make("cccccc0003", "medium", "dc01", record: 11),
            Make("dddddd0004", "low", "ex01", record: 12), Make("eeeeee0005", "critical", "ex09", "birch"),
        ]);
        return workspace;
    }

    [Fact]
    public void Opening_from_findings_takes_tenant_title_severity_scope_and_evidence_from_them()
    {
        using var dir = new TempDirectory();
        using var workspace = Seeded(dir);
        var c = CaseService.Open(workspace, new CaseOpening { Findings = ["aaaaaa", "bbbbbb0002"] }, "dana");
        Assert.Equal("acme", c.Tenant);
        Assert.Equal("title bbbbbb0002 on ex01", c.Title);
        Assert.Equal("critical", c.Severity);
        Assert.Equal(["ex01"], c.Hosts.Select(h => h.Host));
        Assert.StartsWith("finding aaaaaa0001", c.Hosts[0].Reason, StringComparison.Ordinal);
        Assert.Equal(["aaaaaa0001", "bbbbbb0002"], c.FindingIds);
        Assert.Equal([7L, 9L], c.Evidence.Select(e => e.RecordId!.Value));
        Assert.All(c.Evidence, e => Assert.Equal(new string('c', 64), e.SourceSha256));
    }

    [Fact]
    public void Findings_of_two_tenants_cannot_share_a_case()
    {
        using var dir = new TempDirectory();
        using var workspace = Seeded(dir);
        var e = Assert.Throws<CaseRuleException>(() => CaseService.Open(workspace, new CaseOpening { Findings = ["aaaaaa0001", "eeeeee0005"] }, "dana"));
        Assert.Contains("one tenant", e.Message, StringComparison.Ordinal);
        Assert.Empty(workspace.ListCases());
    }

    [Theory]
    [InlineData("zzzzzz", "no single finding")]
    [InlineData("aaa", "at least 6 characters")]
    public void Unknown_findings_are_refused(string reference, string message)
    {
        using var dir = new TempDirectory();
        using var workspace = Seeded(dir);
        var e = Assert.Throws<CaseRuleException>(() => CaseService.Open(workspace, new CaseOpening { Findings = [reference] }, "dana"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_without_findings_needs_a_title_and_a_tenant()
    {
        using var dir = new TempDirectory();
        using var workspace = Seeded(dir);
        Assert.Throws<CaseRuleException>(() => CaseService.Open(workspace, new CaseOpening { Title = "hunt" }, "dana"));
        Assert.Throws<CaseRuleException>(() => CaseService.Open(workspace, new CaseOpening { Tenant = "acme" }, "dana"));
        var c = CaseService.Open(workspace, new CaseOpening { Tenant = "acme", Title = "Proactive hunt", Hosts = ["ex01"], Tlp = "TLP:RED" }, "dana");
        Assert.Equal(("medium", "red", 1), (c.Severity, c.Tlp, c.Hosts.Count));
    }

    [Fact]
    public void Linking_brings_new_hosts_and_evidence_and_refuses_other_tenants()
    {
        using var dir = new TempDirectory();
        using var workspace = Seeded(dir);
        var c = CaseService.Open(workspace, new CaseOpening { Findings = ["aaaaaa0001"] }, "dana");
        c = CaseService.Link(workspace, c.Id, ["cccccc0003", "aaaaaa0001"], "dana");
        Assert.Equal(["ex01", "dc01"], c.Hosts.Select(h => h.Host).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(2, c.Evidence.Count);
        Assert.Throws<CaseRuleException>(() => CaseService.Link(workspace, c.Id, ["eeeeee0005"], "dana"));
    }

    [Fact]
    public void Unlinked_findings_on_scope_respect_the_severity_floor()
    {
        using var dir = new TempDirectory();
        using var workspace = Seeded(dir);
        var c = CaseService.Open(workspace, new CaseOpening { Findings = ["aaaaaa0001"] }, "dana");
        Assert.Equal(["bbbbbb0002"], CaseService.UnlinkedOnScope(workspace, c, "medium").Select(f => f.Id));
        Assert.Equal(["bbbbbb0002", "dddddd0004"], CaseService.UnlinkedOnScope(workspace, c, "low").Select(f => f.Id));
    }

    [Fact]
    public void Status_moves_follow_the_life_cycle_and_every_change_is_audited()
    {
        using var dir = new TempDirectory();
        using var workspace = Seeded(dir);
        var c = CaseService.Open(workspace, new CaseOpening { Findings = ["aaaaaa0001"] }, "dana");
        c = CaseService.SetStatus(workspace, c.Id, "Contained", null, "dana");
        Assert.Equal("contained", c.Status);
        Assert.Throws<CaseRuleException>(() => CaseService.SetStatus(workspace, c.Id, "new", "x", "dana"));
        Assert.Throws<CaseRuleException>(() => CaseService.SetStatus(workspace, c.Id, "investigating", null, "dana"));
        c = CaseService.SetStatus(workspace, c.Id, "investigating", "webshell came back", "dana");
        Assert.Equal("investigating", c.Status);
        Assert.Equal(2, workspace.ReadAudit(Workspace.CaseSubject(c.Id)).Count(e => e.Action == "case.status"));
        Assert.True(workspace.VerifyAudit().IsIntact);
    }

    [Fact]
    public void Updates_check_severity_tlp_and_title_before_writing()
    {
        using var dir = new TempDirectory();
        using var workspace = Seeded(dir);
        var c = CaseService.Open(workspace, new CaseOpening { Findings = ["aaaaaa0001"] }, "dana");
        var audited = workspace.ReadAudit().Count;
        Assert.Throws<CaseRuleException>(() => CaseService.Update(workspace, c.Id, new CaseChange { Severity = "urgent" }, "dana"));
        Assert.Throws<CaseRuleException>(() => CaseService.Update(workspace, c.Id, new CaseChange { Tlp = "orange" }, "dana"));
        Assert.Throws<CaseRuleException>(() => CaseService.Update(workspace, c.Id, new CaseChange { Title = " " }, "dana"));
        Assert.Throws<CaseRuleException>(() => CaseService.Update(workspace, c.Id, new CaseChange { Status = "closed" }, "dana"));
        Assert.Equal(audited, workspace.ReadAudit().Count);
        Assert.Equal("amber+strict", CaseService.Update(workspace, c.Id, new CaseChange { Tlp = "TLP:AMBER+STRICT" }, "dana").Tlp);
    }

    [Fact]
    public void Removing_a_host_from_scope_needs_a_reason_and_a_host_in_scope()
    {
        using var dir = new TempDirectory();
        using var workspace = Seeded(dir);
        var c = CaseService.Open(workspace, new CaseOpening { Findings = ["aaaaaa0001"], Hosts = ["dc01"] }, "dana");
        Assert.Throws<CaseRuleException>(() => CaseService.RemoveFromScope(workspace, c.Id, "dc01", "", "dana"));
        Assert.Throws<CaseRuleException>(() => CaseService.RemoveFromScope(workspace, c.Id, "fs01", "typo", "dana"));
        Assert.Equal(["ex01"], CaseService.RemoveFromScope(workspace, c.Id, "DC01", "not involved", "dana").Hosts.Select(h => h.Host));
    }
}
