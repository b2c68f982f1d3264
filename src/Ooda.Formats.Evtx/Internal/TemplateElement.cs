namespace Ooda.Formats.Evtx.Internal;

/// <summary>An element of a compiled template.</summary>
internal sealed class TemplateElement
{
    private byte[]? _jsonName;
    private byte[]? _staticNameJson;

    public TemplateElement(string name, TemplateAttribute[] attributes, TemplateNode[] children)
    {
        Name = name;
        Attributes = attributes;
        Children = children;
        List<ushort>? slots = null;
        foreach (var attribute in attributes)
        {
            foreach (var node in attribute.Value)
            {
                IsDynamic |= node.Kind != TemplateNodeKind.Static;
                if (node.Kind == TemplateNodeKind.Substitution)
                    (slots ??= []).Add(node.SubstitutionId);
            }
        }

        foreach (var node in children)
        {
            if (node.Kind == TemplateNodeKind.Substitution)
                (slots ??= []).Add(node.SubstitutionId);
            IsDynamic |= node.Kind != TemplateNodeKind.Static;
            HasElementChild |= node.Kind == TemplateNodeKind.Element || node.StaticKind == NodeKind.Element;
            HasSubstitutionChild |= node.Kind == TemplateNodeKind.Substitution;
        }

        DirectSlots = slots?.ToArray() ?? [];
        DistinctChildNames = !HasSubstitutionChild && AreDistinct(children);
    }

    public string Name { get; }

    /// <summary>The substitution slots among its own attributes and children (not its child elements'), repeats included.</summary>
    public ushort[] DirectSlots { get; }

    public TemplateAttribute[] Attributes { get; }

    public TemplateNode[] Children { get; }

    public bool IsDynamic { get; }

    /// <summary>True when a child is an element in the template itself (a Binary XML substitution may add more).</summary>
    public bool HasElementChild { get; }

    /// <summary>True when the child elements have different names and no substitution can add one (no JSON name suffixes).</summary>
    public bool DistinctChildNames { get; }

    /// <summary>True when a child is a substitution, which may hold a nested template instance (an element).</summary>
    public bool HasSubstitutionChild { get; }

    /// <summary>The name escaped for JSON, encoded once per chunk.</summary>
    public ReadOnlySpan<byte> JsonName => _jsonName ??= EncodeJsonName(Name);

    /// <summary>
    /// The value of a <c>Name</c> attribute without substitutions, as escaped JSON, encoded once per chunk
    /// (the key of a <c>Data</c> item); empty when the attribute is missing, blank or depends on the record.
    /// </summary>
    public ReadOnlySpan<byte> StaticNameJson => _staticNameJson ??= EncodeStaticName(Attributes);

    /// <summary>The element itself, for one without substitutions.</summary>
    public EvtxElement Build()
    {
        var attributes = new List<EvtxAttribute>(Attributes.Length);
        foreach (var attribute in Attributes)
        {
            if (attribute.Value.Length > 0)
                attributes.Add(new EvtxAttribute(attribute.Name, StaticNodes(attribute.Value)));
        }

        return new(Name, attributes.Count == 0 ? [] : attributes.ToArray(), StaticNodes(Children));
    }

    private static bool AreDistinct(TemplateNode[] children)
    {
        // Few children (the usual case): compare pairs instead of allocating a set per element per chunk.
        if (children.Length <= 16)
        {
            for (var i = 1; i < children.Length; i++)
            {
                var name = ChildName(children[i]);
                for (var j = 0; name is not null && j < i; j++)
                {
                    if (string.Equals(name, ChildName(children[j]), StringComparison.Ordinal))
                        return false;
                }
            }

            return true;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in children)
        {
            if (ChildName(node) is { } name && !names.Add(name))
                return false;
        }

        return true;
    }

    private static string? ChildName(TemplateNode node) => node.Element?.Name ?? (node.Static as EvtxElement)?.Name;

    private static EvtxNode[] StaticNodes(TemplateNode[] nodes)
    {
        if (nodes.Length == 0)
            return [];
        var result = new EvtxNode[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
            result[i] = nodes[i].Static!;
        return result;
    }

    private static byte[] EncodeStaticName(TemplateAttribute[] attributes)
    {
        foreach (var attribute in attributes)
        {
            if (!string.Equals(attribute.Name, "Name", StringComparison.Ordinal))
                continue;
            var nodes = new EvtxNode[attribute.Value.Length];
            for (var i = 0; i < nodes.Length; i++)
            {
                if (attribute.Value[i].Static is not { } node)
                    return [];
                nodes[i] = node;
            }

            var content = new ContentView(nodes);
            if (!CrateJsonRenderer.HasContent(content))
                return [];
            using var buffer = new Utf8Buffer(64);
            CrateJsonRenderer.WriteText(buffer, content, TextEscape.Json);
            return buffer.WrittenSpan.ToArray();
        }

        return [];
    }

    private static byte[] EncodeJsonName(string name)
    {
        using var buffer = new Utf8Buffer(64);
        buffer.WriteText(name, TextEscape.Json);
        return buffer.WrittenSpan.ToArray();
    }
}
