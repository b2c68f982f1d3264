namespace Ooda.Response;

/// <summary>An action's life: proposed → awaiting approval → approved → dispatched → done | failed, and rejected.</summary>
public enum ActionState
{
    Proposed,
    AwaitingApproval,
    Approved,
    Dispatched,
    Done,
    Failed,
    Rejected,
}
