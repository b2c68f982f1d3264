using Ooda.Core;
using Ooda.Detection.Runbooks;
using Ooda.Investigation.Cases;
using Ooda.Knowledge.Attack;
using Ooda.Store;

namespace Ooda.Engine.Cases;

/// <summary>Builds the ATT&amp;CK view of a case from its findings' techniques and the runbooks those findings came from.</summary>
public static class CaseAttackService
{
    /// <summary>The view of a stored case: its linked findings, with the runbooks in <paramref name="runbooks"/> (built-ins when null).</summary>
    public static CaseAttackView ForCase(Workspace workspace, StoredCase @case, RunbookLibrary? runbooks = null, AttackCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(@case);
        return Build(CaseService.FindingsOf(workspace, @case), runbooks ?? RunbookLibrary.Load([]), catalogue);
    }

    /// <summary>
    /// The view of a set of findings. Each finding's techniques are resolved through the catalogue (revoked ids to their
    /// replacement, ATT&amp;CK v19 ids through the crosswalk); a finding without techniques takes its runbook hunt's.
    /// </summary>
    public static CaseAttackView Build(IEnumerable<Finding> findings, RunbookLibrary? runbooks = null, AttackCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        catalogue ??= AttackCatalogue.Embedded;
        var all = findings.DistinctBy(f => f.Id, StringComparer.Ordinal).ToList();
        var seen = new Dictionary<string, Sighting>(StringComparer.OrdinalIgnoreCase);
        var unplaced = new Dictionary<string, (string Note, List<CaseAttackEvidence> Evidence)>(StringComparer.OrdinalIgnoreCase);
        var sources = new Dictionary<string, Runbook>(StringComparer.Ordinal);
        foreach (var f in all)
        {
            var found = RunbooksOf(f, runbooks);
            foreach (var (runbook, _) in found)
                sources.TryAdd(runbook.Reference, runbook);
            var tags = f.Techniques;
            var fromRunbook = false;
            if (tags.Count == 0 && found.SelectMany(s => s.Runbook.Hunts.Where(h => h.Id == s.Source.HuntId)).SelectMany(h => h.Techniques).ToList() is { Count: > 0 } hunted)
            {
                tags = hunted;
                fromRunbook = true;
            }

            foreach (var tag in tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var evidence = Evidence(f, tag, fromRunbook);
                var resolved = catalogue.Resolve(tag);
                if (resolved.Kind == AttackTagKind.Technique && resolved.Techniques.Count > 0 && resolved.Techniques[0].Tactics.Count > 0)
                {
                    var technique = resolved.Techniques[0];
                    if (!seen.TryGetValue(technique.Id, out var sighting))
                        seen[technique.Id] = sighting = new Sighting(technique);
                    sighting.Evidence.Add(evidence);
                    if (resolved.Note is { } note)
                        sighting.Notes.Add(note);
                    continue;
                }

                var key = resolved.Tag;
                if (!unplaced.TryGetValue(key, out var entry))
                    unplaced[key] = entry = (resolved.Note ?? Unplaceable(resolved), []);
                entry.Evidence.Add(evidence);
            }
        }

        var ttps = sources.Values.OrderBy(r => r.Reference, StringComparer.Ordinal)
            .SelectMany(r => r.Ttps.Select(t => (Runbook: r.Reference, Ttp: t, Technique: Current(catalogue, t.Technique))))
            .ToList();
        var nodes = Nodes(catalogue, seen, ttps);
        var tactics = catalogue.Tactics
            .Select(tactic => Column(tactic, nodes.Where(n => n.Technique.Tactics.Any(t => t.ShortName == tactic.ShortName))))
            .Where(c => c.Techniques.Count > 0)
            .ToList();
        var times = all.Select(Time).OfType<DateTime>().ToList();
        return new CaseAttackView(
            tactics,
            [.. unplaced.OrderBy(u => u.Key, StringComparer.OrdinalIgnoreCase).Select(u => new CaseAttackUnplaced(u.Key, u.Value.Note, Ordered(u.Value.Evidence)))],
            Expected(catalogue, seen, ttps),
            all.Count,
            times.Count > 0 ? times.Min() : null,
            times.Count > 0 ? times.Max() : null,
            catalogue.Release,
            catalogue.Copyright);
    }

