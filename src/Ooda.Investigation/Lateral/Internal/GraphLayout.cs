namespace Ooda.Investigation.Lateral.Internal;

/// <summary>
/// A deterministic column layout: the seed hosts in one column, each host reached from them one column further per hop, hosts
/// that only lead into them to the left; within a column, seeds first, then reached hosts, then by name.
/// </summary>
internal sealed class GraphLayout
{
    private readonly Dictionary<string, (int Column, int Row)> _cells = new(StringComparer.OrdinalIgnoreCase);

    public GraphLayout(IReadOnlyList<LateralNode> nodes, IReadOnlyList<LateralEdge> edges, IReadOnlyList<string> seeds)
    {
        var names = nodes.Select(n => n.Name).ToList();
        var outgoing = edges.GroupBy(e => e.Source, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Target).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList(), StringComparer.OrdinalIgnoreCase);
        var distance = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        Spread(seeds.Where(s => names.Contains(s, StringComparer.OrdinalIgnoreCase)), 0, outgoing, distance);

        // Hosts that lead into the laid-out part go one column left of their nearest target; hosts it leads to, one right of their source.
        var incoming = edges.GroupBy(e => e.Target, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Source).ToList(), StringComparer.OrdinalIgnoreCase);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var name in names.Where(n => !distance.ContainsKey(n)).Order(StringComparer.OrdinalIgnoreCase))
            {
                var targets = outgoing.GetValueOrDefault(name)?.Where(distance.ContainsKey).Select(t => distance[t]).ToList();
                var sources = incoming.GetValueOrDefault(name)?.Where(distance.ContainsKey).Select(t => distance[t]).ToList();
                if (targets is { Count: > 0 })
                    distance[name] = targets.Min() - 1;
                else if (sources is { Count: > 0 })
                    distance[name] = sources.Min() + 1;
                else
                    continue;
                changed = true;
            }
        }

        // Whatever is left is not connected to the seeds: lay it out from its own sources.
        var rest = names.Where(n => !distance.ContainsKey(n)).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var hasIncoming = edges.Where(e => rest.Contains(e.Source, StringComparer.OrdinalIgnoreCase)).Select(e => e.Target).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Spread(rest.Where(n => !hasIncoming.Contains(n)), 0, outgoing, distance);
        foreach (var name in rest.Where(n => !distance.ContainsKey(n)))
            Spread([name], 0, outgoing, distance);

        var shift = distance.Count == 0 ? 0 : distance.Values.Min();
        var byNode = nodes.ToDictionary(n => n.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var column in distance.Where(d => byNode.ContainsKey(d.Key)).GroupBy(d => d.Value - shift).OrderBy(g => g.Key))
        {
            var ordered = column.Select(d => byNode[d.Key])
                .OrderByDescending(n => n.InScope).ThenByDescending(n => n.Reached).ThenBy(n => n.Name, StringComparer.OrdinalIgnoreCase);
            var row = 0;
            foreach (var node in ordered)
                _cells[node.Name] = (column.Key, row++);
        }

        Columns = _cells.Count == 0 ? 0 : _cells.Values.Max(c => c.Column) + 1;
        Rows = _cells.Count == 0 ? 0 : _cells.Values.GroupBy(c => c.Column).Max(g => g.Count());
    }

    public int Columns { get; }

    public int Rows { get; }

    public (int Column, int Row) Cell(string node) => _cells[node];

    private static void Spread(IEnumerable<string> starts, int at, Dictionary<string, List<string>> outgoing, Dictionary<string, int> distance)
    {
        var frontier = starts.Where(s => !distance.ContainsKey(s)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var start in frontier)
            distance[start] = at;
        while (frontier.Count > 0)
        {
            var next = new List<string>();
            foreach (var node in frontier)
            {
                foreach (var target in outgoing.GetValueOrDefault(node) ?? [])
                {
                    if (distance.TryAdd(target, distance[node] + 1))
                        next.Add(target);
                }
            }

            frontier = next;
        }
    }
}
