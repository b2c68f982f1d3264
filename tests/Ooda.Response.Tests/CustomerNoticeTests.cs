using Ooda.Store;

namespace Ooda.Response.Tests;

public sealed class CustomerNoticeTests
{
    private static string Notice(ResponseMode mode, params StoredAction[] actions) => CustomerNotice.Compose(new NoticeRequest
    {
        CaseId = "C-0001",
        CaseTitle = "Web shell on acme-ex01",
        Tenant = "acme",
        Policy = Actions.Policy(mode),
        Found = ["critical: web shell \u001b[31mshell.aspx\u001b[0m on acme-ex01"],
        Actions = actions,
        ScriptName = "remediation.ps1",
        WrittenAt = Actions.T0,
    });

    [Fact]
    public void Notify_asks_the_customer_to_do_everything_and_says_we_did_nothing()
    {
        var text = Notice(ResponseMode.Notify, Actions.Make(StoredActionStates.Proposed), Actions.Make(StoredActionStates.Proposed, "customer", "disable-account", id: "A-0002", subject: "svc-backup"));
        var ask = text[text.IndexOf("What we ask you to do", StringComparison.Ordinal)..text.IndexOf("What we did", StringComparison.Ordinal)];
        Assert.Contains("A-0001 isolate-host", ask, StringComparison.Ordinal);
        Assert.Contains("A-0002 disable-account svc-backup", ask, StringComparison.Ordinal);
        Assert.Contains("remediation.ps1", ask, StringComparison.Ordinal);
        Assert.Contains("nothing: your response mode is notify", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorize_reports_what_we_did_and_who_or_what_authorised_it()
    {
        var unreachable = new StoredActionEvent(2, Actions.T0, "lee", StoredActionStates.AwaitingApproval, StoredActionStates.Approved, "unreachable", null, "collaborate",
            ["primary: Dana Reyes <dana@acme.example>"], null);
        var text = Notice(ResponseMode.Authorize, Actions.Make(StoredActionStates.Done), Actions.Make(StoredActionStates.Dispatched, id: "A-0002", events: [unreachable]));
        var did = text[text.IndexOf("What we did", StringComparison.Ordinal)..];
        Assert.Contains("A-0001 isolate-host acme-ex01 (critical findings on the host): done", did, StringComparison.Ordinal);
        Assert.Contains("no contact answered (tried primary: Dana Reyes <dana@acme.example>)", did, StringComparison.Ordinal);
    }

    [Fact]
    public void Collaborate_asks_for_approval_of_held_actions()
    {
        var text = Notice(ResponseMode.Collaborate, Actions.Make(StoredActionStates.AwaitingApproval));
        Assert.Contains("approve or refuse A-0001", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_from_evidence_are_shown_not_sent()
    {
        var text = Notice(ResponseMode.Notify, Actions.Make(StoredActionStates.Proposed, subject: "x\u001b]0;pwned\u0007", reason: "a\rb"));
        Assert.DoesNotContain(text, c => char.IsControl(c) && c != '\n');
        Assert.Contains("\\u001B[31m", text, StringComparison.Ordinal);
        Assert.Contains("a\\u000Db", text, StringComparison.Ordinal);
    }
}
