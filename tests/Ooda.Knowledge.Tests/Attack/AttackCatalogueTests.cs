using Ooda.Knowledge.Attack;

namespace Ooda.Knowledge.Tests.Attack;

public sealed partial class AttackCatalogueTests
{
    private static readonly AttackCatalogue _catalogue = AttackCatalogue.Embedded;

    // The TTPs of the Exchange runbooks, with MITRE's ATT&CK v18.1 tactic(s) in matrix order and name.
    public static TheoryData<string, string[], string> RunbookTtps() => new()
    {
        { "T1595.002", ["Reconnaissance"], "Vulnerability Scanning" },
        { "T1190", ["Initial Access"], "Exploit Public-Facing Application" },
        { "T1059.001", ["Execution"], "PowerShell" },
        { "T1136", ["Persistence"], "Create Account" },
        { "T1574.001", ["Persistence", "Privilege Escalation", "Defense Evasion"], "DLL" },
        { "T1003", ["Credential Access"], "OS Credential Dumping" },
        { "T1210", ["Lateral Movement"], "Exploitation of Remote Services" },
        { "T1486", ["Impact"], "Data Encrypted for Impact" },
    };

    [Theory]
    [MemberData(nameof(RunbookTtps))]
    public void Resolves_the_runbook_ttps_to_their_tactics_and_names(string id, string[] tactics, string name)
    {
        Assert.True(_catalogue.TryGetTechnique(id, out var technique));
        Assert.Equal(id, technique.Id);
        Assert.Equal(name, technique.Name);
        Assert.Equal(tactics, technique.Tactics.Select(t => t.Name));
        Assert.False(technique.Revoked || technique.Deprecated);
        Assert.Equal(id.Contains('.', StringComparison.Ordinal), technique.IsSubtechnique);
        Assert.Equal(string.Join(", ", tactics) + " · " + id + " · " + name, _catalogue.Describe(id));
    }

    [Fact]
    public void Describes_a_technique_as_tactic_id_and_name() =>
        Assert.Equal("Initial Access · T1190 · Exploit Public-Facing Application", _catalogue.Describe("T1190"));

    [Fact]
    public void Gives_a_sub_technique_its_parent_and_url()
    {
        Assert.True(_catalogue.TryGetTechnique("T1059.001", out var powershell));
        Assert.Equal("T1059", powershell.ParentId);
        Assert.Equal("https://attack.mitre.org/techniques/T1059/001", powershell.Url);
        Assert.True(_catalogue.TryGetTechnique(powershell.ParentId, out var parent));
        Assert.Equal("Command and Scripting Interpreter", parent.Name);
        Assert.Null(parent.ParentId);
    }

    [Theory]
    [InlineData("T1059.001")]
    [InlineData("t1059.001")]
    [InlineData(" T1059.001 ")]
    [InlineData("\tT1059.001\r\n")]
    public void Finds_a_technique_whatever_the_case_and_surrounding_whitespace(string id)
    {
        Assert.True(_catalogue.TryGetTechnique(id, out var technique));
        Assert.Equal("T1059.001", technique.Id);
        Assert.Equal("Execution · T1059.001 · PowerShell", _catalogue.Describe(id));
    }

    [Theory]
    [InlineData("TA0002")]
    [InlineData("ta0002")]
    [InlineData("execution")]
    [InlineData("Execution")]
    [InlineData(" EXECUTION ")]
    public void Finds_a_tactic_by_id_short_name_or_name(string idOrShortName)
    {
        Assert.True(_catalogue.TryGetTactic(idOrShortName, out var tactic));
        Assert.Equal(("TA0002", "execution", "Execution", 3), (tactic.Id, tactic.ShortName, tactic.Name, tactic.MatrixOrder));
        Assert.False(tactic.IsV19);
        Assert.Equal("https://attack.mitre.org/tactics/TA0002", tactic.Url);
    }

