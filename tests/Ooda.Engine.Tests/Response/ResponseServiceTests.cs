using Ooda.Detection.Runbooks;
using Ooda.Engine.Response;
using Ooda.Response;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Engine.Tests.Response;

public sealed class ResponseServiceTests
{
    private static readonly RunbookLibrary _runbooks = RunbookLibrary.Load([]);

    private static readonly TenantResponseContact[] _contacts = [new("Dana Reyes", "dana@acme.example"), new("Sam Okafor", "+44 20 7946 0000")];

    private static Workspace Prepared(TempDirectory dir, string mode, bool actIfUnreachable = false)
    {
        var workspace = ResponseFixture.Open(dir.Path);
        workspace.SetTenantResponse(new TenantResponse { Tenant = "acme", Mode = mode, ActIfUnreachable = actIfUnreachable, Contacts = _contacts }, "lee", ResponseFixture.T0);
        ResponseService.Plan(workspace, "C-0001", _runbooks, "lee", ResponseFixture.T0);
        return workspace;
    }

    private static DispatchRequest Request(TempDirectory dir, IActionConnector connector, ContactAttempt? unreachable = null) => new()
    {
        Connector = connector,
        ScriptPath = Path.Combine(dir.Path, "out", "remediation.ps1"),
        NoticePath = Path.Combine(dir.Path, "out", "notice.txt"),
        Unreachable = unreachable,
        At = ResponseFixture.T0.AddHours(1),
    };

    private static IEnumerable<StoredAction> Agent(Workspace workspace) => workspace.ListActions("C-0001").Where(a => a.Target == "agent");

