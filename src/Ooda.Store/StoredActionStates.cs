namespace Ooda.Store;

/// <summary>
/// The states of a remediation action as stored: proposed → awaiting-approval → approved → dispatched → done | failed,
/// and rejected. Which moves are allowed is the response gate's business, not the store's.
/// </summary>
public static class StoredActionStates
{
    public const string Proposed = "proposed";

    public const string AwaitingApproval = "awaiting-approval";

    public const string Approved = "approved";

    public const string Dispatched = "dispatched";

    public const string Done = "done";

    public const string Failed = "failed";

    public const string Rejected = "rejected";

    public static IReadOnlyList<string> All { get; } = [Proposed, AwaitingApproval, Approved, Dispatched, Done, Failed, Rejected];
}
