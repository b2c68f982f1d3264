namespace Ooda.Investigation.Lateral;

/// <summary>A host in the graph.</summary>
/// <param name="Name">The inventory or collection name when resolved; otherwise the address (or workstation name) seen in the evidence.</param>
/// <param name="Resolved">False when no inventory or collected host has this address or name.</param>
/// <param name="InScope">One of the request's seed hosts.</param>
/// <param name="Reached">Reached by the attacker: the target of a suspicious edge from an in-scope or reached host.</param>
/// <param name="Hop">Suspicious edges from the nearest seed host (0 for a seed); null when not reached.</param>
/// <param name="Aliases">Other addresses and names the evidence used for this host.</param>
public sealed record LateralNode(string Name, bool Resolved, bool InScope, bool Reached, int? Hop, IReadOnlyList<string> Aliases);
