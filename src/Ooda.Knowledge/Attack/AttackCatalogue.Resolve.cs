using System.Globalization;
using Ooda.Knowledge.Attack.Internal;

namespace Ooda.Knowledge.Attack;

public sealed partial class AttackCatalogue
{
    /// <summary>Tags longer than this are not ATT&amp;CK tags; the cap keeps hostile input from costing anything.</summary>
    public const int MaxTagLength = 128;

    private const string AttackPrefix = "attack.";
    private const string CarPrefix = "car.";
    private const string CvePrefix = "cve.";

    /// <summary>
    /// Resolves a Sigma tag (<c>attack.t1059.001</c>, <c>attack.execution</c>, <c>attack.g0125</c>, <c>attack.s0002</c>,
    /// <c>car.2016-04-005</c>, <c>cve.2021-34473</c>) or a bare id (<c>T1190</c>, <c>TA0002</c>, <c>CVE-2021-34473</c>).
    /// Never throws: anything it cannot place comes back as <see cref="AttackTagKind.Unknown"/> with a note saying why.
    /// </summary>
    public AttackTag Resolve(string? tag)
    {
        var text = (tag ?? string.Empty).Trim();
        if (text.Length == 0)
            return Unknown(text, null, "empty tag");
        if (text.Length > MaxTagLength)
            return Unknown(text[..MaxTagLength] + "…", null, $"longer than {MaxTagLength} characters");
        var lower = text.ToLowerInvariant();
        if (lower.StartsWith(AttackPrefix, StringComparison.Ordinal))
            return ResolveAttack(text, lower[AttackPrefix.Length..]);
        if (lower.StartsWith(CarPrefix, StringComparison.Ordinal) || lower.StartsWith("car-", StringComparison.Ordinal))
            return ResolveCar(text, lower[CarPrefix.Length..]);
        if (lower.StartsWith(CvePrefix, StringComparison.Ordinal) || lower.StartsWith("cve-", StringComparison.Ordinal))
            return ResolveCve(text, lower[CvePrefix.Length..]);
        return ResolveAttack(text, lower);
    }

    private AttackTag ResolveAttack(string tag, string body)
    {
        var upper = body.ToUpperInvariant();
        if (AttackIds.IsTechniqueId(upper))
            return ResolveTechnique(tag, upper);
        if (AttackIds.IsTacticId(upper))
        {
            return _tactics.TryGetValue(upper, out var byId)
                ? TacticTag(tag, byId)
                : Unknown(tag, upper, $"{upper} is not an ATT&CK v18.1 tactic");
        }

        if (body.StartsWith(CarPrefix, StringComparison.Ordinal))
            return ResolveCar(tag, body[CarPrefix.Length..]);
        if (ObjectKind(upper) is { } kind)
            return new AttackTag(tag, kind.Kind, upper, null, [], false, false, false, false, $"ATT&CK {kind.Noun} {upper} (the catalogue has tactics and techniques only)");
        if (_tactics.TryGetValue(body, out var tactic))
            return TacticTag(tag, tactic);
        return Unknown(tag, null, "not an ATT&CK technique, tactic, group, software, data source, mitigation or campaign");
    }

