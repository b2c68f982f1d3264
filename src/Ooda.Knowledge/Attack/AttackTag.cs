namespace Ooda.Knowledge.Attack;

/// <summary>A resolved tag (<c>attack.t1059.001</c>, <c>attack.stealth</c>, <c>cve.2021-34473</c>) or bare id (<c>T1190</c>).</summary>
/// <param name="Tag">The input, trimmed (and clipped when absurdly long).</param>
/// <param name="Kind">What it names; <see cref="AttackTagKind.Unknown"/> when it resolves to nothing.</param>
/// <param name="Id">The normalised id (<c>T1059.001</c>, <c>TA0002</c>, <c>G0125</c>, <c>CAR-2016-04-005</c>, <c>CVE-2021-34473</c>),
/// also for a well-formed id the catalogue does not know; null for tactic short names that match nothing and for garbage.</param>
/// <param name="Tactic">The tactic of a tactic tag (v19 tactics included).</param>
/// <param name="Techniques">The current v18.1 technique(s) a technique tag stands for: itself, the end of its revoked-by chain,
/// or the v19 crosswalk's equivalents (most re-tagged rules first).</param>
/// <param name="IsV19">The tag uses an ATT&amp;CK v19 id or tactic, resolved through the SigmaHQ re-tag crosswalk.</param>
/// <param name="ViaParent">A v19 sub-technique without its own crosswalk row, resolved through its parent's row (an approximation).</param>
/// <param name="IsRevoked">The technique was revoked; <paramref name="Techniques"/> holds its replacement.</param>
/// <param name="IsDeprecated">The technique is deprecated (retired without a replacement).</param>
/// <param name="Note">How it was resolved or why not, for display.</param>
public sealed record AttackTag(
    string Tag,
    AttackTagKind Kind,
    string? Id,
    AttackTactic? Tactic,
    IReadOnlyList<AttackTechnique> Techniques,
    bool IsV19,
    bool ViaParent,
    bool IsRevoked,
    bool IsDeprecated,
    string? Note)
{
    /// <summary>True when the tag resolved to something (a known technique or tactic, or a well-formed group/software/CAR/CVE id).</summary>
    public bool IsKnown => Kind != AttackTagKind.Unknown;
}
