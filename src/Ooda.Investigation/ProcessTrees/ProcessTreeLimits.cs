namespace Ooda.Investigation.ProcessTrees;

/// <summary>
/// How much of a tree is shown: levels below each root and processes in all. What is cut is counted and shown as
/// "… N more", so a fork bomb in the evidence never floods the output.
/// </summary>
public sealed record ProcessTreeLimits
{
    /// <summary>Nesting beyond this would overrun renderers' recursion (JSON writers, terminal trees) for no reader's benefit.</summary>
    public const int MaxDepthAllowed = 256;

    public const int MaxNodesAllowed = 100_000;

    public static ProcessTreeLimits Default { get; } = new();

    /// <summary>Levels shown below a root (a root's children are level 1).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Processes shown in all, roots included; the levels nearest the roots are filled first.</summary>
    public int MaxNodes { get; init; } = 500;

    /// <summary>Throws when a limit is below 1 or above what renderers can take.</summary>
    public void Validate()
    {
        if (MaxDepth is < 1 or > MaxDepthAllowed)
            throw new ArgumentOutOfRangeException(nameof(MaxDepth), MaxDepth, $"the depth limit must be 1 to {MaxDepthAllowed}");
        if (MaxNodes is < 1 or > MaxNodesAllowed)
            throw new ArgumentOutOfRangeException(nameof(MaxNodes), MaxNodes, $"the node limit must be 1 to {MaxNodesAllowed}");
    }
}
