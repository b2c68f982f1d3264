using Ooda.Response;
using Ooda.Store;

namespace Ooda.Engine.Response;

/// <summary>A case's actions with the policy in force and what the gate would let happen to each now.</summary>
public sealed record ResponseStatus(StoredCase Case, ResponsePolicy Policy, IReadOnlyList<StoredAction> Actions, IReadOnlyList<GateDecision> Gate);
