namespace Ooda.Formats.Evtx.Internal;

/// <summary>The content of an element or attribute: tree nodes, or template nodes resolved against a record's values.</summary>
internal readonly struct ContentView
{
    private readonly IReadOnlyList<EvtxNode>? _nodes;
    private readonly TemplateNode[]? _template;
    private readonly SubstitutionValues? _values;

    /// <summary>For the content of one copy of a repeated element: 1 + the slot whose array item this copy shows, else 0.</summary>
    private readonly int _slot;
    private readonly int _item;

    public ContentView(IReadOnlyList<EvtxNode> nodes) => _nodes = nodes;

    public ContentView(TemplateNode[] template, SubstitutionValues values, int slot = 0, int item = 0)
    {
        _template = template;
        _values = values;
        _slot = slot;
        _item = item;
    }

    /// <summary>Slots, including substitutions that resolve to nothing (<see cref="NodeKind.None"/>).</summary>
    public int Length => _template is null ? _nodes?.Count ?? 0 : _values!.HasMulti ? ExpandedLength() : _template.Length;

    public NodeView this[int index] =>
        _template is null ? NodeView.Of(_nodes![index]) : _values!.HasMulti ? Expanded(index) : NodeView.Of(_template[index], _values);

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

    private int ExpandedLength()
    {
        var length = 0;
        foreach (var node in _template!)
            length += node.Kind == TemplateNodeKind.Element ? _values!.Copies(node.Element!) : 1;
        return length;
    }

    /// <summary>The node at an index once elements holding arrays are repeated per item, as the tree does.</summary>
    private NodeView Expanded(int index)
    {
        foreach (var node in _template!)
        {
            if (node.Kind == TemplateNodeKind.Element && _values!.Expansion(node.Element!) is >= 0 and var slot)
            {
                var copies = _values.ItemCount(slot);
                if (index < copies)
                    return NodeView.OfCopy(node.Element!, _values, slot, index);
                index -= copies;
                continue;
            }

            if (index-- > 0)
                continue;
            return _slot > 0 && node.Kind == TemplateNodeKind.Substitution && node.SubstitutionId == _slot - 1
                ? NodeView.OfItem(_values!, _slot - 1, _item)
                : NodeView.Of(node, _values!);
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }
}