    /// <summary>Top-level techniques with their observed sub-techniques; a parent seen only through a sub-technique is added unobserved.</summary>
    private static List<CaseAttackTechnique> Nodes(AttackCatalogue catalogue, Dictionary<string, Sighting> seen, List<(string Runbook, RunbookTtp Ttp, AttackTechnique? Technique)> ttps)
    {
        var byParent = new Dictionary<string, (AttackTechnique Technique, List<Sighting> Subs)>(StringComparer.OrdinalIgnoreCase);
        foreach (var sighting in seen.Values)
        {
            var technique = sighting.Technique;
            var parent = technique.IsSubtechnique && technique.ParentId is { } parentId && catalogue.TryGetTechnique(parentId, out var p) ? p : null;
            var top = parent ?? technique;
            if (!byParent.TryGetValue(top.Id, out var group))
                byParent[top.Id] = group = (top, []);
            if (parent is not null)
                group.Subs.Add(sighting);
        }

        return [.. byParent.Values.Select(group =>
        {
            var subs = Ordered(group.Subs.Select(s => Node(s.Technique, s.Evidence, [], s.Notes, ttps)));
            var own = seen.TryGetValue(group.Technique.Id, out var direct) ? direct : null;
            return Node(group.Technique, own?.Evidence ?? [], subs, own?.Notes ?? [], ttps);
        })];
    }

