namespace Ooda.Knowledge.Attack;

/// <summary>An ATT&amp;CK Enterprise tactic (a matrix column), or one of the ATT&amp;CK v19 tactics Sigma rules are tagged with.</summary>
/// <param name="Id">Tactic id (<c>TA0002</c>); null for a v19 tactic, whose id the bundled data does not have.</param>
/// <param name="ShortName">The name used in tags (<c>execution</c>, <c>defense-evasion</c>, v19 <c>stealth</c>).</param>
/// <param name="Name">Display name (<c>Execution</c>); for a v19 tactic, the tag title-cased (the data has no MITRE name for it).</param>
/// <param name="MatrixOrder">Column in the v18.1 matrix, 0 = Reconnaissance; a v19 tactic takes the column of the tactic it replaces.</param>
/// <param name="Replaces">For a v19 tactic, the v18.1 tactic it was split from (Defense Evasion); null for v18.1 tactics.</param>
public sealed record AttackTactic(string? Id, string ShortName, string Name, int MatrixOrder, AttackTactic? Replaces)
{
    private const string UrlBase = "https://attack.mitre.org/tactics/";

    /// <summary>True for a tactic introduced by ATT&amp;CK v19 (<c>stealth</c>, <c>defense-impairment</c>).</summary>
    public bool IsV19 => Replaces is not null;

    /// <summary>The tactic's page on attack.mitre.org; null for a v19 tactic.</summary>
    public string? Url => Id is null ? null : UrlBase + Id;
}
