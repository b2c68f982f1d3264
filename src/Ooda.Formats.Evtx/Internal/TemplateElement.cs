namespace Ooda.Formats.Evtx.Internal;

/// <summary>An element of a compiled template.</summary>
internal sealed class TemplateElement
{
    public TemplateElement(string name, TemplateAttribute[] attributes, TemplateNode[] children)
    {
        Name = name;
        Attributes = attributes;
        Children = children;
        IsDynamic = attributes.Any(a => a.Value.Any(n => n.Kind != TemplateNodeKind.Static))
            || children.Any(n => n.Kind != TemplateNodeKind.Static);
    }

    public string Name { get; }

    public TemplateAttribute[] Attributes { get; }

    public TemplateNode[] Children { get; }

    public bool IsDynamic { get; }

    /// <summary>The element itself, for one without substitutions.</summary>
    public EvtxElement Build() => new(
        Name,
        Attributes.Length == 0 ? [] : Attributes.Where(a => a.Value.Length > 0).Select(a => new EvtxAttribute(a.Name, a.Value.Select(n => n.Static!).ToArray())).ToArray(),
        Children.Length == 0 ? [] : Children.Select(n => n.Static!).ToArray());
}
