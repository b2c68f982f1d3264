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

    private NodeView(NodeKind kind, EvtxNode? node, TemplateElement? template, SubstitutionValues? values, EvtxValue value)
    {
        Kind = kind;
        _node = node;
        _template = template;
        _values = values;
        _value = value;
    }

    public NodeKind Kind { get; }

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

    public static NodeView Of(EvtxNode node) => new(node.Kind, node, null, null, default);

    public static NodeView Of(TemplateNode node, SubstitutionValues values)
    {
        switch (node.Kind)
        {
            case TemplateNodeKind.Static:
                return new(node.Static!.Kind, node.Static, null, null, default);
            case TemplateNodeKind.Element:
                return new(NodeKind.Element, null, node.Element, values, default);
        }

        // The same drops as BinXmlParser.Substitute: missing, null, empty optional and empty string values vanish.
        if (node.SubstitutionId >= values.Count)
            return default;
        var value = values[node.SubstitutionId];
        if (node.Optional && value.IsEmpty)
            return default;
        if (value.Type == EvtxValueType.BinXml)
            return values.Nested(node.SubstitutionId) is { Root: { } root, Values: { } nested } ? Of(root, nested) : default;
        return value.Type switch
        {
            EvtxValueType.Null => default,
            EvtxValueType.String => ValueFormatter.DecodeUtf16(value.Raw.Span).IsEmpty ? default : new(NodeKind.Text, null, null, null, value),
            EvtxValueType.AnsiString => value.Raw.Span.IsEmpty || value.Raw.Span[0] == 0 ? default : new(NodeKind.Text, null, null, null, value),
            _ => new(NodeKind.Value, null, null, null, value),
        };
    }
}
