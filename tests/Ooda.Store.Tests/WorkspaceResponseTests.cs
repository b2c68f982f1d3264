using Ooda.Testing;

namespace Ooda.Store.Tests;

public sealed class WorkspaceResponseTests
{
    private static readonly DateTime _t0 = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    private static Workspace WithCase(TempDirectory dir)
    {
        var workspace = Workspace.Open(dir.Path);
        workspace.CreateCase(new NewCase { Tenant = "acme", Title = "Webshell on ex01", Severity = "critical", FindingIds = ["f1", "f2"] }, "dana", _t0);
        return workspace;
    }

    private static StoredActionDraft Draft(string key, string kind = "quarantine-file", string subject = @"C:\inetpub\wwwroot\aspnet_client\shell.aspx") => new()
    {
        CaseId = "C-0001",
        Tenant = "acme",
        Kind = kind,
        Target = "agent",
        Host = "ex01",
        Subject = subject,
        Parameters = new Dictionary<string, string> { ["path"] = subject, ["sha256"] = new string('a', 64) },
        Reason = "unknown webshell",
        FindingIds = ["f1", "f1", "f2"],
        EvidenceItems = [2, 1],
        State = StoredActionStates.AwaitingApproval,
        IdempotencyKey = key,
        Mode = "collaborate",
    };

    [Fact]
    public void Stores_tenant_settings_with_their_contact_chain_and_audits_the_change()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        Assert.Null(workspace.GetTenantResponse("acme"));
        var settings = new TenantResponse
        {
            Tenant = "acme",
            Mode = "Collaborate",
            ActIfUnreachable = true,
            Contacts = [new("Dana Reyes", "dana@acme.example"), new("Sam Okafor", "+44 20 7946 0000")],
        };
        var stored = workspace.SetTenantResponse(settings, "lee", _t0);
        Assert.Equal(("collaborate", true, "lee", _t0), (stored.Mode, stored.ActIfUnreachable, stored.UpdatedBy, stored.UpdatedAt));
        Assert.Equal(settings.Contacts, stored.Contacts);
        Assert.Equal(stored.Contacts, workspace.GetTenantResponse("ACME")!.Contacts);
        Assert.Equal(stored with { Contacts = [] }, workspace.GetTenantResponse("ACME")! with { Contacts = [] });

