using System.Globalization;
using Ooda.Knowledge.Attack;
using Ooda.Testing;
using Xunit.Abstractions;

namespace Ooda.Knowledge.Tests.Attack;

public sealed partial class AttackCatalogueTests(ITestOutputHelper output)
{
    // attack.* tags in the SigmaHQ snapshot that the catalogue cannot resolve, each with the reason it may stay unresolved.
    private static readonly Dictionary<string, string> _unresolvedSigmaTags = new(StringComparer.Ordinal)
    {
        ["attack.t1690"] = "ATT&CK v19 technique (above v18.1's highest, T1681) with no one-to-one re-tag in the SigmaHQ crosswalk: "
            + "its only rule swapped two v18.1 tags for two v19 ones, so the bundled data cannot say what it replaced or name it.",
    };

    [SkippableTheory]
    [MemberData(nameof(RunbookTtps))]
    public void The_runbook_ttps_match_the_corpus_technique_table(string id, string[] tactics, string name)
    {
        var row = Assert.Single(TechniqueRows(), r => r["technique_id"] == id);
        Assert.Equal(name, row["name"]);
        var rowTactics = row["tactics"].Split(';').Select(s => Assert.Single(_catalogue.Tactics, t => t.ShortName == s).Name);
        Assert.Equal(tactics.Order(StringComparer.Ordinal), rowTactics.Order(StringComparer.Ordinal));
        Assert.Equal(("False", "False"), (row["revoked"], row["deprecated"]));
    }

    [SkippableFact]
    public void Every_technique_matches_the_corpus_technique_table()
    {
        var rows = TechniqueRows();
        Assert.Equal(rows.Count, _catalogue.Techniques.Count);
        foreach (var row in rows)
        {
            var id = row["technique_id"];
            Assert.True(_catalogue.TryGetTechnique(id, out var t), id);
            Assert.Equal(
                (row["name"], row["is_subtechnique"] == "True", Empty(row["parent_id"]), row["revoked"] == "True", row["deprecated"] == "True", Empty(row["revoked_by"]), row["url"]),
                (t.Name, t.IsSubtechnique, t.ParentId, t.Revoked, t.Deprecated, t.RevokedBy, t.Url));
            Assert.Equal(row["tactics"].Split(';').Order(StringComparer.Ordinal), t.Tactics.Select(x => x.ShortName).Order(StringComparer.Ordinal));
            Assert.Equal(row["tactic_ids"].Split(';').Order(StringComparer.Ordinal), t.Tactics.Select(x => x.Id!).Order(StringComparer.Ordinal));
        }
    }

    [SkippableFact]
    public void Every_tactic_matches_the_corpus_tactic_table()
    {
        var rows = CorpusCsv.Read(Corpus.Require("mitre-attack/enterprise-attack-tactics.csv"))
            .OrderBy(r => int.Parse(r["matrix_order"], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(
            rows.Select(r => (r["tactic_id"], r["shortname"], r["name"], int.Parse(r["matrix_order"], CultureInfo.InvariantCulture), r["url"])),
            _catalogue.Tactics.Select(t => (t.Id!, t.ShortName, t.Name, t.MatrixOrder, t.Url!)));
    }

    [SkippableFact]
    public void Every_crosswalk_row_matches_the_corpus_crosswalk()
    {
        var rows = CorpusCsv.Read(Corpus.Require("mitre-attack/sigma-attack-v19-retag-crosswalk.csv"));
        static string NewTags(IReadOnlyList<string> tags) => tags.Count == 0 ? "(none added)" : string.Join('+', tags);
        Assert.Equal(
            rows.Select(r => (r["kind"], r["old_tag_v18"], r["old_name_v18_1"], r["new_tag_v19"].Split('+').Order(StringComparer.Ordinal).Aggregate((a, b) => a + "+" + b), r["sigma_rule_files"]))
                .Order(),
            _catalogue.V19Crosswalk.Select(r => (r.Kind == AttackTagKind.Technique ? "technique" : "tactic", r.Old, r.OldName, NewTags(r.New), r.RuleFiles.ToString(CultureInfo.InvariantCulture)))
                .Order());

        foreach (var row in rows.Where(r => r["kind"] == "technique"))
        {
            var tag = _catalogue.Resolve("attack." + row["new_tag_v19"].ToLowerInvariant());
            Assert.True(tag.IsV19, row["new_tag_v19"]);
            Assert.Contains(tag.Techniques, t => t.Id == row["old_tag_v18"]);
        }
    }

    [SkippableFact]
    public void Every_attack_tag_of_every_sigma_rule_resolves()
    {
        var sigma = Corpus.Require("sigma");
        var files = Directory.GetDirectories(sigma, "rules*")
            .SelectMany(d => Directory.EnumerateFiles(d, "*.yml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal).ToList();
        var uses = files
            .SelectMany(f => SigmaRuleTags.Read(f).Select(tag => (Tag: tag, File: Path.GetRelativePath(sigma, f))))
            .Where(u => u.Tag.StartsWith("attack.", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var resolved = uses.Select(u => u.Tag).Distinct(StringComparer.Ordinal).ToDictionary(t => t, _catalogue.Resolve, StringComparer.Ordinal);

        var unknown = uses.Where(u => !resolved[u.Tag].IsKnown).ToList();
        output.WriteLine($"{files.Count} rule files, {uses.Count} attack.* tags ({resolved.Count} distinct); "
            + $"{uses.Count(u => resolved[u.Tag].IsV19)} resolved through the v19 crosswalk, {uses.Count(u => resolved[u.Tag].ViaParent)} through a v19 parent; "
            + $"{unknown.Count} unresolved ({unknown.Select(u => u.Tag).Distinct().Count()} distinct)");
        foreach (var group in unknown.GroupBy(u => u.Tag))
            output.WriteLine($"  {group.Key}: {string.Join(", ", group.Select(u => u.File))} ({resolved[group.Key].Note})");

        Assert.True(files.Count > 3000, $"only {files.Count} rule files under {sigma}/rules*");
        Assert.Contains(resolved.Values, t => t.Kind == AttackTagKind.Tactic && t.IsV19);
        Assert.Contains(resolved.Values, t => t.Kind == AttackTagKind.Technique && t.IsV19);
        var notAllowed = unknown.Where(u => !_unresolvedSigmaTags.ContainsKey(u.Tag)).Select(u => $"{u.Tag} in {u.File}").ToList();
        Assert.True(notAllowed.Count == 0, "unresolved attack.* tags:\n" + string.Join('\n', notAllowed));
        // An allow-list entry the rules no longer use must go, so the list stays honest.
        Assert.Equal(_unresolvedSigmaTags.Keys.Order(StringComparer.Ordinal), unknown.Select(u => u.Tag).Distinct().Order(StringComparer.Ordinal));
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> TechniqueRows() =>
        CorpusCsv.Read(Corpus.Require("mitre-attack/enterprise-attack-techniques.csv"));

    private static string? Empty(string s) => s.Length == 0 ? null : s;
}
