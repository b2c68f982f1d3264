using Ooda.Response;
using Ooda.Store;

namespace Ooda.Engine.Response;

/// <summary>A dispatch run: the policy, each action's outcome, the script and notice produced, and the actions afterwards.</summary>
public sealed record DispatchReport(
    ResponsePolicy Policy,
    IReadOnlyList<DispatchOutcome> Outcomes,
    string? Script,
    string Notice,
    IReadOnlyList<StoredAction> Actions);
