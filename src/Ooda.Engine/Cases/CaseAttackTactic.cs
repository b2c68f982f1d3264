using Ooda.Knowledge.Attack;

namespace Ooda.Engine.Cases;

/// <summary>One kill-chain column of a case: the techniques seen under a tactic, first seen first.</summary>
public sealed record CaseAttackTactic(
    AttackTactic Tactic,
    IReadOnlyList<CaseAttackTechnique> Techniques,
    DateTime? FirstSeen,
    DateTime? LastSeen,
    IReadOnlyList<string> Hosts);
