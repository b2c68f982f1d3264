namespace Ooda.Knowledge.Attack;

public sealed partial class AttackCatalogue
{
    private const string Separator = " · ";

    /// <summary>
    /// One display line for an id or tag, e.g. <c>Initial Access · T1190 · Exploit Public-Facing Application</c>; revoked, deprecated,
    /// v19 and unknown ids say so. Never throws. The text echoes the input for unknown ids: escape it before showing it.
    /// </summary>
    public string Describe(string? id)
    {
        var tag = Resolve(id);
        return tag.Kind switch
        {
            AttackTagKind.Technique when tag.IsV19 =>
                $"{tag.Id} (ATT&CK v19{(tag.ViaParent ? ", through its parent" : string.Empty)}) ≈ {string.Join("; ", tag.Techniques.Select(Line))}",
            AttackTagKind.Technique when tag.IsRevoked && TryGetTechnique(tag.Id, out var revoked) =>
                $"{Line(tag.Techniques[0])} (was {revoked.Id} {revoked.Name}, revoked)",
            AttackTagKind.Technique => Line(tag.Techniques[0]) + (tag.IsDeprecated ? " (deprecated)" : string.Empty),
            AttackTagKind.Tactic when tag.Tactic!.Replaces is { } replaced =>
                $"{tag.Tactic.Name} (ATT&CK v19 tactic {tag.Tactic.ShortName}, replaces {replaced.Id}{Separator}{replaced.Name})",
            AttackTagKind.Tactic => tag.Tactic!.Id + Separator + tag.Tactic.Name,
            AttackTagKind.Group => tag.Id + Separator + "ATT&CK group",
            AttackTagKind.Software => tag.Id + Separator + "ATT&CK software",
            AttackTagKind.DataSource => tag.Id + Separator + "ATT&CK data source",
            AttackTagKind.Mitigation => tag.Id + Separator + "ATT&CK mitigation",
            AttackTagKind.Campaign => tag.Id + Separator + "ATT&CK campaign",
            AttackTagKind.Car => tag.Id + Separator + "CAR analytic",
            AttackTagKind.Cve => tag.Id!,
            _ => (tag.Id ?? tag.Tag) + Separator + "unknown",
        };
    }

    private static string Line(AttackTechnique t) => string.Join(", ", t.Tactics.Select(x => x.Name)) + Separator + t.Id + Separator + t.Name;
}