    [Fact]
    public void Lists_the_fourteen_tactics_in_matrix_order()
    {
        Assert.Equal(
            ["Reconnaissance", "Resource Development", "Initial Access", "Execution", "Persistence", "Privilege Escalation", "Defense Evasion",
             "Credential Access", "Discovery", "Lateral Movement", "Collection", "Command and Control", "Exfiltration", "Impact"],
            _catalogue.Tactics.Select(t => t.Name));
        Assert.Equal(Enumerable.Range(0, 14), _catalogue.Tactics.Select(t => t.MatrixOrder));
        Assert.All(_catalogue.Tactics, t => Assert.False(t.IsV19));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("T9999")]
    [InlineData("T1059.999")]
    [InlineData("T105")]
    [InlineData("T1059.1")]
    [InlineData("T1059.001x")]
    [InlineData("T1685")]
    [InlineData("attack.t1059.001")]
    [InlineData("TA0002")]
    [InlineData("T１０５９")]
    [InlineData("T1059\u0000")]
    public void Does_not_find_what_is_not_a_v18_1_technique(string? id)
    {
        Assert.False(_catalogue.TryGetTechnique(id, out var technique));
        Assert.Null(technique);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("TA9999")]
    [InlineData("T1059")]
    [InlineData("defense_evasion")]
    [InlineData("attack.execution")]
    public void Does_not_find_what_is_not_a_tactic(string? idOrShortName) =>
        Assert.False(_catalogue.TryGetTactic(idOrShortName, out _));

    [Theory]
    [InlineData("attack.t1059.001", AttackTagKind.Technique, "T1059.001")]
    [InlineData("ATTACK.T1059.001", AttackTagKind.Technique, "T1059.001")]
    [InlineData(" T1190 ", AttackTagKind.Technique, "T1190")]
    [InlineData("attack.execution", AttackTagKind.Tactic, "TA0002")]
    [InlineData("attack.ta0002", AttackTagKind.Tactic, "TA0002")]
    [InlineData("TA0001", AttackTagKind.Tactic, "TA0001")]
    [InlineData("attack.g0125", AttackTagKind.Group, "G0125")]
    [InlineData("attack.s0002", AttackTagKind.Software, "S0002")]
    [InlineData("attack.ds0005", AttackTagKind.DataSource, "DS0005")]
    [InlineData("attack.m1042", AttackTagKind.Mitigation, "M1042")]
    [InlineData("attack.c0024", AttackTagKind.Campaign, "C0024")]
    [InlineData("car.2016-04-005", AttackTagKind.Car, "CAR-2016-04-005")]
    [InlineData("attack.car.2016-04-005", AttackTagKind.Car, "CAR-2016-04-005")]
    [InlineData("cve.2021-34473", AttackTagKind.Cve, "CVE-2021-34473")]
    [InlineData("CVE-2021-34473", AttackTagKind.Cve, "CVE-2021-34473")]
    public void Says_what_kind_of_tag_it_resolved(string tag, AttackTagKind kind, string id)
    {
        var resolved = _catalogue.Resolve(tag);
        Assert.Equal((kind, id), (resolved.Kind, resolved.Id));
        Assert.True(resolved.IsKnown);
        Assert.Equal(tag.Trim(), resolved.Tag);
        Assert.Equal(kind == AttackTagKind.Tactic, resolved.Tactic is not null);
        Assert.Equal(kind == AttackTagKind.Technique ? 1 : 0, resolved.Techniques.Count);
    }