    private static CaseAttackTechnique Node(AttackTechnique technique, IEnumerable<CaseAttackEvidence> evidence, IReadOnlyList<CaseAttackTechnique> subs,
        IEnumerable<string> notes, List<(string Runbook, RunbookTtp Ttp, AttackTechnique? Technique)> ttps)
    {
        var own = Ordered(evidence);
        var times = own.Select(e => e.Timestamp).Concat(subs.SelectMany(s => new[] { s.FirstSeen, s.LastSeen })).OfType<DateTime>().ToList();
        var hosts = own.Select(e => e.Host).Concat(subs.SelectMany(s => s.Hosts)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var runbookNotes = ttps.Where(t => t.Technique?.Id == technique.Id && !string.IsNullOrWhiteSpace(t.Ttp.Note))
            .Select(t => $"{t.Runbook}: {t.Ttp.Note}").Distinct(StringComparer.Ordinal).ToList();
        return new CaseAttackTechnique(technique, own, subs, times.Count > 0 ? times.Min() : null, times.Count > 0 ? times.Max() : null, hosts,
            [.. notes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], runbookNotes);
    }

    private static CaseAttackTactic Column(AttackTactic tactic, IEnumerable<CaseAttackTechnique> techniques)
    {
        var ordered = Ordered(techniques);
        var times = ordered.SelectMany(t => new[] { t.FirstSeen, t.LastSeen }).OfType<DateTime>().ToList();
        return new CaseAttackTactic(tactic, ordered, times.Count > 0 ? times.Min() : null, times.Count > 0 ? times.Max() : null,
            [.. ordered.SelectMany(t => t.Hosts).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>Runbook techniques no finding evidences, neither directly nor through a sub-technique, in kill-chain order.</summary>
    private static List<CaseAttackExpected> Expected(AttackCatalogue catalogue, Dictionary<string, Sighting> seen, List<(string Runbook, RunbookTtp Ttp, AttackTechnique? Technique)> ttps)
    {
        bool Observed(AttackTechnique t) => seen.ContainsKey(t.Id) || seen.Values.Any(s => string.Equals(s.Technique.ParentId, t.Id, StringComparison.OrdinalIgnoreCase));
        return [.. ttps.Where(t => t.Technique is null || !Observed(t.Technique))
            .GroupBy(t => t.Technique?.Id ?? t.Ttp.Technique.Trim().ToUpperInvariant(), StringComparer.OrdinalIgnoreCase)
            .Select(g => new CaseAttackExpected(
                g.First().Ttp.Technique.Trim(),
                g.First().Technique,
                [.. g.Select(t => t.Runbook).Distinct(StringComparer.Ordinal)],
                [.. g.Where(t => !string.IsNullOrWhiteSpace(t.Ttp.Note)).Select(t => $"{t.Runbook}: {t.Ttp.Note}").Distinct(StringComparer.Ordinal)]))
            .OrderBy(e => e.Technique?.Tactics.Count > 0 ? e.Technique.Tactics.Min(t => t.MatrixOrder) : int.MaxValue)
            .ThenBy(e => e.Technique?.Id ?? e.Id, StringComparer.Ordinal)];
    }

    private static AttackTechnique? Current(AttackCatalogue catalogue, string id)
    {
        var resolved = catalogue.Resolve(id);
        return resolved.Kind == AttackTagKind.Technique && resolved.Techniques.Count > 0 ? resolved.Techniques[0] : null;
    }

    // A version no longer in the library falls back to the runbook's newest.
    private static List<(Runbook Runbook, FindingSource Source)> RunbooksOf(Finding f, RunbookLibrary? runbooks) =>
        runbooks is null ? [] : [.. f.Sources.Select(s => (Runbook: runbooks.Find(s.Reference) ?? runbooks.Find(s.RunbookId), Source: s))
            .Where(p => p.Runbook is not null).Select(p => (p.Runbook!, p.Source))];

    private static CaseAttackEvidence Evidence(Finding f, string tag, bool fromRunbook) => new(
        f.Id, f.Title, f.Severity, f.Tenant, f.Host, Time(f), tag,
        f.Sources.Count == 0 ? null : string.Join(", ", f.Sources.Select(s => s.Reference).Distinct(StringComparer.Ordinal)),
        f.RuleId ?? string.Join(", ", f.Sources.Select(s => s.HuntId).OfType<string>().Distinct(StringComparer.Ordinal)), fromRunbook);

    private static DateTime? Time(Finding f) => f.Timestamp == DateTime.MinValue ? null : DateTime.SpecifyKind(f.Timestamp, DateTimeKind.Utc);

    private static string Unplaceable(AttackTag tag) => tag.Kind switch
    {
        AttackTagKind.Tactic => $"a tactic ({tag.Tactic?.Name}), not a technique",
        AttackTagKind.Technique => $"{tag.Id} has no tactic in the catalogue",
        AttackTagKind.Unknown => "not an ATT&CK technique",
        _ => $"an ATT&CK {tag.Kind.ToString().ToLowerInvariant()} id, not a technique",
    };

    private static List<CaseAttackEvidence> Ordered(IEnumerable<CaseAttackEvidence> evidence) =>
        [.. evidence.DistinctBy(e => e.FindingId, StringComparer.Ordinal)
            .OrderBy(e => e.Timestamp ?? DateTime.MaxValue).ThenBy(e => e.FindingId, StringComparer.Ordinal)];

    private static List<CaseAttackTechnique> Ordered(IEnumerable<CaseAttackTechnique> techniques) =>
        [.. techniques.OrderBy(t => t.FirstSeen ?? DateTime.MaxValue).ThenBy(t => t.Technique.Id, StringComparer.Ordinal)];

    /// <summary>One technique's evidence as it is collected.</summary>
    private sealed class Sighting(AttackTechnique technique)
    {
        public AttackTechnique Technique { get; } = technique;

        public List<CaseAttackEvidence> Evidence { get; } = [];

        public HashSet<string> Notes { get; } = new(StringComparer.Ordinal);
    }
}
