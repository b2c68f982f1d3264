namespace Ooda.Investigation.ProcessTrees;

/// <summary>A forest of processes chosen from a <see cref="ProcessGraph"/> and cut to limits, ready to render.</summary>
public sealed record ProcessTree
{
    /// <summary>Ancestors listed above each root, nearest last.</summary>
    public const int MaxAncestors = 16;

    public required string Tenant { get; init; }

    public required string Host { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    public required ProcessSelection Selection { get; init; }

    public required ProcessTreeLimits Limits { get; init; }

    public IReadOnlyList<ProcessTreeNode> Roots { get; init; } = [];

    /// <summary>Processes in the graph the tree was chosen from.</summary>
    public int Processes { get; init; }

    /// <summary>Processes the selection made roots (those nested under another match are shown inside it).</summary>
    public int Matched { get; init; }

    /// <summary>Processes shown.</summary>
    public int Shown { get; init; }

    /// <summary>Processes in the selected subtrees that the limits cut (below shown nodes or as whole roots).</summary>
    public int Hidden { get; init; }

    /// <summary>Matched roots not shown at all because the node limit was reached.</summary>
    public int HiddenRoots { get; init; }

    /// <summary>What the graph noticed: cut cycles, a window cut short, exits that match no start.</summary>
    public IReadOnlyList<string> Diagnostics { get; init; } = [];
}
