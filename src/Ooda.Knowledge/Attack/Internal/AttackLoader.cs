using System.Globalization;
using System.Text.Json;

namespace Ooda.Knowledge.Attack.Internal;

/// <summary>Reads <c>Data/attack.json</c> (written by <c>tools/attack/generate-attack-table.py</c>); any inconsistency is an error, not a silent gap.</summary>
internal static class AttackLoader
{
    public const string ResourceName = "Ooda.Knowledge.attack.json";
    public const int Schema = 1;
    private const string TechniqueUrlBase = "https://attack.mitre.org/techniques/";

    public static AttackCatalogue LoadEmbedded()
    {
        using var stream = typeof(AttackLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        return Load(stream);
    }

    public static AttackCatalogue Load(Stream json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Bad($"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // A missing property or a value of the wrong JSON type: the table is malformed, say so in one place.
                throw Bad($"malformed table: {e.Message}");
            }
        }
    }

    private static AttackCatalogue Read(JsonElement root)
    {
        if (root.GetProperty("schema").GetInt32() != Schema)
            throw Bad($"schema {root.GetProperty("schema")} is not {Schema}");
        var attack = root.GetProperty("attack");
        var release = Text(attack, "release", "attack");
        var copyright = Text(attack, "copyright", "attack");

        var tactics = new List<AttackTactic>();
        var tacticByShortName = new Dictionary<string, AttackTactic>(StringComparer.Ordinal);
        foreach (var (e, where) in Items(root, "tactics"))
        {
            var id = Text(e, "id", where);
            var tactic = new AttackTactic(id, Text(e, "shortName", where), Text(e, "name", where), e.GetProperty("matrixOrder").GetInt32(), null);
            if (!AttackIds.IsTacticId(id))
                throw Bad($"{where}: '{id}' is not a tactic id");
            if (tactic.MatrixOrder != tactics.Count)
                throw Bad($"{where} ({id}): matrixOrder {tactic.MatrixOrder}, expected {tactics.Count}");
            if (!tacticByShortName.TryAdd(tactic.ShortName, tactic) || tactics.Any(t => t.Id == id || t.Name == tactic.Name))
                throw Bad($"{where} ({id}): duplicate tactic");
            tactics.Add(tactic);
        }

        var v19Tactics = new List<AttackTactic>();
        foreach (var (e, where) in Items(root, "v19Tactics"))
        {
            var shortName = Text(e, "shortName", where);
            var replaces = Text(e, "replaces", where);
            if (!tacticByShortName.TryGetValue(replaces, out var replaced))
                throw Bad($"{where} ({shortName}): replaces unknown tactic '{replaces}'");
            var tactic = new AttackTactic(null, shortName, Text(e, "name", where), replaced.MatrixOrder, replaced);
            if (!tacticByShortName.TryAdd(shortName, tactic))
                throw Bad($"{where} ({shortName}): duplicate tactic");
            v19Tactics.Add(tactic);
        }

        var techniques = new List<AttackTechnique>();
        var byId = new Dictionary<string, AttackTechnique>(StringComparer.Ordinal);
        foreach (var (e, where) in Items(root, "techniques"))
        {
            var id = Text(e, "id", where);
            if (!AttackIds.IsTechniqueId(id))
                throw Bad($"{where}: '{id}' is not a technique id");
            var parent = OptionalText(e, "parent", where);
            var isSub = id.Length > AttackIds.TechniqueLength;
            if (parent != (isSub ? id[..AttackIds.TechniqueLength] : null))
                throw Bad($"{where} ({id}): parent '{parent}' does not match the id");
            if (isSub && !byId.ContainsKey(parent!))
                throw Bad($"{where} ({id}): parent {parent} is not listed before it");
            var techniqueTactics = new List<AttackTactic>();
            foreach (var s in e.GetProperty("tactics").EnumerateArray())
            {
                var shortName = s.GetString() ?? string.Empty;
                if (!tacticByShortName.TryGetValue(shortName, out var tactic) || tactic.IsV19)
                    throw Bad($"{where} ({id}): unknown tactic '{shortName}'");
                techniqueTactics.Add(tactic);
            }

            if (techniqueTactics.Count == 0)
                throw Bad($"{where} ({id}): no tactics");
            var revoked = Flag(e, "revoked");
            var revokedBy = OptionalText(e, "revokedBy", where);
            if (revoked != (revokedBy is not null))
                throw Bad($"{where} ({id}): revoked={revoked} but revokedBy='{revokedBy}'");
            var technique = new AttackTechnique(
                id, Text(e, "name", where), isSub, parent, techniqueTactics, revoked, Flag(e, "deprecated"), revokedBy,
                TechniqueUrlBase + id.Replace('.', '/'));
            if (techniques.Count > 0 && string.CompareOrdinal(techniques[^1].Id, id) >= 0)
                throw Bad($"{where} ({id}): not in id order after {techniques[^1].Id}");
            byId.Add(id, technique);
            techniques.Add(technique);
        }

        foreach (var t in techniques)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { t.Id };
            for (var current = t; current.RevokedBy is { } next; current = byId[next])
            {
                if (!byId.ContainsKey(next))
                    throw Bad($"{t.Id}: revoked by {next}, which is not in the table");
                if (!seen.Add(next))
                    throw Bad($"{t.Id}: revoked-by chain loops at {next}");
            }
        }

