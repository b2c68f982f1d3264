namespace Ooda.Sigma.Internal;

/// <summary>What one needle occurrence means: the rule targets whose condition holds when the needle sits at <see cref="Anchor"/>.</summary>
/// <param name="Id">Index of this output across the whole rule set, so each is acted on once per event.</param>
internal sealed record NeedleOutput(NeedleAnchor Anchor, int Id, int[] Entries);
