namespace Ooda.Formats.Evtx.Internal;

/// <summary>
/// One content node of a record as the renderers see it: a tree node, a template element, or a substitution value,
/// so that one set of rendering rules serves trees and template instances alike.
/// </summary>
internal readonly struct NodeView
{
    private readonly EvtxNode? _node;
    private readonly TemplateElement? _template;
    private readonly SubstitutionValues? _values;
    private readonly EvtxValue _value;

    private NodeView(NodeKind kind, bool hasContent, EvtxNode? node, TemplateElement? template, SubstitutionValues? values, EvtxValue value)
    {
        Kind = kind;
        HasContent = hasContent;
        _node = node;
        _template = template;
        _values = values;
        _value = value;
    }

    public NodeKind Kind { get; }

    /// <summary>
    /// True when the node shows as content in the crate's JSON: text not blank once right-trimmed, non-empty CDATA,
    /// a non-empty value, or a character or entity reference.
    /// </summary>
    public bool HasContent { get; }

    /// <summary>The typed value of a <see cref="NodeKind.Value"/> node.</summary>
    public EvtxValue Value => _node is EvtxValueNode v ? v.Value : _value;

    /// <summary>The characters of a text or CDATA node (ANSI substitutions are decoded on each call).</summary>
    public ReadOnlySpan<char> Text => _node switch
    {
        EvtxText t => t.Text,
        EvtxCData c => c.Text,
        _ => _value.Type == EvtxValueType.String ? ValueFormatter.DecodeUtf16(_value.Raw.Span) : ValueFormatter.DecodeAnsi(_value.Raw.Span),
    };

    /// <summary>The text as a string, reusing the tree's string when there is one.</summary>
    public string TextString => _node switch
    {
        EvtxText t => t.Text,
        EvtxCData c => c.Text,
        _ => _value.Type == EvtxValueType.String ? new string(ValueFormatter.DecodeUtf16(_value.Raw.Span)) : ValueFormatter.DecodeAnsi(_value.Raw.Span),
    };

    public EvtxNode? TreeNode => _node;

    public ElementView Element => _node is EvtxElement e ? new ElementView(e) : new ElementView(_template!, _values!);

    public static NodeView Of(EvtxNode node) => new(node.Kind, ContentOf(node), node, null, null, default);

    public static NodeView Of(TemplateNode node, SubstitutionValues values)
    {
        switch (node.Kind)
        {
            case TemplateNodeKind.Static:
                return new(node.StaticKind, node.StaticHasContent, node.Static, null, null, default);
            case TemplateNodeKind.Element:
                return new(NodeKind.Element, false, null, node.Element, values, default);
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
                return new(kind, values.HasContent(id), null, null, null, values[id]);
        }
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
}
