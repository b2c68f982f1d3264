namespace Ooda.Engine.Cases;

/// <summary>
/// The ATT&amp;CK view of a case: the tactics and techniques its findings evidence in kill-chain order (sub-techniques under
/// their parents), when each was first and last seen, on which hosts, and by which findings. The report's matrix reads it too.
/// </summary>
/// <param name="Tactics">Tactics with evidence, in ATT&amp;CK matrix order (Reconnaissance first).</param>
/// <param name="Unplaced">Tags that name no technique.</param>
/// <param name="Expected">Techniques the findings' runbooks list that no finding evidences.</param>
/// <param name="Findings">How many findings the view was built from.</param>
/// <param name="Release">The ATT&amp;CK release names and ids come from.</param>
/// <param name="Copyright">MITRE's notice, to show wherever the view is shown.</param>
public sealed record CaseAttackView(
    IReadOnlyList<CaseAttackTactic> Tactics,
    IReadOnlyList<CaseAttackUnplaced> Unplaced,
    IReadOnlyList<CaseAttackExpected> Expected,
    int Findings,
    DateTime? FirstSeen,
    DateTime? LastSeen,
    string Release,
    string Copyright)
{
    /// <summary>Every distinct technique observed (sub-techniques included, unobserved parents not), in kill-chain order.</summary>
    public IReadOnlyList<CaseAttackTechnique> ObservedTechniques =>
        [.. Tactics.SelectMany(t => t.Techniques).SelectMany(t => t.SubTechniques.Prepend(t)).Where(t => t.Observed).DistinctBy(t => t.Technique.Id)];
}
