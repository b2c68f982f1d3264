namespace Ooda.Response;

/// <summary>The moves an action may make between states.</summary>
public static class ActionLifecycle
{
    public static bool CanMove(ActionState from, ActionState to) => (from, to) switch
    {
        (ActionState.Proposed, ActionState.AwaitingApproval or ActionState.Approved or ActionState.Rejected or ActionState.Dispatched) => true,
        (ActionState.AwaitingApproval, ActionState.Approved or ActionState.Rejected) => true,
        (ActionState.Approved, ActionState.Dispatched or ActionState.Rejected) => true,
        (ActionState.Dispatched, ActionState.Done or ActionState.Failed) => true,
        (ActionState.Failed, ActionState.Dispatched or ActionState.Rejected) => true,

        // A notify-mode notice leaves a proposal as it is but is recorded as an event.
        (ActionState.Proposed, ActionState.Proposed) => true,
        _ => false,
    };

    public static bool CanApprove(ActionState state) => state is ActionState.Proposed or ActionState.AwaitingApproval;

    public static bool IsFinal(ActionState state) => state is ActionState.Done or ActionState.Rejected;
}
