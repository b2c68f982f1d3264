using Ooda.Knowledge.Attack;

namespace Ooda.Engine.Cases;

/// <summary>
/// A technique seen in a case, with the findings that evidence it. A parent technique appears, unobserved itself, when only its
/// sub-techniques were seen; its times and hosts span its sub-techniques.
/// </summary>
/// <param name="Technique">The current ATT&amp;CK technique (revoked and v19 ids already resolved).</param>
/// <param name="Evidence">Findings for this technique itself, oldest first.</param>
/// <param name="SubTechniques">Sub-techniques seen, in order of first sighting.</param>
/// <param name="FirstSeen">Earliest evidence of it or its sub-techniques (UTC); null when no evidence has a time.</param>
/// <param name="Hosts">Hosts of it and its sub-techniques, by name.</param>
/// <param name="Notes">How ids were resolved (revoked, deprecated, ATT&amp;CK v19).</param>
/// <param name="RunbookNotes">How the runbooks say the technique shows up (<c>proxyshell: POST to /autodiscover with …</c>).</param>
public sealed record CaseAttackTechnique(
    AttackTechnique Technique,
    IReadOnlyList<CaseAttackEvidence> Evidence,
    IReadOnlyList<CaseAttackTechnique> SubTechniques,
    DateTime? FirstSeen,
    DateTime? LastSeen,
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> RunbookNotes)
{
    /// <summary>True when a finding evidences the technique itself, not only a sub-technique.</summary>
    public bool Observed => Evidence.Count > 0;
}