    [Fact]
    public void Resolves_a_technique_tag_to_the_technique()
    {
        var tag = _catalogue.Resolve("attack.t1059.001");
        Assert.Equal("PowerShell", Assert.Single(tag.Techniques).Name);
        Assert.False(tag.IsV19 || tag.IsRevoked || tag.IsDeprecated || tag.ViaParent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("attack.")]
    [InlineData("attack.t")]
    [InlineData("attack.t9999")]
    [InlineData("attack.ta9999")]
    [InlineData("attack.defense_evasion")]
    [InlineData("attack.x0001")]
    [InlineData("attack.g12345")]
    [InlineData("car.2016-4-005")]
    [InlineData("cve.21-34473")]
    [InlineData("cve.")]
    [InlineData("detection.emerging-threats")]
    [InlineData("tlp.white")]
    [InlineData("\u001b[31mattack.t1059\u001b[0m")]
    [InlineData("attack.t1059.001 # comment")]
    public void Resolves_what_it_cannot_place_to_unknown_without_throwing(string? tag)
    {
        var resolved = _catalogue.Resolve(tag);
        Assert.Equal(AttackTagKind.Unknown, resolved.Kind);
        Assert.False(resolved.IsKnown);
        Assert.Empty(resolved.Techniques);
        Assert.Null(resolved.Tactic);
        Assert.False(string.IsNullOrEmpty(resolved.Note));
        Assert.EndsWith(" · unknown", _catalogue.Describe(tag), StringComparison.Ordinal);
    }

    [Fact]
    public void Clips_an_absurdly_long_tag_instead_of_echoing_it()
    {
        var tag = _catalogue.Resolve("attack.t" + new string('1', 100_000));
        Assert.Equal(AttackTagKind.Unknown, tag.Kind);
        Assert.True(tag.Tag.Length <= AttackCatalogue.MaxTagLength + 1);
    }

    [Fact]
    public void Names_a_well_formed_unknown_technique_and_says_why()
    {
        var tag = _catalogue.Resolve("attack.t1059.999");
        Assert.Equal(("T1059.999", AttackTagKind.Unknown), (tag.Id, tag.Kind));
        Assert.Contains("not an ATT&CK v18.1 technique", tag.Note, StringComparison.Ordinal);
        Assert.Equal("T1059.999 · unknown", _catalogue.Describe("T1059.999"));
    }

    [Fact]
    public void Keeps_a_revoked_technique_and_resolves_it_through_the_whole_revoked_by_chain()
    {
        // T1073 DLL Side-Loading was revoked by T1574.002, itself revoked by T1574.001 (DLL) in v18.
        Assert.True(_catalogue.TryGetTechnique("T1073", out var old));
        Assert.Equal(("DLL Side-Loading", true, "T1574.002"), (old.Name, old.Revoked, old.RevokedBy));

        var tag = _catalogue.Resolve("attack.t1073");
        Assert.Equal(AttackTagKind.Technique, tag.Kind);
        Assert.True(tag.IsRevoked);
        Assert.Equal("T1073", tag.Id);
        Assert.Equal("T1574.001", Assert.Single(tag.Techniques).Id);
        Assert.Contains("T1574.002, then T1574.001", tag.Note, StringComparison.Ordinal);
        Assert.Equal(
            "Persistence, Privilege Escalation, Defense Evasion · T1574.001 · DLL (was T1073 DLL Side-Loading, revoked)",
            _catalogue.Describe("T1073"));
    }

    [Fact]
    public void Every_revoked_technique_resolves_to_a_technique_that_is_not_revoked()
    {
        var revoked = _catalogue.Techniques.Where(t => t.Revoked).ToList();
        Assert.NotEmpty(revoked);
        Assert.All(revoked, t =>
        {
            var tag = _catalogue.Resolve(t.Id);
            Assert.True(tag.IsRevoked);
            Assert.False(Assert.Single(tag.Techniques).Revoked);
        });
    }

    [Fact]
    public void Flags_a_deprecated_technique_and_keeps_it()
    {
        Assert.True(_catalogue.TryGetTechnique("T1026", out var multiband));
        Assert.True(multiband.Deprecated);
        Assert.False(multiband.Revoked);

        var tag = _catalogue.Resolve("attack.t1026");
        Assert.True(tag.IsDeprecated);
        Assert.False(tag.IsRevoked);
        Assert.Same(multiband, Assert.Single(tag.Techniques));
        Assert.Equal("Command and Control · T1026 · Multiband Communication (deprecated)", _catalogue.Describe("T1026"));
    }

    [Fact]
    public void Resolves_a_v19_technique_to_its_v18_1_equivalents_most_re_tagged_first()
    {
        var tag = _catalogue.Resolve("attack.t1685");
        Assert.Equal((AttackTagKind.Technique, "T1685", true, false), (tag.Kind, tag.Id, tag.IsV19, tag.ViaParent));
        // The crosswalk: T1562.001 (125 rule files), T1562 (24) and T1562.006 (5) became T1685.
        Assert.Equal(["T1562.001", "T1562", "T1562.006"], tag.Techniques.Select(t => t.Id));
        Assert.StartsWith("T1685 (ATT&CK v19) ≈ Defense Evasion · T1562.001 · Disable or Modify Tools; ", _catalogue.Describe("T1685"), StringComparison.Ordinal);
        Assert.False(_catalogue.TryGetTechnique("T1685", out _));
    }

    [Theory]
    [InlineData("attack.t1685.005", "T1070.001")]
    [InlineData("attack.t1685.001", "T1562.002")]
    [InlineData("attack.t1686.003", "T1562.004")]
    [InlineData("attack.t1689", "T1562.010")]
    public void Resolves_each_v19_sub_technique_through_its_own_crosswalk_row(string tag, string v18Id)
    {
        var resolved = _catalogue.Resolve(tag);
        Assert.True(resolved.IsV19);
        Assert.False(resolved.ViaParent);
        Assert.Equal(v18Id, Assert.Single(resolved.Techniques).Id);
    }

    [Fact]
    public void Resolves_a_v19_sub_technique_without_a_row_through_its_parent_and_says_so()
    {
        var tag = _catalogue.Resolve("attack.t1686.002");
        Assert.True(tag.IsV19 && tag.ViaParent);
        Assert.Equal(_catalogue.Resolve("attack.t1686").Techniques, tag.Techniques);
        Assert.Equal("T1562.004", Assert.Single(tag.Techniques).Id);
        Assert.Contains("through its parent T1686", tag.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_invent_an_equivalent_for_a_later_id_the_crosswalk_does_not_have()
    {
        var tag = _catalogue.Resolve("attack.t1690");
        Assert.Equal(("T1690", AttackTagKind.Unknown), (tag.Id, tag.Kind));
        Assert.Contains("later ATT&CK release", tag.Note, StringComparison.Ordinal);
        Assert.Equal("T1681", _catalogue.HighestTechniqueId);
    }

    [Theory]
    [InlineData("attack.stealth", "stealth", "Stealth")]
    [InlineData("attack.defense-impairment", "defense-impairment", "Defense Impairment")]
    public void Resolves_the_v19_tactics_as_v19_and_names_the_tactic_they_replace(string tag, string shortName, string name)
    {
        var resolved = _catalogue.Resolve(tag);
        Assert.Equal(AttackTagKind.Tactic, resolved.Kind);
        Assert.True(resolved.IsV19);
        var tactic = resolved.Tactic!;
        Assert.Equal((shortName, name, true, null), (tactic.ShortName, tactic.Name, tactic.IsV19, tactic.Id));
        Assert.Equal("TA0005", tactic.Replaces!.Id);
        Assert.Equal(tactic.Replaces.MatrixOrder, tactic.MatrixOrder);
        Assert.Null(resolved.Id);
        Assert.Null(tactic.Url);
        Assert.Contains(tactic, _catalogue.V19Tactics);
        Assert.DoesNotContain(tactic, _catalogue.Tactics);
        Assert.True(_catalogue.TryGetTactic(shortName, out var found));
        Assert.Same(tactic, found);
        Assert.Equal($"{name} (ATT&CK v19 tactic {shortName}, replaces TA0005 · Defense Evasion)", _catalogue.Describe(tag));
    }

    [Fact]
    public void Every_technique_names_existing_tactics_parents_and_replacements()
    {
        Assert.All(_catalogue.Techniques, t =>
        {
            Assert.NotEmpty(t.Tactics);
            Assert.All(t.Tactics, x => Assert.Contains(x, _catalogue.Tactics));
            Assert.Equal(t.Tactics.OrderBy(x => x.MatrixOrder), t.Tactics);
            if (t.ParentId is not null)
                Assert.True(_catalogue.TryGetTechnique(t.ParentId, out var parent) && !parent.IsSubtechnique);
            if (t.RevokedBy is not null)
                Assert.True(_catalogue.TryGetTechnique(t.RevokedBy, out _));
        });
    }

    [Fact]
    public void Carries_the_release_and_mitre_copyright_designation()
    {
        Assert.StartsWith("ATT&CK v18.1 Enterprise", _catalogue.Release, StringComparison.Ordinal);
        Assert.Equal(
            "© 2025 The MITRE Corporation. This work is reproduced and distributed with the permission of The MITRE Corporation.",
            _catalogue.Copyright);
    }
}
