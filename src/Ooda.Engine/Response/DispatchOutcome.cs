using Ooda.Response;

namespace Ooda.Engine.Response;

/// <summary>What dispatch did with one action.</summary>
/// <param name="State">The action's state afterwards.</param>
/// <param name="Detail">The connector's answer or why nothing was done; may hold the agent's (hostile) text.</param>
public sealed record DispatchOutcome(string ActionId, GateVerdict Verdict, string Reason, string State, string? Detail);
