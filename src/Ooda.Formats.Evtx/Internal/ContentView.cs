namespace Ooda.Formats.Evtx.Internal;

/// <summary>The content of an element or attribute: tree nodes, or template nodes resolved against a record's values.</summary>
internal readonly struct ContentView
{
    private readonly IReadOnlyList<EvtxNode>? _nodes;
    private readonly TemplateNode[]? _template;
    private readonly SubstitutionValues? _values;

    public ContentView(IReadOnlyList<EvtxNode> nodes) => _nodes = nodes;

    public ContentView(TemplateNode[] template, SubstitutionValues values)
    {
        _template = template;
        _values = values;
    }

    /// <summary>Slots, including substitutions that resolve to nothing (<see cref="NodeKind.None"/>).</summary>
    public int Length => _template?.Length ?? _nodes?.Count ?? 0;

    public NodeView this[int index] => _template is not null ? NodeView.Of(_template[index], _values!) : NodeView.Of(_nodes![index]);

    /// <summary>The only node that is not <see cref="NodeKind.None"/>, when there is exactly one.</summary>
    public bool TryGetSingle(out NodeView single)
    {
        single = default;
        var found = false;
        for (var i = 0; i < Length; i++)
        {
            var node = this[i];
            if (node.Kind == NodeKind.None)
                continue;
            if (found)
            {
                single = default;
                return false;
            }

            single = node;
            found = true;
        }

        return found;
    }
}
