namespace Ooda.Investigation.ProcessTrees;

/// <summary>A shown process, its shown children, and what was cut below it by the limits.</summary>
public sealed record ProcessTreeNode
{
    public required ProcessNode Process { get; init; }

    /// <summary>Shown children, by start time.</summary>
    public IReadOnlyList<ProcessTreeNode> Children { get; init; } = [];

    /// <summary>Children not shown (limits), each with its whole subtree counted in <see cref="HiddenProcesses"/>.</summary>
    public int HiddenChildren { get; init; }

    /// <summary>Processes below this one not shown: the "… N more".</summary>
    public int HiddenProcesses { get; init; }

    /// <summary>For a root: its ancestors, outermost first (at most <see cref="ProcessTree.MaxAncestors"/>); empty below roots.</summary>
    public IReadOnlyList<ProcessNode> Ancestors { get; init; } = [];

    /// <summary>For a root: true when it has more ancestors than <see cref="Ancestors"/> lists.</summary>
    public bool MoreAncestors { get; init; }
}
