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

    public static TemplateNode ForStatic(EvtxNode node) => new(TemplateNodeKind.Static) { Static = node };

    public static TemplateNode ForSubstitution(ushort id, bool optional) =>
        new(TemplateNodeKind.Substitution) { SubstitutionId = id, Optional = optional };

    public static TemplateNode ForElement(TemplateElement element) =>
        element.IsDynamic ? new(TemplateNodeKind.Element) { Element = element } : ForStatic(element.Build());
}
