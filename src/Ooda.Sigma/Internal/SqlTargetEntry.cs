namespace Ooda.Sigma.Internal;

/// <summary>One rule target in a SQL plan: its hit code is its index in the plan.</summary>
/// <param name="Accepts">The logsource prefilter (kinds, channels, providers, event ids) as SQL.</param>
/// <param name="Predicate">The rest of the target's condition as three-valued SQL.</param>
internal sealed record SqlTargetEntry(CompiledRule Rule, int RuleIndex, CompiledTarget Target, int TargetIndex, string Accepts, string Predicate);
