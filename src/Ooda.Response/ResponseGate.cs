using Ooda.Store;

namespace Ooda.Response;

/// <summary>
/// The policy that decides, per tenant mode, what may be dispatched and when. Pure: it reads the action and the policy
/// and says what may happen; the caller records it.
/// </summary>
/// <remarks>
/// notify never acts (the customer is told what to do); collaborate acts on the endpoint only after a recorded approval,
/// or when every contact was tried and none answered and the tenant opted in; authorize acts, then notifies. Customer-side
/// steps are always the customer's to run: in collaborate and authorize they are handed over in the script.
/// </remarks>
public static class ResponseGate
{
    /// <summary>The state a newly planned action starts in.</summary>
    public static ActionState InitialState(ResponseMode mode, ActionTarget target) =>
        mode == ResponseMode.Collaborate && target == ActionTarget.Agent ? ActionState.AwaitingApproval : ActionState.Proposed;

    public static GateDecision Decide(ResponsePolicy policy, StoredAction action, ContactAttempt? unreachable = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(action);
        var state = ResponseNames.StateOf(action);
        var target = ResponseNames.TargetOf(action);
        GateDecision Verdict(GateVerdict verdict, string reason) => new(action.Id, verdict, reason);

        if (state is ActionState.Dispatched or ActionState.Done or ActionState.Rejected)
            return Verdict(GateVerdict.Skip, $"already {ResponseNames.Of(state)}");
        if (policy.Mode == ResponseMode.Notify)
            return Verdict(GateVerdict.Recommend, "notify mode: the customer is told what to do; we take no action");
        if (target == ActionTarget.Customer)
            return Verdict(GateVerdict.HandToCustomer, "a customer-side step: handed over in the script");
        if (policy.Mode == ResponseMode.Authorize)
            return Verdict(GateVerdict.Dispatch, "authorize mode: we act, then notify");

        // Collaborate from here on.
        if (WasApproved(action, state))
            return Verdict(GateVerdict.Dispatch, $"collaborate mode: approved by {ApprovalLabel(action)}");
        if (unreachable is null)
            return Verdict(GateVerdict.Hold, "collaborate mode: needs a recorded approval");
        if (!policy.ActIfUnreachable)
            return Verdict(GateVerdict.Hold, "collaborate mode: no contact answered, but the tenant has not opted in to action when unreachable");
        if (policy.Contacts.Count == 0)
            return Verdict(GateVerdict.Hold, "collaborate mode: the tenant names no contacts, so 'no contact answered' cannot be established");
        var labels = policy.ContactLabels();
        var untried = labels.Where(l => !unreachable.Tried.Contains(l, StringComparer.OrdinalIgnoreCase)).ToList();
        if (untried.Count > 0)
            return Verdict(GateVerdict.Hold, $"collaborate mode: not every contact was tried (not yet: {string.Join("; ", untried)})");
        return Verdict(GateVerdict.DispatchUnreachable, $"collaborate mode: all {labels.Count} contacts tried, none answered; the tenant opted in");
    }

    /// <summary>Approved now, or failed after an approval (a retry needs no second one).</summary>
    private static bool WasApproved(StoredAction action, ActionState state) =>
        state == ActionState.Approved
        || (state == ActionState.Failed && action.Events.Any(e => e.To == StoredActionStates.Approved));

    private static string ApprovalLabel(StoredAction action)
    {
        var approval = action.Events.LastOrDefault(e => e.To == StoredActionStates.Approved);
        return approval is null ? "?" : $"{approval.AuthorizedBy ?? approval.Actor} via {approval.Via ?? "?"}";
    }
}
