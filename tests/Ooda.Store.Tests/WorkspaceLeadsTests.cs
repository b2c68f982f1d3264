using Ooda.Core;
using Ooda.Testing;

namespace Ooda.Store.Tests;

public sealed class WorkspaceLeadsTests
{
    private static readonly DateTime _t0 = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    private static Finding Make(string id, string severity = "high", string host = "ex01", string hunt = "webshell", string tenant = "acme", DateTime? at = null) => new()
    {
        Id = id,
        Title = "Webshell written " + id,
        Severity = severity,
        Detector = "sigma",
        Sources = [new FindingSource("proxyshell", "1.0.0", hunt)],
        RuleId = "rule-" + hunt,
        Tenant = tenant,
        Host = host,
        Timestamp = at ?? new DateTime(2021, 8, 7, 3, 0, 0, DateTimeKind.Utc),
        Provenance = new Provenance("u_ex.log", new string('a', 64), -1, 12),
    };

    [Fact]
    public void Raises_one_lead_per_dedup_key_with_sla_due_times_from_its_severity()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        var result = workspace.RaiseLeads([Make("f1", "critical"), Make("f2", "high"), Make("f3", host: "DC01", hunt: "lsass")], _t0);
        Assert.Equal(["L-0001", "L-0002"], result.Raised);
        var lead = workspace.FindLead("L-0001")!;
        Assert.Equal(("acme", "ex01", "critical", LeadStates.New, 2), (lead.Tenant, lead.Host, lead.Severity, lead.State, lead.Count));
        Assert.Equal(["f1", "f2"], lead.FindingIds);
        Assert.Equal("Webshell written f1", lead.Title);
        Assert.Equal("acme|ex01|sigma:rule-webshell", lead.DedupKey);
        Assert.Equal((_t0, _t0.AddMinutes(15), _t0.AddHours(4)), (lead.RaisedAt, lead.AckDueAt, lead.ResolveDueAt));
        Assert.Equal("acme|dc01|sigma:rule-lsass", workspace.FindLead("2")!.DedupKey);
        Assert.Equal(["lead.raise", "lead.raise"], workspace.ReadAudit("lead/").Select(e => e.Action));
        Assert.True(workspace.VerifyAudit().IsIntact);
    }

    [Fact]
    public void Raising_the_same_findings_again_changes_nothing()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.RaiseLeads([Make("f1"), Make("f2")], _t0);
        var before = workspace.FindLead("L-0001");
        var again = workspace.RaiseLeads([Make("f2"), Make("f1"), Make("f1")], _t0.AddHours(1));
        Assert.Equal(LeadRaiseResult.None.Touched, again.Touched);
        Assert.Equal(before, workspace.FindLead("L-0001"), new LeadComparer());
        Assert.Single(workspace.ListLeads());
        Assert.Single(workspace.ReadAudit("lead/"));
    }

    [Fact]
    public void A_recurring_detection_updates_its_lead_instead_of_raising_a_second()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        var early = new DateTime(2021, 8, 7, 1, 0, 0, DateTimeKind.Utc);
        var late = new DateTime(2021, 8, 9, 1, 0, 0, DateTimeKind.Utc);
        workspace.RaiseLeads([Make("f1")], _t0);
        var result = workspace.RaiseLeads([Make("f2", at: late), Make("f3", host: "EX01", at: early)], _t0.AddHours(2));
        Assert.Equal((0, 1), (result.Raised.Count, result.Updated.Count));
        var lead = Assert.Single(workspace.ListLeads());
        Assert.Equal((3, early, late), (lead.Count, lead.FirstSeen, lead.LastSeen));
        Assert.Equal(["f1", "f2", "f3"], lead.FindingIds);
        Assert.Equal(_t0, lead.RaisedAt);
        Assert.Equal(["lead.raise", "lead.update"], workspace.ReadAudit("lead/L-0001").Select(e => e.Action));
    }

    [Fact]
    public void A_severity_rise_on_an_open_lead_brings_its_due_times_forward_but_never_back()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.RaiseLeads([Make("f1", "low")], _t0);
        workspace.RaiseLeads([Make("f2", "critical")], _t0.AddMinutes(30));
        var lead = workspace.FindLead("1")!;
        Assert.Equal(("critical", _t0.AddMinutes(45), _t0.AddMinutes(30).AddHours(4)), (lead.Severity, lead.AckDueAt, lead.ResolveDueAt));
        workspace.RaiseLeads([Make("f3", "medium")], _t0.AddHours(1));
        Assert.Equal(("critical", _t0.AddMinutes(45)), (workspace.FindLead("1")!.Severity, workspace.FindLead("1")!.AckDueAt));
    }

    [Fact]
    public void A_dismissed_lead_stays_dismissed_on_recurrence_and_reopens_for_a_higher_severity()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.RaiseLeads([Make("f1", "medium")], _t0);
        workspace.DismissLead("L-0001", "admin tooling", "dana", _t0.AddMinutes(5));
        var recur = workspace.RaiseLeads([Make("f2", "medium")], _t0.AddHours(1));
        Assert.Equal(["L-0001"], recur.Updated);
        Assert.Equal((LeadStates.Dismissed, 2), (workspace.FindLead("1")!.State, workspace.FindLead("1")!.Count));

        var reopen = workspace.RaiseLeads([Make("f3", "high")], _t0.AddHours(2));
        Assert.Equal(["L-0001"], reopen.Reopened);
        var lead = workspace.FindLead("1")!;
        Assert.Equal((LeadStates.New, "high", 3, _t0.AddHours(2), _t0.AddHours(3)), (lead.State, lead.Severity, lead.Count, lead.RaisedAt, lead.AckDueAt));
        Assert.Null(lead.DismissReason);
        Assert.Equal(["lead.raise", "lead.dismiss", "lead.update", "lead.reopen"], workspace.ReadAudit("lead/").Select(e => e.Action));
    }

    [Fact]
    public void Acknowledges_a_new_lead_once_and_audits_who_did_it()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.RaiseLeads([Make("f1")], _t0);
        var lead = workspace.AcknowledgeLead("l-1", "dana", _t0.AddMinutes(10));
        Assert.Equal((LeadStates.Acknowledged, "dana", _t0.AddMinutes(10)), (lead.State, lead.AcknowledgedBy, lead.AcknowledgedAt!.Value));
        workspace.AcknowledgeLead("L-0001", "erin", _t0.AddMinutes(20));
        Assert.Equal("dana", workspace.FindLead("1")!.AcknowledgedBy);
        var entry = Assert.Single(workspace.ReadAudit("lead/L-0001"), e => e.Action == "lead.ack");
        Assert.Equal("dana", entry.Actor);
    }

    [Fact]
    public void State_changes_that_skip_the_workflow_are_refused()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.RaiseLeads([Make("f1"), Make("f2", hunt: "other")], _t0);
        workspace.DismissLead("L-0001", "benign", "dana", _t0);
        Assert.Throws<InvalidOperationException>(() => workspace.AcknowledgeLead("L-0001", "dana", _t0));
        var c = workspace.CreateCase(new NewCase { Tenant = "acme", Title = "t", Severity = "high" }, "dana", _t0);
        workspace.LinkLeadToCase("L-0002", c.Id, "dana", _t0);
        Assert.Throws<InvalidOperationException>(() => workspace.DismissLead("L-0002", "benign", "dana", _t0));
        Assert.Throws<KeyNotFoundException>(() => workspace.AcknowledgeLead("L-0009", "dana", _t0));
        Assert.Throws<KeyNotFoundException>(() => workspace.LinkLeadToCase("L-0001", "C-0009", "dana", _t0));
    }

    [Fact]
    public void Linking_a_lead_to_a_case_escalates_it_and_links_its_findings_to_the_case()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.RaiseLeads([Make("f1"), Make("f2")], _t0);
        var c = workspace.CreateCase(new NewCase { Tenant = "acme", Title = "ProxyShell", Severity = "critical" }, "dana", _t0);
        var lead = workspace.LinkLeadToCase("L-0001", "1", "dana", _t0.AddMinutes(3));
        Assert.Equal((LeadStates.CaseOpened, "C-0001", "dana"), (lead.State, lead.CaseId, lead.ClosedBy));
        Assert.Equal(["f1", "f2"], workspace.FindCase(c.Id)!.FindingIds);
        Assert.Equal(lead.Id, Assert.Single(workspace.ListLeads(new LeadQuery { CaseId = "C-0001" })).Id);
        workspace.LinkLeadToCase("L-0001", "C-0001", "dana", _t0.AddMinutes(4));
        Assert.Single(workspace.ReadAudit("lead/L-0001"), e => e.Action == "lead.case");
        Assert.True(workspace.VerifyAudit().IsIntact);
    }

    [Fact]
    public void A_lead_is_never_linked_to_a_case_of_another_tenant()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.RaiseLeads([Make("f1", tenant: "globex")], _t0);
        workspace.CreateCase(new NewCase { Tenant = "acme", Title = "t", Severity = "high" }, "dana", _t0);
        Assert.Throws<InvalidOperationException>(() => workspace.LinkLeadToCase("L-0001", "C-0001", "dana", _t0));
        Assert.Equal(LeadStates.New, workspace.FindLead("1")!.State);
        Assert.Empty(workspace.FindCase("1")!.FindingIds);
    }

    [Fact]
    public void Lists_leads_in_queue_order_and_filters_by_tenant_scope_state_and_severity()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.RaiseLeads(
        [
            Make("a", "low", hunt: "h1"), Make("b", "critical", hunt: "h2"), Make("c", "high", hunt: "h3", tenant: "globex"),
            Make("d", "critical", hunt: "h4"),
        ], _t0);
        workspace.AcknowledgeLead("L-0002", "dana", _t0);
        Assert.Equal(["L-0004", "L-0003", "L-0001", "L-0002"], workspace.ListLeads().Select(l => l.Id));
        Assert.Equal(["L-0003"], workspace.ListLeads(new LeadQuery { Tenant = "globex" }).Select(l => l.Id));
        Assert.Empty(workspace.ListLeads(new LeadQuery { Tenants = [] }));
        Assert.Equal(["L-0003"], workspace.ListLeads(new LeadQuery { Tenants = ["globex", "initech"] }).Select(l => l.Id));
        Assert.Equal(["L-0002"], workspace.ListLeads(new LeadQuery { State = LeadStates.Acknowledged }).Select(l => l.Id));
        Assert.Equal(4, workspace.ListLeads(new LeadQuery { State = "open" }).Count);
        Assert.Equal(["L-0004", "L-0002"], workspace.ListLeads(new LeadQuery { MinSeverity = "critical" }).Select(l => l.Id));
        Assert.Equal(["L-0003", "L-0001"], workspace.ListLeads(new LeadQuery { Limit = 2, Offset = 1 }).Select(l => l.Id));
    }

    [Theory]
    [InlineData("L-0002", "L-0002")]
    [InlineData("l-2", "L-0002")]
    [InlineData(" 2 ", "L-0002")]
    [InlineData("3", null)]
    [InlineData("L-", null)]
    [InlineData("'; DROP TABLE leads; --", null)]
    public void Finds_a_lead_by_id_or_number(string reference, string? expected)
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.RaiseLeads([Make("f1", hunt: "a"), Make("f2", hunt: "b")], _t0);
        Assert.Equal(expected, workspace.FindLead(reference)?.Id);
    }

    [Fact]
    public void Overdue_flags_follow_the_state_and_the_due_times()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.RaiseLeads([Make("f1", "critical")], _t0);
        var lead = workspace.FindLead("1")!;
        Assert.False(lead.IsAckOverdue(_t0.AddMinutes(15)));
        Assert.True(lead.IsAckOverdue(_t0.AddMinutes(16)));
        var acknowledged = workspace.AcknowledgeLead("1", "dana", _t0.AddMinutes(20));
        Assert.False(acknowledged.IsAckOverdue(_t0.AddHours(5)));
        Assert.True(acknowledged.IsResolveOverdue(_t0.AddHours(5)));
        Assert.False(workspace.DismissLead("1", "benign", "dana", _t0.AddHours(6)).IsResolveOverdue(_t0.AddHours(7)));
    }

    [Fact]
    public void A_finding_already_in_a_dismissed_lead_that_comes_back_more_severe_reopens_it_without_counting_twice()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.RaiseLeads([Make("f1", "medium")], _t0);
        workspace.DismissLead("L-0001", "admin tooling", "dana", _t0.AddMinutes(5));
        Assert.Empty(workspace.RaiseLeads([Make("f1", "medium")], _t0.AddHours(1)).Updated);

        // The same finding, now hunted by a runbook that rates it critical.
        var risen = workspace.RaiseLeads([Make("f1", "critical")], _t0.AddHours(2));
        Assert.Equal(["L-0001"], risen.Reopened);
        var lead = workspace.FindLead("1")!;
        Assert.Equal((LeadStates.New, "critical", 1), (lead.State, lead.Severity, lead.Count));
        Assert.Contains("\"risen\":[\"f1\"]", workspace.ReadAudit("lead/").Last().Details, StringComparison.Ordinal);
    }

    [Fact]
    public void Survives_reopening_the_workspace_with_its_numbering_intact()
    {
        using var dir = new TempDirectory();
        using (var workspace = Workspace.Open(dir.Path))
            workspace.RaiseLeads([Make("f1")], _t0);
        using (var workspace = Workspace.Open(dir.Path))
        {
            Assert.Equal(["L-0002"], workspace.RaiseLeads([Make("f2", hunt: "x")], _t0).Raised);
            Assert.Equal(2, workspace.ListLeads().Count);
        }
    }

    /// <summary>Compares leads by value including their finding lists.</summary>
    private sealed class LeadComparer : IEqualityComparer<StoredLead?>
    {
        public bool Equals(StoredLead? x, StoredLead? y) =>
            x is not null && y is not null && (x with { FindingIds = [] }) == (y with { FindingIds = [] }) && x.FindingIds.SequenceEqual(y.FindingIds);

        public int GetHashCode(StoredLead? obj) => obj?.Id.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
