namespace Ooda.Investigation.Lateral;

/// <summary>
/// The lateral-movement graph of one tenant: hosts, edges (suspicious and routine, each with its reasons), the hosts the attacker
/// reached (proposed for the case's scope) and execution artefacts no logon could be tied to.
/// </summary>
public sealed record LateralGraph(
    string Tenant,
    DateTime? From,
    DateTime? To,
    IReadOnlyList<string> SeedHosts,
    IReadOnlyList<LateralNode> Nodes,
    IReadOnlyList<LateralEdge> Edges,
    IReadOnlyList<LateralReach> Reached,
    IReadOnlyList<LateralEvidence> UnattributedArtefacts)
{
    /// <summary>Edges hidden by <see cref="WithoutRoutine"/>.</summary>
    public int RoutineEdgeCount => Edges.Count(e => !e.Suspicious);

    /// <summary>The graph as shown by default: suspicious edges only, and the hosts they touch plus the seed hosts.</summary>
    public LateralGraph WithoutRoutine()
    {
        var edges = Edges.Where(e => e.Suspicious).ToList();
        var touched = new HashSet<string>(edges.SelectMany(e => new[] { e.Source, e.Target }), StringComparer.OrdinalIgnoreCase);
        return this with { Edges = edges, Nodes = [.. Nodes.Where(n => n.InScope || n.Reached || touched.Contains(n.Name))] };
    }
}