        workspace.SetTenantResponse(settings with { Mode = "authorize", Contacts = [] }, "lee", _t0.AddHours(1));
        Assert.Equal("authorize", Assert.Single(workspace.ListTenantResponses()).Mode);
        var audit = workspace.ReadAudit("tenant/acme");
        Assert.Equal(2, audit.Count);
        Assert.Contains("\"old_mode\":\"collaborate\"", audit[1].Details, StringComparison.Ordinal);
        using var details = System.Text.Json.JsonDocument.Parse(audit[0].Details);
        Assert.Equal("primary: Dana Reyes <dana@acme.example>", details.RootElement.GetProperty("contacts")[0].GetString());
        Assert.True(workspace.VerifyAudit().IsIntact);
    }

    [Fact]
    public void A_written_notice_is_audited_on_its_case_with_its_hash_and_path()
    {
        using var dir = new TempDirectory();
        using var workspace = WithCase(dir);
        var sha = new string('C', 64);
        var entry = workspace.RecordNotice("1", "/tmp/out/notice.txt", sha, "lee", _t0);
        Assert.Equal(("response.notice", "case/C-0001", "lee"), (entry.Action, entry.Subject, entry.Actor));
        using var details = System.Text.Json.JsonDocument.Parse(entry.Details);
        Assert.Equal((new string('c', 64), "/tmp/out/notice.txt"), (details.RootElement.GetProperty("sha256").GetString(), details.RootElement.GetProperty("path").GetString()));
        Assert.Equal(entry.Hash, workspace.ReadAudit("case/C-0001")[^1].Hash);
        Assert.True(workspace.VerifyAudit().IsIntact);
    }

    [Theory]
    [InlineData("contain", 0)]
    [InlineData("notify", 4)]
    public void Rejects_an_unknown_mode_or_more_than_three_contacts(string mode, int contacts)
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        var settings = new TenantResponse
        {
            Tenant = "acme",
            Mode = mode,
            Contacts = [.. Enumerable.Range(1, contacts).Select(i => new TenantResponseContact($"c{i}", $"c{i}@acme.example"))],
        };
        Assert.Throws<ArgumentException>(() => workspace.SetTenantResponse(settings, "lee", _t0));
        Assert.Null(workspace.GetTenantResponse("acme"));
        Assert.Empty(workspace.ReadAudit());
    }

    [Fact]
    public void Adds_actions_with_their_proposal_event_and_audit_entry()
    {
        using var dir = new TempDirectory();
        using var workspace = WithCase(dir);
        var added = workspace.AddActions([Draft("k1"), Draft("k2", "block-ip", "203.0.113.7")], "dana", _t0);
        Assert.Equal(["A-0001", "A-0002"], added.Select(a => a.Id));
        var action = workspace.FindAction("a-1")!;
        Assert.Equal(("C-0001", "acme", "quarantine-file", "agent", "ex01"), (action.CaseId, action.Tenant, action.Kind, action.Target, action.Host));
        Assert.Equal(@"C:\inetpub\wwwroot\aspnet_client\shell.aspx", action.Parameters["path"]);
        Assert.Equal(["f1", "f2"], action.FindingIds);
        Assert.Equal([2, 1], action.EvidenceItems);
        Assert.Equal((StoredActionStates.AwaitingApproval, "k1", _t0, "dana"), (action.State, action.IdempotencyKey, action.CreatedAt, action.CreatedBy));
        var proposal = Assert.Single(action.Events);
        Assert.Equal((1, (string?)null, StoredActionStates.AwaitingApproval, "collaborate"), (proposal.Number, proposal.From, proposal.To, proposal.Mode));
        Assert.Equal(["action.propose", "action.propose"], workspace.ReadAudit("case/C-0001/action/").Select(e => e.Action));
        Assert.Equal(2, workspace.ListActions("1").Count);
        Assert.True(workspace.VerifyAudit().IsIntact);
    }

    [Fact]
    public void Adding_the_same_actions_again_adds_nothing_and_audits_nothing()
    {
        using var dir = new TempDirectory();
        using var workspace = WithCase(dir);
        workspace.AddActions([Draft("k1"), Draft("k1")], "dana", _t0);
        var before = workspace.ReadAudit().Count;
        Assert.Empty(workspace.AddActions([Draft("k1")], "dana", _t0.AddMinutes(5)));
        Assert.Single(workspace.ListActions("C-0001"));
        Assert.Equal(before, workspace.ReadAudit().Count);
        Assert.Equal("A-0002", workspace.AddActions([Draft("k3")], "dana", _t0).Single().Id);
    }

    [Fact]
    public void An_action_for_an_unknown_case_is_refused()
    {
        using var dir = new TempDirectory();
        using var workspace = WithCase(dir);
        Assert.Throws<KeyNotFoundException>(() => workspace.AddActions([Draft("k1") with { CaseId = "C-0042" }], "dana", _t0));
        Assert.Empty(workspace.ListActions("C-0001"));
    }

    [Fact]
    public void A_state_change_records_who_when_how_and_the_mode_and_is_audited()
    {
        using var dir = new TempDirectory();
        using var workspace = WithCase(dir);
        workspace.AddActions([Draft("k1")], "dana", _t0);
        var approved = workspace.ChangeActionState("A-0001", new StoredActionChange(StoredActionStates.Approved, StoredActionStates.AwaitingApproval)
        {
            Via = "phone",
            AuthorizedBy = "Dana Reyes (primary)",
            Mode = "collaborate",
            Note = "approved isolating ex01 on the phone",
        }, "lee", _t0.AddMinutes(10));
        Assert.Equal((StoredActionStates.Approved, _t0.AddMinutes(10), "lee"), (approved.State, approved.UpdatedAt, approved.UpdatedBy));
        var change = approved.Events[1];
        Assert.Equal(new StoredActionEvent(2, _t0.AddMinutes(10), "lee", StoredActionStates.AwaitingApproval, StoredActionStates.Approved, "phone",
            "Dana Reyes (primary)", "collaborate", [], "approved isolating ex01 on the phone"), change with { ContactsTried = [] });
        var entry = workspace.ReadAudit("case/C-0001/action/A-0001")[^1];
        Assert.Equal(("action.approved", "lee"), (entry.Action, entry.Actor));
        Assert.Contains("\"via\":\"phone\"", entry.Details, StringComparison.Ordinal);
        Assert.True(workspace.VerifyAudit().IsIntact);
    }

    [Fact]
    public void Contacts_tried_are_kept_with_the_change()
    {
        using var dir = new TempDirectory();
        using var workspace = WithCase(dir);
        workspace.AddActions([Draft("k1")], "dana", _t0);
        var action = workspace.ChangeActionState("A-0001", new StoredActionChange(StoredActionStates.Approved, StoredActionStates.AwaitingApproval)
        {
            Via = "unreachable",
            ContactsTried = ["primary: Dana Reyes <dana@acme.example>", "secondary: Sam <+44 20 7946 0000>"],
        }, "lee", _t0);
        Assert.Equal(2, action.Events[^1].ContactsTried.Count);
        Assert.Contains("contacts_tried", workspace.ReadAudit()[^1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public void A_change_from_a_state_the_action_has_left_fails_and_changes_nothing()
    {
        using var dir = new TempDirectory();
        using var workspace = WithCase(dir);
        workspace.AddActions([Draft("k1")], "dana", _t0);
        var audit = workspace.ReadAudit().Count;
        var error = Assert.Throws<ActionConflictException>(() =>
            workspace.ChangeActionState("A-0001", new StoredActionChange(StoredActionStates.Dispatched, StoredActionStates.Approved), "lee", _t0));
        Assert.Contains("awaiting-approval", error.Message, StringComparison.Ordinal);
        var action = workspace.FindAction("A-0001")!;
        Assert.Equal(StoredActionStates.AwaitingApproval, action.State);
        Assert.Single(action.Events);
        Assert.Equal(audit, workspace.ReadAudit().Count);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("")]
    public void An_unknown_state_is_refused(string state)
    {
        using var dir = new TempDirectory();
        using var workspace = WithCase(dir);
        workspace.AddActions([Draft("k1")], "dana", _t0);
        Assert.Throws<ArgumentException>(() => workspace.ChangeActionState("A-0001", new StoredActionChange(state, StoredActionStates.AwaitingApproval), "lee", _t0));
        Assert.Throws<ArgumentException>(() => workspace.AddActions([Draft("k2") with { State = state }], "lee", _t0));
    }

    [Theory]
    [InlineData("A-0009")]
    [InlineData("x")]
    [InlineData("'; DROP TABLE actions; --")]
    public void Unknown_action_references_find_nothing(string reference)
    {
        using var dir = new TempDirectory();
        using var workspace = WithCase(dir);
        workspace.AddActions([Draft("k1")], "dana", _t0);
        Assert.Null(workspace.FindAction(reference));
        Assert.Throws<KeyNotFoundException>(() =>
            workspace.ChangeActionState(reference, new StoredActionChange(StoredActionStates.Approved, StoredActionStates.AwaitingApproval), "lee", _t0));
    }

    [Theory]
    [InlineData("UPDATE audit_log SET details = replace(details, 'phone', 'portal') WHERE action = 'action.approved'", "content")]
    [InlineData("UPDATE audit_log SET actor = 'mallory' WHERE action = 'action.approved'", "content")]
    [InlineData("DELETE FROM audit_log WHERE action = 'action.approved'", "missing")]
    public void Editing_or_removing_an_action_audit_entry_is_detected(string tamper, string problem)
    {
        using var dir = new TempDirectory();
        using var workspace = ApprovedThenDispatched(dir);
        using (var command = workspace.Command(tamper))
            command.ExecuteNonQuery();
        var result = workspace.VerifyAudit();
        Assert.False(result.IsIntact);
        Assert.Contains(problem, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Swapping_two_action_audit_entries_is_detected()
    {
        using var dir = new TempDirectory();
        using var workspace = ApprovedThenDispatched(dir);
        var entries = workspace.ReadAudit();
        var (approved, dispatched) = (entries[^2], entries[^1]);
        Overwrite(workspace, approved.Sequence, dispatched);
        Overwrite(workspace, dispatched.Sequence, approved);
        var result = workspace.VerifyAudit();
        Assert.Equal(approved.Sequence, result.BrokenAt);
    }

    [Fact]
    public void Renumbering_action_audit_entries_into_another_order_is_detected()
    {
        using var dir = new TempDirectory();
        using var workspace = ApprovedThenDispatched(dir);
        var entries = workspace.ReadAudit();
        var (approved, dispatched) = (entries[^2].Sequence, entries[^1].Sequence);
        using (var command = workspace.Command("UPDATE audit_log SET seq = -1 WHERE seq = $1", approved))
            command.ExecuteNonQuery();
        using (var command = workspace.Command("UPDATE audit_log SET seq = $1 WHERE seq = $2", approved, dispatched))
            command.ExecuteNonQuery();
        using (var command = workspace.Command("UPDATE audit_log SET seq = $1 WHERE seq = -1", dispatched))
            command.ExecuteNonQuery();
        var result = workspace.VerifyAudit();
        Assert.False(result.IsIntact);
        Assert.Equal(approved, result.BrokenAt);
    }

    private static Workspace ApprovedThenDispatched(TempDirectory dir)
    {
        var workspace = WithCase(dir);
        workspace.AddActions([Draft("k1")], "dana", _t0);
        workspace.ChangeActionState("A-0001", new StoredActionChange(StoredActionStates.Approved, StoredActionStates.AwaitingApproval) { Via = "phone" }, "lee", _t0.AddMinutes(1));
        workspace.ChangeActionState("A-0001", new StoredActionChange(StoredActionStates.Dispatched, StoredActionStates.Approved) { Via = "webhook" }, "lee", _t0.AddMinutes(2));
        Assert.True(workspace.VerifyAudit().IsIntact);
        return workspace;
    }

    private static void Overwrite(Workspace workspace, long sequence, AuditEntry with)
    {
        using var command = workspace.Command(
            "UPDATE audit_log SET logged_at = $2, actor = $3, action = $4, subject = $5, details = $6, prev_hash = $7, hash = $8 WHERE seq = $1",
            sequence, with.At, with.Actor, with.Action, with.Subject, with.Details, with.PreviousHash, with.Hash);
        command.ExecuteNonQuery();
    }
}
