namespace Ooda.Reports;

/// <summary>The ATT&amp;CK Enterprise matrix as the report draws it: every tactic in order, with the techniques the case touches.</summary>
/// <param name="Release">The ATT&amp;CK release ids and names come from (<c>ATT&amp;CK v18.1 Enterprise</c>).</param>
/// <param name="Version">The ATT&amp;CK major version for the Navigator (<c>18</c>).</param>
/// <param name="Copyright">MITRE's notice, shown under the matrix.</param>
/// <param name="Tactics">Every tactic, Reconnaissance first, even those with no technique.</param>
public sealed record ReportAttackMatrix(string Release, string Version, string Copyright, IReadOnlyList<ReportTactic> Tactics)
{
    /// <summary>Observed techniques once each, in matrix order.</summary>
    public IReadOnlyList<ReportTechnique> Observed =>
        [.. Tactics.SelectMany(t => t.Techniques).Where(t => t.Observed).DistinctBy(t => t.Id, StringComparer.OrdinalIgnoreCase)];
}
