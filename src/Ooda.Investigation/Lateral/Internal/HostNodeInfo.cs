namespace Ooda.Investigation.Lateral.Internal;

/// <summary>A host while the graph is built: its name, whether it resolved, and the addresses and names the evidence used for it.</summary>
internal sealed class HostNodeInfo(string name, bool resolved)
{
    public string Name { get; } = name;

    public bool Resolved { get; } = resolved;

    public HashSet<string> Aliases { get; } = new(StringComparer.OrdinalIgnoreCase);
}
