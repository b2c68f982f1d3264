using System.Globalization;

namespace Ooda.Investigation.Lateral.Internal;

/// <summary>
/// Judges edges by their evidence — execution artefacts, NTLM against a Kerberos norm, how rare the pair is, whether the source is
/// compromised — and follows suspicious edges from the seed hosts to the hosts the attacker reached. Reach and judgement depend on
/// each other (a reached host's edges are judged as in scope), so both repeat until no new host is reached.
/// </summary>
internal sealed class EdgeClassifier(
    LateralGraphOptions options,
    AuthenticationNorms norms,
    Func<EdgeKey, int> baselineDays,
    Func<EdgeKey, long> baselineEvents)
{
    private readonly Dictionary<string, int> _hops = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Suspicious edges from the nearest seed host, for the seeds (0) and every reached host.</summary>
    public IReadOnlyDictionary<string, int> Hops => _hops;

    public (IReadOnlyList<LateralEdge> Edges, IReadOnlyList<LateralReach> Reached) Classify(IReadOnlyList<EdgeAccumulator> edges, IReadOnlyList<string> seeds)
    {
        var seedSet = seeds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var compromised = new HashSet<string>(seedSet, StringComparer.OrdinalIgnoreCase);
        List<LateralEdge> judged;
        while (true)
        {
            judged = [.. edges.Select(e => Judge(e, compromised, seedSet))];
            var newlyReached = judged.Where(e => e.Suspicious && compromised.Contains(e.Source) && !compromised.Contains(e.Target)).Select(e => e.Target).ToList();
            if (newlyReached.Count == 0)
                break;
            compromised.UnionWith(newlyReached);
        }

        judged.Sort((a, b) =>
        {
            var order = string.Compare(a.Source, b.Source, StringComparison.OrdinalIgnoreCase);
            if (order == 0)
                order = a.First.CompareTo(b.First);
            if (order == 0)
                order = string.Compare(a.Target, b.Target, StringComparison.OrdinalIgnoreCase);
            return order != 0 ? order : string.Compare(a.Account, b.Account, StringComparison.OrdinalIgnoreCase);
        });
        return (judged, Reach(judged, seedSet));
    }

    /// <summary>Breadth-first over suspicious edges from the seeds, earliest edge first among equals.</summary>
    private List<LateralReach> Reach(List<LateralEdge> edges, HashSet<string> seeds)
    {
        _hops.Clear();
        foreach (var seed in seeds)
            _hops[seed] = 0;
        var reached = new List<LateralReach>();
        var frontier = seeds.ToList();
        for (var hop = 1; frontier.Count > 0; hop++)
        {
            var next = new List<string>();
            var outgoing = edges
                .Where(e => e.Suspicious && frontier.Contains(e.Source, StringComparer.OrdinalIgnoreCase) && !_hops.ContainsKey(e.Target))
                .OrderBy(e => e.First).ThenBy(e => e.Target, StringComparer.OrdinalIgnoreCase);
            foreach (var edge in outgoing)
            {
                if (_hops.ContainsKey(edge.Target))
                    continue;
                _hops[edge.Target] = hop;
                next.Add(edge.Target);
                reached.Add(new LateralReach(edge.Target, hop, edge.Source, edge.Account, edge.Techniques, edge.First,
                    edge.Reasons.First(r => r.Suspicious).Text));
            }

            frontier = next;
        }

        return reached;
    }

    private LateralEdge Judge(EdgeAccumulator edge, HashSet<string> compromised, HashSet<string> seeds)
    {
        var reasons = new List<LateralReason>();
        var days = Math.Max(1, baselineDays(edge.Key));
        var events = Math.Max(edge.Count, baselineEvents(edge.Key));
        var source = edge.Source.Name;
        var target = edge.Target.Name;
        var user = EvidenceSummaries.UserOf(edge.Account);

        foreach (var execution in edge.Executions)
            reasons.Add(new LateralReason(LateralReasons.Execution, true, execution));
        if (edge.NtlmLogons > 0)
        {
            var (kerberos, ntlm) = norms.ForAccount(target, user);
            var (pairKerberos, pairNtlm) = norms.ForPair(source, target);
            if (kerberos > ntlm)
                reasons.Add(new LateralReason(LateralReasons.Ntlm, true,
                    $"NTLM, while {user} otherwise authenticates to {target} with Kerberos ({Count(kerberos)} Kerberos, {Count(ntlm)} NTLM network logons in the store)"));
            else if (pairKerberos > pairNtlm)
                reasons.Add(new LateralReason(LateralReasons.Ntlm, true,
                    $"NTLM, while {source} otherwise authenticates to {target} with Kerberos ({Count(pairKerberos)} Kerberos, {Count(pairNtlm)} NTLM network logons in the store)"));
        }

        if (days < options.RareBelowDays)
            reasons.Add(new LateralReason(LateralReasons.Rare, true,
                $"rare: {source} → {target} as {user} appears on {Days(days)} in the store (routine pairs appear on {Days(options.RareBelowDays)} or more)"));
        if (compromised.Contains(source))
        {
            var role = seeds.Contains(source) ? "in the case's scope" : "reached by the attacker";
            reasons.Add(days < options.ScopeRoutineDays
                ? new LateralReason(LateralReasons.FromScope, true, $"from {source}, {role}, on {Days(days)} only (fewer than {Days(options.ScopeRoutineDays)})")
                : new LateralReason(LateralReasons.FromScope, false, $"from {source}, {role}, but an established pair seen on {Days(days)}"));
        }

        if (days >= options.RareBelowDays)
            reasons.Add(new LateralReason(LateralReasons.Frequent, false, $"seen on {Days(days)} in the store ({Count(events)} events)"));
        if (edge.Artefacts.Count == 0)
            reasons.Add(new LateralReason(LateralReasons.NoArtefacts, false, "no execution artefacts (service installs, WMI or WinRM processes)"));
        if (edge.LogonTypes.Contains(10) && days >= options.RareBelowDays)
            reasons.Add(new LateralReason(LateralReasons.Interactive, false, $"interactive (RDP) logons, established on {Days(days)}"));

        var evidence = edge.Artefacts
            .Concat(edge.Evidence.OrderBy(e => e.Time).ThenBy(e => e.RecordId).Take(options.EvidencePerEdge))
            .OrderBy(e => e.Time).ThenBy(e => e.Host, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.RecordId)
            .ToList();
        return new LateralEdge(source, target, edge.Account, [.. edge.Techniques], edge.First!.Value, edge.Last!.Value, edge.Count, days,
            reasons.Any(r => r.Suspicious), reasons, [.. edge.Tools], evidence);
    }

    private static string Days(int days) => days == 1 ? "1 day" : days.ToString(CultureInfo.InvariantCulture) + " days";

    private static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
