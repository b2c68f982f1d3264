namespace Ooda.Engine.Cases;

/// <summary>A tag on findings that names no ATT&amp;CK technique (a tactic, a group, a CVE, or nothing known), with why.</summary>
public sealed record CaseAttackUnplaced(string Tag, string Note, IReadOnlyList<CaseAttackEvidence> Evidence);
