using Ooda.Response;
using Ooda.Store;

namespace Ooda.Engine.Response;

/// <summary>A plan run: the policy in force, what the planner derived, which of it was new, and the case's actions now.</summary>
public sealed record ResponsePlanResult(
    StoredCase Case,
    ResponsePolicy Policy,
    IReadOnlyList<PlannedAction> Planned,
    IReadOnlyList<StoredAction> Added,
    IReadOnlyList<StoredAction> Actions);
