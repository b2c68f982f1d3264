namespace Ooda.Formats.Evtx.Internal;

/// <summary>One node of a compiled template: constant content, a substitution slot, or an element holding slots.</summary>
internal sealed class TemplateNode
{
    private TemplateNode(TemplateNodeKind kind) => Kind = kind;

    public TemplateNodeKind Kind { get; }

    public EvtxNode? Static { get; private init; }

    public ushort SubstitutionId { get; private init; }

    public bool Optional { get; private init; }

    public TemplateElement? Element { get; private init; }

    /// <summary>The static node's kind, read once instead of through a virtual call per record.</summary>
    public NodeKind StaticKind { get; private init; }

    /// <summary>Whether the static node shows as content (see <see cref="NodeView.HasContent"/>), decided once.</summary>
    public bool StaticHasContent { get; private init; }

    public static TemplateNode ForStatic(EvtxNode node) =>
        new(TemplateNodeKind.Static) { Static = node, StaticKind = node.Kind, StaticHasContent = NodeView.ContentOf(node) };

    public static TemplateNode ForSubstitution(ushort id, bool optional) =>
        new(TemplateNodeKind.Substitution) { SubstitutionId = id, Optional = optional };

    public static TemplateNode ForElement(TemplateElement element) =>
        element.IsDynamic ? new(TemplateNodeKind.Element) { Element = element } : ForStatic(element.Build());
}
