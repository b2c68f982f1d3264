namespace Ooda.Formats.Evtx;

/// <summary>An XML element with its attributes and content.</summary>
public sealed class EvtxElement : EvtxNode
{
    internal override Internal.NodeKind Kind => Internal.NodeKind.Element;

    public EvtxElement(string name, IReadOnlyList<EvtxAttribute> attributes, IReadOnlyList<EvtxNode> children)
    {
        Name = name;
        Attributes = attributes;
        Children = children;
        foreach (var child in children)
        {
            if (child is EvtxElement)
            {
                HasElementChild = true;
                break;
            }
        }
    }

    public string Name { get; }

    public IReadOnlyList<EvtxAttribute> Attributes { get; }

    public IReadOnlyList<EvtxNode> Children { get; }

    /// <summary>True when at least one child is an element (decides object vs. scalar in JSON).</summary>
    public bool HasElementChild { get; }

    /// <summary>The first child element of that name, or null.</summary>
    public EvtxElement? Element(string name)
    {
        foreach (var child in Children)
        {
            if (child is EvtxElement e && string.Equals(e.Name, name, StringComparison.Ordinal))
                return e;
        }

        return null;
    }

    /// <summary>The value nodes of the attribute of that name, or null.</summary>
    public EvtxAttribute? Attribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.Ordinal))
                return attribute;
        }

        return null;
    }
}