    [Fact]
    public async Task Notify_never_dispatches_even_after_an_approval_and_tells_the_customer_what_to_do()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "notify", actIfUnreachable: true);
        ResponseService.Approve(workspace, [Agent(workspace).First().Id], new ActionApproval("phone", "Dana Reyes"), "lee");
        var connector = new RecordingConnector();

        var report = await ResponseService.DispatchAsync(workspace, "C-0001", Request(dir, connector, new ContactAttempt([.. _contacts.Select((c, i) => $"{(i == 0 ? "primary" : "secondary")}: {c.Name} <{c.Channel}>")])), "lee");

        Assert.Empty(connector.Sent);
        Assert.DoesNotContain(workspace.ListActions("C-0001"), a => a.State is StoredActionStates.Dispatched or StoredActionStates.Done);
        Assert.All(report.Outcomes, o => Assert.Contains(o.Verdict, new[] { GateVerdict.Recommend }));
        Assert.Contains("nothing: your response mode is notify", report.Notice, StringComparison.Ordinal);
        Assert.Contains("Move-Item", File.ReadAllText(Path.Combine(dir.Path, "out", "remediation.ps1")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "notice.txt")));
        Assert.Contains(workspace.ListActions("C-0001"), a => a.Events.Any(e => e.Via == "notice"));
    }

    [Fact]
    public async Task Collaborate_dispatches_an_endpoint_action_only_after_its_approval_is_recorded()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "collaborate");
        Assert.All(Agent(workspace), a => Assert.Equal(StoredActionStates.AwaitingApproval, a.State));
        var connector = new RecordingConnector();

        await ResponseService.DispatchAsync(workspace, "C-0001", Request(dir, connector), "lee");
        Assert.Empty(connector.Sent);

        var isolate = Agent(workspace).Single(a => a.Kind == "isolate-host");
        var approved = Assert.Single(ResponseService.Approve(workspace, [isolate.Id], new ActionApproval("Phone", "Dana Reyes", "isolate now"), "lee", ResponseFixture.T0.AddMinutes(30)));
        var approval = approved.Events[^1];
        Assert.Equal(("lee", "phone", "Dana Reyes", "collaborate", "isolate now"), (approval.Actor, approval.Via, approval.AuthorizedBy, approval.Mode, approval.Note));

        var report = await ResponseService.DispatchAsync(workspace, "C-0001", Request(dir, connector), "lee");
        var sent = Assert.Single(connector.Sent);
        Assert.Equal(isolate.Id, sent.ActionId);
        Assert.Equal(StoredActionStates.Done, workspace.FindAction(isolate.Id)!.State);
        Assert.All(Agent(workspace).Where(a => a.Id != isolate.Id), a => Assert.Equal(StoredActionStates.AwaitingApproval, a.State));
        Assert.Contains($"approve or refuse", report.Notice, StringComparison.Ordinal);
        Assert.True(workspace.VerifyAudit().IsIntact);
    }

    [Fact]
    public async Task Collaborate_acts_when_no_contact_answered_only_if_the_tenant_opted_in_and_records_who_was_tried()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "collaborate", actIfUnreachable: false);
        var connector = new RecordingConnector();
        var tried = new ContactAttempt(ResponseService.PolicyFor(workspace, "acme").ContactLabels());

        await ResponseService.DispatchAsync(workspace, "C-0001", Request(dir, connector, tried), "lee");
        Assert.Empty(connector.Sent);

        workspace.SetTenantResponse(workspace.GetTenantResponse("acme")! with { ActIfUnreachable = true }, "lee");
        await ResponseService.DispatchAsync(workspace, "C-0001", Request(dir, connector, tried), "lee");
        Assert.Equal(Agent(workspace).Count(), connector.Sent.Count);
        var action = Agent(workspace).First();
        var approval = action.Events.Single(e => e.To == StoredActionStates.Approved);
        Assert.Equal("unreachable", approval.Via);
        Assert.Equal(tried.Tried, approval.ContactsTried);
    }

    [Fact]
    public async Task Authorize_dispatches_endpoint_actions_hands_customer_steps_over_and_notifies()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "authorize");
        var connector = new RecordingConnector();

        var report = await ResponseService.DispatchAsync(workspace, "C-0001", Request(dir, connector), "lee");

        Assert.Equal(Agent(workspace).Select(a => a.Id), connector.Sent.Select(s => s.ActionId));
        Assert.All(Agent(workspace), a => Assert.Equal(StoredActionStates.Done, a.State));
        Assert.All(workspace.ListActions("C-0001").Where(a => a.Target == "customer"), a => Assert.Equal((StoredActionStates.Dispatched, "script"), (a.State, a.Events[^1].Via)));
        var did = report.Notice[report.Notice.IndexOf("What we did", StringComparison.Ordinal)..];
        Assert.Contains("isolate-host acme-ex01", did, StringComparison.Ordinal);
        Assert.Contains("Disable-ADAccount -Identity 'svc-backup$x'", report.Script, StringComparison.Ordinal);
        Assert.True(workspace.VerifyAudit().IsIntact);
    }

    [Fact]
    public async Task A_failed_dispatch_is_sent_again_under_a_new_dispatch_key_derived_from_the_actions_key()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "authorize");
        var connector = new RecordingConnector(ConnectorOutcome.Failed);
        await ResponseService.DispatchAsync(workspace, "C-0001", Request(dir, connector), "lee");
        Assert.All(Agent(workspace), a => Assert.Equal(StoredActionStates.Failed, a.State));
        connector.Outcome = ConnectorOutcome.Done;
        await ResponseService.DispatchAsync(workspace, "C-0001", Request(dir, connector), "lee");
        Assert.All(Agent(workspace), a => Assert.Equal(StoredActionStates.Done, a.State));
        Assert.All(Agent(workspace), a => Assert.Equal(
            [a.IdempotencyKey + "-d1", a.IdempotencyKey + "-d2"], connector.Sent.Where(s => s.ActionId == a.Id).Select(s => s.IdempotencyKey)));
    }

    [Fact]
    public async Task A_connector_that_throws_fails_its_action_and_the_others_scripts_and_notice_still_go()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "authorize");
        var connector = new DelegateConnector(_ => throw new IOException("disk full"));

        var report = await ResponseService.DispatchAsync(workspace, "C-0001", Request(dir, connector), "lee");

        Assert.Equal(Agent(workspace).Count(), connector.Sent.Count);
        Assert.All(Agent(workspace), a => Assert.Equal(StoredActionStates.Failed, a.State));
        Assert.All(Agent(workspace), a => Assert.Contains("IOException: disk full", a.Events[^1].Note, StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "remediation.ps1")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "notice.txt")));
        Assert.Equal(workspace.ListActions("C-0001").Count, report.Outcomes.Count);
    }

    [Fact]
    public async Task A_dispatched_action_is_completed_by_hand_as_done_or_failed()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "authorize");
        await ResponseService.DispatchAsync(workspace, "C-0001", Request(dir, new RecordingConnector(ConnectorOutcome.Accepted)), "lee");
        var (first, second) = (Agent(workspace).First(), Agent(workspace).Last());
        Assert.Equal(StoredActionStates.Dispatched, first.State);

        var done = ResponseService.Complete(workspace, first.Id, succeeded: true, "agent called back", "lee");
        var failed = ResponseService.Complete(workspace, second.Id, succeeded: false, null, "lee");

        Assert.Equal((StoredActionStates.Done, "report", "agent called back"), (done.State, done.Events[^1].Via, done.Events[^1].Note));
        Assert.Equal(StoredActionStates.Failed, failed.State);
        Assert.Throws<ResponseRuleException>(() => ResponseService.Complete(workspace, first.Id, succeeded: false, null, "lee"));
    }

    [Fact]
    public async Task An_action_someone_else_changes_during_dispatch_keeps_their_change_and_the_rest_go_on()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "authorize");
        var raced = Agent(workspace).First().Id;
        var connector = new DelegateConnector(p =>
        {
            if (p.ActionId == raced)
                ResponseService.Complete(workspace, raced, succeeded: false, "checked by hand meanwhile", "sam");
            return new ConnectorResult(ConnectorOutcome.Done, 200, 1, "ok");
        });

        var report = await ResponseService.DispatchAsync(workspace, "C-0001", Request(dir, connector), "lee");

        var outcome = report.Outcomes.Single(o => o.ActionId == raced);
        Assert.Equal(StoredActionStates.Failed, outcome.State);
        Assert.Contains("changed meanwhile", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(("sam", "checked by hand meanwhile"), (workspace.FindAction(raced)!.Events[^1].Actor, workspace.FindAction(raced)!.Events[^1].Note));
        Assert.All(Agent(workspace).Where(a => a.Id != raced), a => Assert.Equal(StoredActionStates.Done, a.State));
    }

    [Fact]
    public async Task A_failed_action_sent_again_because_no_contact_answered_moves_only_as_the_lifecycle_allows()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "authorize");
        await ResponseService.DispatchAsync(workspace, "C-0001", Request(dir, new RecordingConnector(ConnectorOutcome.Failed)), "lee");
        workspace.SetTenantResponse(workspace.GetTenantResponse("acme")! with { Mode = "collaborate", ActIfUnreachable = true }, "lee");
        var tried = new ContactAttempt(ResponseService.PolicyFor(workspace, "acme").ContactLabels());

        var report = await ResponseService.DispatchAsync(workspace, "C-0001", Request(dir, new RecordingConnector(), tried), "lee");

        Assert.All(Agent(workspace), a => Assert.Equal(StoredActionStates.Done, a.State));
        Assert.All(workspace.ListActions("C-0001").SelectMany(a => a.Events).Where(e => e.From is not null), e =>
            Assert.True(ResponseNames.TryParseState(e.From, out var from) && ResponseNames.TryParseState(e.To, out var to) && ActionLifecycle.CanMove(from, to), $"{e.From} -> {e.To}"));
        var redispatch = Agent(workspace).First().Events.Last(e => e.To == StoredActionStates.Dispatched);
        Assert.Equal(tried.Tried, redispatch.ContactsTried);
        Assert.Contains("acting because no contact answered", report.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_script_is_written_with_a_bom_and_the_notice_is_audited_with_its_hash()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "authorize");
        await ResponseService.DispatchAsync(workspace, "C-0001", Request(dir, new RecordingConnector()), "lee");

        var script = File.ReadAllBytes(Path.Combine(dir.Path, "out", "remediation.ps1"));
        Assert.Equal([0xEF, 0xBB, 0xBF], script[..3]);
        Assert.All(script[3..], b => Assert.True(b < 0x80));
        var notice = Path.Combine(dir.Path, "out", "notice.txt");
        var entry = workspace.ReadAudit("case/C-0001").Last(e => e.Action == "response.notice");
        Assert.Equal("case/C-0001", entry.Subject);
        using var details = System.Text.Json.JsonDocument.Parse(entry.Details);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(notice))), details.RootElement.GetProperty("sha256").GetString());
        Assert.Equal(Path.GetFullPath(notice), details.RootElement.GetProperty("path").GetString());
        Assert.True(workspace.VerifyAudit().IsIntact);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("Mallory")]
    public void A_collaborate_approval_must_name_one_of_the_tenants_contacts(string? by)
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "collaborate");
        var id = Agent(workspace).First().Id;
        Assert.Throws<ResponseRuleException>(() => ResponseService.Approve(workspace, [id], new ActionApproval("phone", by), "lee"));
        Assert.Equal(StoredActionStates.AwaitingApproval, workspace.FindAction(id)!.State);
    }

    [Theory]
    [InlineData("dana reyes")]
    [InlineData("DANA@acme.example")]
    [InlineData("+44 20 7946 0000")]
    public void A_collaborate_approval_names_a_contact_by_name_or_channel(string by)
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "collaborate");
        var approved = Assert.Single(ResponseService.Approve(workspace, [Agent(workspace).First().Id], new ActionApproval("phone", by), "lee"));
        Assert.Equal((StoredActionStates.Approved, by), (approved.State, approved.Events[^1].AuthorizedBy));
    }

    [Fact]
    public void Actions_of_two_tenants_are_not_approved_in_one_call()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "authorize");
        var other = workspace.CreateCase(new NewCase { Tenant = "globex", Title = "other", Severity = "high" }, "lee", ResponseFixture.T0);
        var foreign = Assert.Single(workspace.AddActions([new StoredActionDraft
        {
            CaseId = other.Id,
            Tenant = "globex",
            Kind = "isolate-host",
            Target = "agent",
            Host = "globex-ex01",
            Subject = "globex-ex01",
            Reason = "test",
            State = StoredActionStates.Proposed,
            IdempotencyKey = "globex-1",
            Mode = "notify",
        }], "lee"));
        var ours = Agent(workspace).First().Id;
        var error = Assert.Throws<ResponseRuleException>(() => ResponseService.Approve(workspace, [ours, foreign.Id], new ActionApproval("email", "Dana Reyes"), "lee"));
        Assert.Contains("several tenants", error.Message, StringComparison.Ordinal);
        Assert.Equal(StoredActionStates.Proposed, workspace.FindAction(ours)!.State);
    }

    [Fact]
    public async Task Without_a_connector_endpoint_actions_are_held_not_marked()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "authorize");
        var report = await ResponseService.DispatchAsync(workspace, "C-0001", new DispatchRequest(), "lee");
        Assert.All(Agent(workspace), a => Assert.Equal(StoredActionStates.Proposed, a.State));
        Assert.Contains(report.Outcomes, o => o.Detail!.Contains("no connector", StringComparison.Ordinal));
    }

    [Fact]
    public void Planning_again_adds_nothing_new()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "collaborate");
        var count = workspace.ListActions("C-0001").Count;
        var again = ResponseService.Plan(workspace, "C-0001", _runbooks, "lee");
        Assert.Empty(again.Added);
        Assert.Equal(count, again.Actions.Count);
    }

    [Fact]
    public async Task A_rejected_action_is_never_dispatched()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "authorize");
        var isolate = Agent(workspace).Single(a => a.Kind == "isolate-host");
        var rejected = ResponseService.Reject(workspace, isolate.Id, "the server runs payroll today", "lee", "Dana Reyes");
        Assert.Equal((StoredActionStates.Rejected, "the server runs payroll today"), (rejected.State, rejected.Events[^1].Note));
        var connector = new RecordingConnector();
        await ResponseService.DispatchAsync(workspace, "C-0001", Request(dir, connector), "lee");
        Assert.DoesNotContain(connector.Sent, s => s.ActionId == isolate.Id);
    }

    [Theory]
    [InlineData("carrier pigeon")]
    [InlineData("")]
    public void An_approval_through_an_unknown_channel_is_refused(string via)
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "collaborate");
        Assert.Throws<ResponseRuleException>(() => ResponseService.Approve(workspace, [Agent(workspace).First().Id], new ActionApproval(via, "Dana Reyes"), "lee"));
    }

    [Fact]
    public void Approving_a_finished_action_or_an_unknown_one_is_refused()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "collaborate");
        var first = Agent(workspace).First();
        ResponseService.Reject(workspace, first.Id, "no", "lee");
        Assert.Throws<ResponseRuleException>(() => ResponseService.Approve(workspace, [first.Id], new ActionApproval("email", "Dana Reyes"), "lee"));
        Assert.Throws<ResponseRuleException>(() => ResponseService.Approve(workspace, ["A-9999"], new ActionApproval("email", "Dana Reyes"), "lee"));
    }

    [Fact]
    public void The_inventory_response_mode_applies_when_the_tenant_has_no_setting()
    {
        using var dir = new TempDirectory();
        using var workspace = ResponseFixture.Open(dir.Path, inventoryMode: "authorize");
        var policy = ResponseService.PolicyFor(workspace, "acme");
        Assert.Equal((ResponseMode.Authorize, ResponsePolicy.FromInventory), (policy.Mode, policy.Source));
        var plan = ResponseService.Plan(workspace, "C-0001", _runbooks, "lee");
        Assert.All(plan.Added, a => Assert.Equal("authorize", a.Events[0].Mode));
    }

    [Fact]
    public void Status_shows_what_the_gate_would_do_with_each_action()
    {
        using var dir = new TempDirectory();
        using var workspace = Prepared(dir, "collaborate");
        var status = ResponseService.Status(workspace, "1");
        Assert.Equal(status.Actions.Count, status.Gate.Count);
        Assert.Contains(status.Gate, g => g.Verdict == GateVerdict.Hold);
        Assert.Contains(status.Gate, g => g.Verdict == GateVerdict.HandToCustomer);
    }
}