        var crosswalk = new List<AttackRetag>();
        foreach (var (e, where) in Items(root, "v19Crosswalk"))
        {
            var kindText = Text(e, "kind", where);
            var old = Text(e, "old", where);
            var news = e.GetProperty("new").EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList();
            var ruleFiles = e.GetProperty("ruleFiles").GetInt32();
            AttackTagKind kind;
            if (kindText == "technique")
            {
                kind = AttackTagKind.Technique;
                if (!byId.ContainsKey(old))
                    throw Bad($"{where}: old technique {old} is not in the table");
                if (news.Count != 1 || !AttackIds.IsTechniqueId(news[0]) || byId.ContainsKey(news[0]))
                    throw Bad($"{where} ({old}): new must be one technique id absent from v18.1, got [{string.Join(", ", news)}]");
            }
            else if (kindText == "tactic")
            {
                kind = AttackTagKind.Tactic;
                if (!tacticByShortName.TryGetValue(old, out var oldTactic) || oldTactic.IsV19)
                    throw Bad($"{where}: old tactic '{old}' is not a v18.1 tactic");
                if (news.FirstOrDefault(n => !tacticByShortName.ContainsKey(n)) is { } unknown)
                    throw Bad($"{where} ({old}): new tactic '{unknown}' is neither a v18.1 nor a v19 tactic");
            }
            else
            {
                throw Bad($"{where}: unknown kind '{kindText}'");
            }

            if (ruleFiles <= 0)
                throw Bad($"{where} ({old}): ruleFiles {ruleFiles.ToString(CultureInfo.InvariantCulture)}");
            crosswalk.Add(new AttackRetag(kind, old, Text(e, "oldName", where), news, ruleFiles));
        }

        return new AttackCatalogue(release, copyright, tactics, v19Tactics, techniques, crosswalk);
    }

    private static IEnumerable<(JsonElement Element, string Where)> Items(JsonElement root, string property)
    {
        var i = 0;
        foreach (var e in root.GetProperty(property).EnumerateArray())
            yield return (e, $"{property}[{(i++).ToString(CultureInfo.InvariantCulture)}]");
    }

    private static string Text(JsonElement e, string property, string where) =>
        e.GetProperty(property).GetString() is { Length: > 0 } s ? s : throw Bad($"{where}: '{property}' is empty");

    private static string? OptionalText(JsonElement e, string property, string where) =>
        e.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? Text(e, property, where) : null;

    // The generator writes flags only when true, to keep the table compact.
    private static bool Flag(JsonElement e, string property) => e.TryGetProperty(property, out var value) && value.GetBoolean();

    private static InvalidDataException Bad(string message) => new($"attack.json: {message}");
}
