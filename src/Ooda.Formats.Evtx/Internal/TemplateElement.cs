namespace Ooda.Formats.Evtx.Internal;

/// <summary>An element of a compiled template.</summary>
internal sealed class TemplateElement
{
    private byte[]? _jsonName;

    public TemplateElement(string name, TemplateAttribute[] attributes, TemplateNode[] children)
    {
        Name = name;
        Attributes = attributes;
        Children = children;
        IsDynamic = attributes.Any(a => a.Value.Any(n => n.Kind != TemplateNodeKind.Static))
            || children.Any(n => n.Kind != TemplateNodeKind.Static);
        HasElementChild = children.Any(n => n.Kind == TemplateNodeKind.Element || n.Static is EvtxElement);
        HasSubstitutionChild = children.Any(n => n.Kind == TemplateNodeKind.Substitution);
    }

    public string Name { get; }

    public TemplateAttribute[] Attributes { get; }

    public TemplateNode[] Children { get; }

    public bool IsDynamic { get; }

    /// <summary>True when a child is an element in the template itself (a Binary XML substitution may add more).</summary>
    public bool HasElementChild { get; }

    /// <summary>True when a child is a substitution, which may hold a nested template instance (an element).</summary>
    public bool HasSubstitutionChild { get; }

    /// <summary>The name escaped for JSON, encoded once per chunk.</summary>
    public ReadOnlySpan<byte> JsonName => _jsonName ??= EncodeJsonName(Name);

    /// <summary>The element itself, for one without substitutions.</summary>
    public EvtxElement Build() => new(
        Name,
        Attributes.Length == 0 ? [] : Attributes.Where(a => a.Value.Length > 0).Select(a => new EvtxAttribute(a.Name, a.Value.Select(n => n.Static!).ToArray())).ToArray(),
        Children.Length == 0 ? [] : Children.Select(n => n.Static!).ToArray());

    private static byte[] EncodeJsonName(string name)
    {
        using var buffer = new Utf8Buffer(64);
        buffer.WriteText(name, TextEscape.Json);
        return buffer.WrittenSpan.ToArray();
    }
}
