namespace Ooda.Formats.Evtx.Internal;

/// <summary>
/// One content node of a record as the renderers see it: a tree node, a template element, or a substitution value,
/// so that one set of rendering rules serves trees and template instances alike.
/// </summary>
/// <remarks>Kept small (renderers make several per node): a value is read from its slot when asked for.</remarks>
internal readonly struct NodeView
{
    /// <summary>A tree or constant node (<see cref="EvtxNode"/>), a template element, or null for a substitution value.</summary>
    private readonly object? _source;
    private readonly SubstitutionValues? _values;

    /// <summary>A value's slot; for one copy of an element repeated per array item, 1 + the array's slot (else 0).</summary>
    private readonly int _slot;

    /// <summary>A value's array item + 1 (0: the whole value); for one copy of a repeated element, the item.</summary>
    private readonly int _item;

    private NodeView(NodeKind kind, bool hasContent, object? source, SubstitutionValues? values, int slot, int item)
    {
        Kind = kind;
        HasContent = hasContent;
        _source = source;
        _values = values;
        _slot = slot;
        _item = item;
    }

    public NodeKind Kind { get; }

    /// <summary>
    /// True when the node shows as content in the crate's JSON: text not blank once right-trimmed, non-empty CDATA,
    /// a non-empty value, or a character or entity reference.
    /// </summary>
    public bool HasContent { get; }

    /// <summary>The typed value of a <see cref="NodeKind.Value"/> node.</summary>
    public EvtxValue Value => _source is EvtxValueNode v ? v.Value : _item == 0 ? _values![_slot] : _values![_slot].Item(_item - 1);

    /// <summary>The characters of a text or CDATA node (ANSI substitutions are decoded on each call).</summary>
    public ReadOnlySpan<char> Text => _source switch
    {
        EvtxText t => t.Text,
        EvtxCData c => c.Text,
        _ => _source is null && _item == 0 && _values!.TryGetText(_slot, trimmed: false, out var text) ? text : Decode(Value),
    };

    /// <summary>The text without trailing white space, as the crate's JSON shows it.</summary>
    public ReadOnlySpan<char> TrimmedText =>
        _source is null && _item == 0 && _values!.TryGetText(_slot, trimmed: true, out var text) ? text : Text.TrimEnd();

    /// <summary>The text as a string, reusing the tree's string when there is one.</summary>
    public string TextString => _source switch
    {
        EvtxText t => t.Text,
        EvtxCData c => c.Text,
        _ => Value is { Type: EvtxValueType.String } value ? new string(ValueFormatter.DecodeUtf16(value.Raw.Span)) : ValueFormatter.DecodeAnsi(Value.Raw.Span),
    };

    public EvtxNode? TreeNode => _source as EvtxNode;

    public ElementView Element => _source is EvtxElement e ? new ElementView(e) : new ElementView((TemplateElement)_source!, _values!, _slot, _item);

    public static NodeView Of(EvtxNode node) => new(node.Kind, ContentOf(node), node, null, 0, 0);

    public static NodeView Of(TemplateNode node, SubstitutionValues values)
    {
        switch (node.Kind)
        {
            case TemplateNodeKind.Static:
                return new(node.StaticKind, node.StaticHasContent, node.Static, null, 0, 0);
            case TemplateNodeKind.Element:
                return new(NodeKind.Element, false, node.Element, values, 0, 0);
        }

        // The same drops as BinXmlParser.Substitute: missing, null, empty optional and empty string values vanish.
        var id = node.SubstitutionId;
        if (id >= values.Count)
            return default;
        switch (values.Kind(id, node.Optional))
        {
            case NodeKind.None:
                return default;
            case NodeKind.Element:
                var nested = values.Nested(id);
                return Of(nested.Root!, nested.Values!);
            case var kind:
                return new(kind, values.HasContent(id), null, values, id, 0);
        }
    }

    /// <summary>The copy of an element that shows one item of the array in <paramref name="slot"/>.</summary>
    public static NodeView OfCopy(TemplateElement element, SubstitutionValues values, int slot, int item) =>
        new(NodeKind.Element, false, element, values, slot + 1, item);

    /// <summary>One item of the array in a slot, as the tree puts it in its element's copy: empty strings drop out.</summary>
    public static NodeView OfItem(SubstitutionValues values, int slot, int index)
    {
        var item = values[slot].Item(index);
        return item.Type switch
        {
            EvtxValueType.String or EvtxValueType.AnsiString when item.IsEmpty => default,
            EvtxValueType.String or EvtxValueType.AnsiString => new(NodeKind.Text, !Decode(item).TrimEnd().IsEmpty, null, values, slot, index + 1),
            _ => new(NodeKind.Value, !item.IsEmpty, null, values, slot, index + 1),
        };
    }

    /// <summary>Whether a tree node shows as content (see <see cref="HasContent"/>).</summary>
    internal static bool ContentOf(EvtxNode node) => node switch
    {
        EvtxText t => !t.Text.AsSpan().TrimEnd().IsEmpty,
        EvtxCData c => c.Text.Length > 0,
        EvtxValueNode v => !v.Value.IsEmpty,
        EvtxCharRef or EvtxEntityRef => true,
        _ => false,
    };

    private static ReadOnlySpan<char> Decode(EvtxValue value) =>
        value.Type == EvtxValueType.String ? ValueFormatter.DecodeUtf16(value.Raw.Span) : ValueFormatter.DecodeAnsi(value.Raw.Span);
}
