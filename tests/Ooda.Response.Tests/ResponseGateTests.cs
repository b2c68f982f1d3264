using Ooda.Store;

namespace Ooda.Response.Tests;

public sealed class ResponseGateTests
{
    public static TheoryData<string, string> EveryStateAndTarget()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in StoredActionStates.All)
        {
            data.Add(state, "agent");
            data.Add(state, "customer");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndTarget))]
    public void Notify_never_dispatches_whatever_the_state_approvals_or_unreachable_contacts(string state, string target)
    {
        var policy = Actions.Policy(ResponseMode.Notify, actIfUnreachable: true);
        var approved = new StoredActionEvent(2, Actions.T0, "lee", StoredActionStates.AwaitingApproval, StoredActionStates.Approved, "phone", "Dana Reyes", "notify", [], null);
        var action = Actions.Make(state, target, events: [approved]);
        var decision = ResponseGate.Decide(policy, action, new ContactAttempt(policy.ContactLabels()));
        Assert.False(decision.Acts);
        Assert.Contains(decision.Verdict, new[] { GateVerdict.Recommend, GateVerdict.Skip });
    }

    [Theory]
    [InlineData(StoredActionStates.Proposed)]
    [InlineData(StoredActionStates.AwaitingApproval)]
    public void Collaborate_holds_an_endpoint_action_without_a_recorded_approval(string state)
    {
        var decision = ResponseGate.Decide(Actions.Policy(ResponseMode.Collaborate, actIfUnreachable: true), Actions.Make(state));
        Assert.Equal(GateVerdict.Hold, decision.Verdict);
        Assert.Contains("approval", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Collaborate_dispatches_an_approved_action_and_names_who_approved_it_and_how()
    {
        var approval = new StoredActionEvent(2, Actions.T0, "lee", StoredActionStates.AwaitingApproval, StoredActionStates.Approved, "phone", "Dana Reyes", "collaborate", [], null);
        var decision = ResponseGate.Decide(Actions.Policy(ResponseMode.Collaborate), Actions.Make(StoredActionStates.Approved, events: [approval]));
        Assert.Equal(GateVerdict.Dispatch, decision.Verdict);
        Assert.Contains("Dana Reyes via phone", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Collaborate_acts_when_no_contact_answered_only_if_the_tenant_opted_in_and_every_contact_was_tried()
    {
        var action = Actions.Make(StoredActionStates.AwaitingApproval);
        var optedIn = Actions.Policy(ResponseMode.Collaborate, actIfUnreachable: true);
        var all = new ContactAttempt(optedIn.ContactLabels());
        Assert.Equal(GateVerdict.DispatchUnreachable, ResponseGate.Decide(optedIn, action, all).Verdict);

        var notOptedIn = ResponseGate.Decide(Actions.Policy(ResponseMode.Collaborate, actIfUnreachable: false), action, all);
        Assert.Equal(GateVerdict.Hold, notOptedIn.Verdict);
        Assert.Contains("not opted in", notOptedIn.Reason, StringComparison.Ordinal);

        var partly = ResponseGate.Decide(optedIn, action, new ContactAttempt([optedIn.ContactLabels()[0]]));
        Assert.Equal(GateVerdict.Hold, partly.Verdict);
        Assert.Contains("Sam Okafor", partly.Reason, StringComparison.Ordinal);

        var nobody = ResponseGate.Decide(Actions.Policy(ResponseMode.Collaborate, actIfUnreachable: true, contacts: 0), action, new ContactAttempt([]));
        Assert.Equal(GateVerdict.Hold, nobody.Verdict);
    }

    [Theory]
    [InlineData(StoredActionStates.Proposed)]
    [InlineData(StoredActionStates.AwaitingApproval)]
    [InlineData(StoredActionStates.Approved)]
    [InlineData(StoredActionStates.Failed)]
    public void Authorize_dispatches_without_waiting_for_approval(string state)
    {
        var decision = ResponseGate.Decide(Actions.Policy(ResponseMode.Authorize), Actions.Make(state));
        Assert.Equal(GateVerdict.Dispatch, decision.Verdict);
        Assert.True(decision.Acts);
    }

    [Theory]
    [InlineData(ResponseMode.Collaborate)]
    [InlineData(ResponseMode.Authorize)]
    public void Customer_steps_are_handed_over_in_the_script_never_sent_to_the_agent(ResponseMode mode)
    {
        var decision = ResponseGate.Decide(Actions.Policy(mode), Actions.Make(StoredActionStates.Proposed, "customer", "disable-account"));
        Assert.Equal(GateVerdict.HandToCustomer, decision.Verdict);
        Assert.False(decision.Acts);
    }

    [Theory]
    [InlineData(StoredActionStates.Dispatched)]
    [InlineData(StoredActionStates.Done)]
    [InlineData(StoredActionStates.Rejected)]
    public void Dispatched_finished_and_rejected_actions_are_left_alone_in_every_mode(string state)
    {
        foreach (var mode in Enum.GetValues<ResponseMode>())
            Assert.Equal(GateVerdict.Skip, ResponseGate.Decide(Actions.Policy(mode), Actions.Make(state)).Verdict);
    }

    [Fact]
    public void A_failed_action_is_retried_in_collaborate_only_if_it_was_approved_before()
    {
        var policy = Actions.Policy(ResponseMode.Collaborate);
        Assert.Equal(GateVerdict.Hold, ResponseGate.Decide(policy, Actions.Make(StoredActionStates.Failed)).Verdict);
        var approval = new StoredActionEvent(2, Actions.T0, "lee", StoredActionStates.AwaitingApproval, StoredActionStates.Approved, "email", null, "collaborate", [], null);
        Assert.Equal(GateVerdict.Dispatch, ResponseGate.Decide(policy, Actions.Make(StoredActionStates.Failed, events: [approval])).Verdict);
    }

    [Theory]
    [InlineData(ResponseMode.Notify, ActionTarget.Agent, ActionState.Proposed)]
    [InlineData(ResponseMode.Collaborate, ActionTarget.Agent, ActionState.AwaitingApproval)]
    [InlineData(ResponseMode.Collaborate, ActionTarget.Customer, ActionState.Proposed)]
    [InlineData(ResponseMode.Authorize, ActionTarget.Agent, ActionState.Proposed)]
    public void New_actions_start_awaiting_approval_only_where_approval_is_needed(ResponseMode mode, ActionTarget target, ActionState expected) =>
        Assert.Equal(expected, ResponseGate.InitialState(mode, target));
}
