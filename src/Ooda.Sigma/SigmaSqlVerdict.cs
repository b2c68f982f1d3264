namespace Ooda.Sigma;

/// <summary>What the SQL path makes of one compiled rule.</summary>
/// <param name="Reasons">Why parts are left to memory (for <see cref="SigmaSqlStatus.Partial"/> and <see cref="SigmaSqlStatus.NotTranslated"/>).</param>
/// <param name="Guards">Which values translated tests leave to memory.</param>
public sealed record SigmaSqlVerdict(SigmaRule Rule, SigmaSqlStatus Status, IReadOnlyList<string> Reasons, IReadOnlyList<string> Guards)
{
    public override string ToString() =>
        Status + (Reasons.Count > 0 ? ": " + string.Join("; ", Reasons) : string.Empty);
}
