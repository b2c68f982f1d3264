using Ooda.Store;

namespace Ooda.Investigation.ProcessTrees.Internal;

/// <summary>
/// Chooses the roots a selection names and fills the node budget breadth-first, so the levels nearest the roots are
/// shown whole before deeper ones; what does not fit is counted where it was cut. Iterative throughout.
/// </summary>
internal static class TreeSelector
{
    public static ProcessTree Select(ProcessGraph graph, ProcessSelection selection, ProcessTreeLimits limits)
    {
        var nodes = graph.Nodes;
        var order = BreadthFirst(graph);
        var size = SubtreeSizes(graph, order);
        var roots = Roots(graph, selection, order);

        var shown = new bool[nodes.Count];
        var hiddenChildren = new int[nodes.Count];
        var hiddenProcesses = new int[nodes.Count];
        var queue = new Queue<(int Id, int Depth)>();
        var shownOrder = new List<int>();
        int hiddenRoots = 0, hidden = 0;
        foreach (var root in roots)
        {
            if (queue.Count < limits.MaxNodes)
            {
                queue.Enqueue((root, 0));
            }
            else
            {
                hiddenRoots++;
                hidden += size[root];
            }
        }

        while (queue.TryDequeue(out var item))
        {
            shown[item.Id] = true;
            shownOrder.Add(item.Id);
            var children = graph.ChildrenOf(nodes[item.Id]);
            // Every queued node will be shown, so the queue never holds more than the budget left.
            var room = item.Depth < limits.MaxDepth ? limits.MaxNodes - shownOrder.Count - queue.Count : 0;
            foreach (var child in children)
            {
                if (room > 0)
                {
                    queue.Enqueue((child.Id, item.Depth + 1));
                    room--;
                }
                else
                {
                    hiddenChildren[item.Id]++;
                    hiddenProcesses[item.Id] += size[child.Id];
                    hidden += size[child.Id];
                }
            }
        }

        // Built leaves first: every shown node's shown children come later in breadth-first order.
        var built = new Dictionary<int, ProcessTreeNode>(shownOrder.Count);
        for (var k = shownOrder.Count - 1; k >= 0; k--)
        {
            var id = shownOrder[k];
            var children = graph.ChildrenOf(nodes[id]);
            var shownChildren = new List<ProcessTreeNode>();
            foreach (var child in children)
            {
                if (shown[child.Id])
                    shownChildren.Add(built[child.Id]);
            }

            built[id] = new ProcessTreeNode
            {
                Process = nodes[id],
                Children = shownChildren,
                HiddenChildren = hiddenChildren[id],
                HiddenProcesses = hiddenProcesses[id],
            };
        }

        var shownRoots = new List<ProcessTreeNode>();
        foreach (var root in roots)
        {
            if (!shown[root])
                continue;
            var (ancestors, more) = Ancestors(graph, nodes[root]);
            shownRoots.Add(built[root] with { Ancestors = ancestors, MoreAncestors = more });
        }

        return new ProcessTree
        {
            Tenant = graph.Tenant,
            Host = graph.Host,
            From = graph.From,
            To = graph.To,
            Selection = selection,
            Limits = limits,
            Roots = shownRoots,
            Processes = nodes.Count,
            Matched = roots.Count,
            Shown = shownOrder.Count,
            Hidden = hidden,
            HiddenRoots = hiddenRoots,
            Diagnostics = graph.Diagnostics,
        };
    }

    /// <summary>Every node, parents before children (the graph is a forest once cycles are cut).</summary>
    private static List<int> BreadthFirst(ProcessGraph graph)
    {
        var order = new List<int>(graph.Nodes.Count);
        foreach (var root in graph.Roots)
            order.Add(root.Id);
        for (var k = 0; k < order.Count; k++)
        {
            foreach (var child in graph.ChildrenOf(graph.Nodes[order[k]]))
                order.Add(child.Id);
        }

        return order;
    }

    private static int[] SubtreeSizes(ProcessGraph graph, List<int> order)
    {
        var size = new int[graph.Nodes.Count];
        for (var k = order.Count - 1; k >= 0; k--)
        {
            var node = graph.Nodes[order[k]];
            size[node.Id]++;
            if (node.ParentId is { } parent)
                size[parent] += size[node.Id];
        }

        return size;
    }

    /// <summary>The matching nodes that have no matching ancestor (those nested inside another match are shown within it), by start.</summary>
    private static List<int> Roots(ProcessGraph graph, ProcessSelection selection, List<int> order)
    {
        if (selection.IsAll)
            return [.. graph.Roots.Select(r => r.Id)];

        var match = new bool[graph.Nodes.Count];
        if (selection.RootImage is { } image)
        {
            foreach (var node in graph.Nodes)
                match[node.Id] = ImagePaths.Matches(node.Image, image);
        }
        else if (selection.Guid is { } guid)
        {
            var wanted = Workspace.NormalGuid(guid);
            foreach (var node in graph.Nodes)
                match[node.Id] = string.Equals(node.Guid, wanted, StringComparison.Ordinal);
        }
        else if (selection.Pid is { } pid)
        {
            var holders = graph.Nodes.Where(n => n.Pid == pid).ToList();
            if (selection.At is { } at)
            {
                // The process holding the id at that time: started by then (inferred ones at an unknown earlier time) and not yet ended.
                var holder = holders.Where(n => (n.Start is null || n.Start <= at) && (n.End is null || n.End >= at))
                    .OrderByDescending(n => n.Start ?? DateTime.MinValue).FirstOrDefault();
                holders = holder is null ? [] : [holder];
            }

            foreach (var node in holders)
                match[node.Id] = true;
        }

        var coveredBelow = new bool[graph.Nodes.Count];
        var roots = new List<int>();
        foreach (var id in order)
        {
            var node = graph.Nodes[id];
            if (node.ParentId is { } parent)
                coveredBelow[id] = coveredBelow[parent] || match[parent];
            if (match[id] && !coveredBelow[id])
                roots.Add(id);
        }

        roots.Sort();
        return roots;
    }

    private static (IReadOnlyList<ProcessNode> Ancestors, bool More) Ancestors(ProcessGraph graph, ProcessNode root)
    {
        var chain = new List<ProcessNode>();
        var current = graph.ParentOf(root);
        while (current is not null && chain.Count < ProcessTree.MaxAncestors)
        {
            chain.Add(current);
            current = graph.ParentOf(current);
        }

        chain.Reverse();
        return (chain, current is not null);
    }
}