    private AttackTag ResolveTechnique(string tag, string id)
    {
        if (_techniques.TryGetValue(id, out var technique))
        {
            if (!technique.Revoked)
                return new AttackTag(tag, AttackTagKind.Technique, id, null, [technique], false, false, false, technique.Deprecated, technique.Deprecated ? $"{id} is deprecated in {Release}" : null);
            var (current, chain) = Current(technique);
            var note = $"{id} ({technique.Name}) was revoked by {string.Join(", then ", chain)}";
            return new AttackTag(tag, AttackTagKind.Technique, id, null, [current], false, false, true, current.Deprecated, note);
        }

        if (_v19Equivalents.TryGetValue(id, out var equivalents))
            return new AttackTag(tag, AttackTagKind.Technique, id, null, equivalents, true, false, false, false, $"{id} is an ATT&CK v19 id; SigmaHQ re-tagged {Ids(equivalents)} to it");

        if (id.Length > AttackIds.TechniqueLength && _v19Equivalents.TryGetValue(id[..AttackIds.TechniqueLength], out var parentEquivalents))
        {
            var parent = id[..AttackIds.TechniqueLength];
            return new AttackTag(tag, AttackTagKind.Technique, id, null, parentEquivalents, true, true, false, false,
                $"{id} is an ATT&CK v19 sub-technique with no crosswalk row of its own; resolved through its parent {parent}, which SigmaHQ re-tagged from {Ids(parentEquivalents)}");
        }

        var later = string.CompareOrdinal(id[..AttackIds.TechniqueLength], HighestTechniqueId) > 0
            ? $"; above the highest v18.1 technique {HighestTechniqueId}, so probably from a later ATT&CK release"
            : string.Empty;
        return Unknown(tag, id, $"{id} is not an ATT&CK v18.1 technique and not in the v19 crosswalk{later}");
    }

    private static AttackTag TacticTag(string tag, AttackTactic tactic) => new(
        tag, AttackTagKind.Tactic, tactic.Id, tactic, [], tactic.IsV19, false, false, false,
        tactic.Replaces is { } replaced ? $"ATT&CK v19 tactic {tactic.ShortName}; replaces {replaced.Name} ({replaced.Id}) of v18.1" : null);

    private static AttackTag ResolveCar(string tag, string body) =>
        IsDated(body, 2, 3)
            ? new AttackTag(tag, AttackTagKind.Car, "CAR-" + body, null, [], false, false, false, false, "MITRE Cyber Analytics Repository analytic")
            : Unknown(tag, null, "not a CAR analytic id (car.YYYY-MM-NNN)");

    private static AttackTag ResolveCve(string tag, string body) =>
        IsDated(body, 4, 7)
            ? new AttackTag(tag, AttackTagKind.Cve, "CVE-" + body.ToUpperInvariant(), null, [], false, false, false, false, null)
            : Unknown(tag, null, "not a CVE id (cve.YYYY-NNNN)");

    /// <summary><c>YYYY-NN…</c>: a CVE's <c>2021-34473</c>, or a CAR's <c>2016-04-005</c> (one more <c>-NNN</c> part).</summary>
    private static bool IsDated(string body, int minDigits, int maxDigits)
    {
        var parts = body.Split('-');
        if (parts[0].Length != 4 || !AttackIds.Digits(parts[0]))
            return false;
        return minDigits == 2
            ? parts.Length == 3 && parts[1].Length == 2 && AttackIds.Digits(parts[1]) && parts[2].Length == 3 && AttackIds.Digits(parts[2])
            : parts.Length == 2 && parts[1].Length >= minDigits && parts[1].Length <= maxDigits && AttackIds.Digits(parts[1]);
    }

    private static (AttackTagKind Kind, string Noun)? ObjectKind(string upper)
    {
        var letters = upper.AsSpan().IndexOfAnyInRange('0', '9');
        if (letters <= 0 || upper.Length - letters != 4 || !AttackIds.Digits(upper.AsSpan(letters)))
            return null;
        return upper[..letters] switch
        {
            "G" => (AttackTagKind.Group, "group"),
            "S" => (AttackTagKind.Software, "software"),
            "DS" => (AttackTagKind.DataSource, "data source"),
            "M" => (AttackTagKind.Mitigation, "mitigation"),
            "C" => (AttackTagKind.Campaign, "campaign"),
            _ => null,
        };
    }

    private static string Ids(IEnumerable<AttackTechnique> techniques) => string.Join(", ", techniques.Select(t => t.Id));

    private static AttackTag Unknown(string tag, string? id, string note) =>
        new(tag, AttackTagKind.Unknown, id, null, [], false, false, false, false, note);
}
