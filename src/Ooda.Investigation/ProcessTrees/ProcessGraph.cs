using Ooda.Investigation.ProcessTrees.Internal;

namespace Ooda.Investigation.ProcessTrees;

/// <summary>
/// Every process of one host in a window, joined to its parent: a forest (cycles in hostile data are cut), nodes ordered
/// by start time. Choose and cut a part of it to show with <see cref="Select"/>.
/// </summary>
public sealed class ProcessGraph
{
    private readonly IReadOnlyList<ProcessNode>[] _children;

    internal ProcessGraph(string tenant, string host, DateTime? from, DateTime? to, IReadOnlyList<ProcessNode> nodes,
        IReadOnlyList<ProcessNode>[] children, IReadOnlyList<string> diagnostics)
    {
        Tenant = tenant;
        Host = host;
        From = from;
        To = to;
        Nodes = nodes;
        _children = children;
        Roots = [.. nodes.Where(n => n.ParentId is null)];
        Diagnostics = diagnostics;
    }

    public string Tenant { get; }

    public string Host { get; }

    public DateTime? From { get; }

    public DateTime? To { get; }

    /// <summary>All processes, by start time (inferred ones, which have none, first); a node's index is its <see cref="ProcessNode.Id"/>.</summary>
    public IReadOnlyList<ProcessNode> Nodes { get; }

    /// <summary>Processes without a parent, by start time.</summary>
    public IReadOnlyList<ProcessNode> Roots { get; }

    /// <summary>What assembling noticed: cycles cut, a window cut short, exits that match no known start.</summary>
    public IReadOnlyList<string> Diagnostics { get; }

    /// <summary>A node's children, by start time.</summary>
    public IReadOnlyList<ProcessNode> ChildrenOf(ProcessNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return _children[node.Id];
    }

    public ProcessNode? ParentOf(ProcessNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ParentId is { } parent ? Nodes[parent] : null;
    }

    /// <summary>The processes <paramref name="selection"/> names as roots with their descendants, cut to <paramref name="limits"/>.</summary>
    public ProcessTree Select(ProcessSelection selection, ProcessTreeLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(selection);
        limits ??= ProcessTreeLimits.Default;
        selection.Validate();
        limits.Validate();
        return TreeSelector.Select(this, selection, limits);
    }
}
