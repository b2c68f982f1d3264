namespace Ooda.Knowledge.Attack;

/// <summary>One row of the SigmaHQ ATT&amp;CK v19 re-tag crosswalk: what replaced a v18.1 tag in how many rule files.</summary>
/// <param name="Kind"><see cref="AttackTagKind.Technique"/> or <see cref="AttackTagKind.Tactic"/>.</param>
/// <param name="Old">The v18.1 technique id or tactic short name (<c>T1562.001</c>, <c>defense-evasion</c>).</param>
/// <param name="OldName">Its v18.1 name.</param>
/// <param name="New">What replaced it: one v19 technique id, or the tactic short names added (empty: the tag was dropped).</param>
/// <param name="RuleFiles">How many Sigma rule files changed this way.</param>
public sealed record AttackRetag(AttackTagKind Kind, string Old, string OldName, IReadOnlyList<string> New, int RuleFiles);
