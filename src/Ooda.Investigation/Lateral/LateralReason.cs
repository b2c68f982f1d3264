namespace Ooda.Investigation.Lateral;

/// <summary>One reason an edge is suspicious or routine, as a stable code and a sentence for the analyst.</summary>
/// <param name="Code">One of the <see cref="LateralReasons"/> codes.</param>
/// <param name="Suspicious">True when the reason makes the edge suspicious; false when it speaks for routine.</param>
public sealed record LateralReason(string Code, bool Suspicious, string Text);
