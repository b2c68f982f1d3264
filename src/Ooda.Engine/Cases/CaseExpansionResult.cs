using Ooda.Investigation.Lateral;
using Ooda.Store;

namespace Ooda.Engine.Cases;

/// <summary>What expanding a case did: the reached hosts brought into scope, the runbooks hunted there, and the findings.</summary>
/// <param name="Reached">Hosts the lateral-movement graph says the attacker reached that were not in scope yet.</param>
/// <param name="Runbooks">The runbooks (id@version) behind the case's findings, hunted on those hosts.</param>
/// <param name="FindingsFound">Findings the hunt produced on the reached hosts, new or already stored.</param>
/// <param name="FindingsNew">How many of them the workspace did not hold yet.</param>
/// <param name="FindingsLinked">How many were linked to the case (at or above the link severity).</param>
public sealed record CaseExpansionResult(
    StoredCase Case,
    IReadOnlyList<LateralReach> Reached,
    IReadOnlyList<string> Runbooks,
    int FindingsFound,
    int FindingsNew,
    int FindingsLinked);
