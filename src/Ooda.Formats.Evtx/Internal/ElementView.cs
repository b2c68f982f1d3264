namespace Ooda.Formats.Evtx.Internal;

/// <summary>An element of a record: a tree element, or a template element instantiated with the record's values (never built).</summary>
internal readonly struct ElementView
{
    private readonly EvtxElement? _tree;
    private readonly TemplateElement? _template;
    private readonly SubstitutionValues? _values;

    /// <summary>For one copy of an element repeated per array item: 1 + the array's slot, else 0; and the item.</summary>
    private readonly int _slot;
    private readonly int _item;

    public ElementView(EvtxElement tree) => _tree = tree;

    public ElementView(TemplateElement template, SubstitutionValues values, int slot = 0, int item = 0)
    {
        _template = template;
        _values = values;
        _slot = slot;
        _item = item;
    }

    /// <summary>True for a built tree (records the views cannot show), false for a template instance.</summary>
    public bool IsTree => _tree is not null;

    public string Name => _tree?.Name ?? _template!.Name;

    /// <summary>The name as escaped JSON, cached on the template (trees encode it each time).</summary>
    public ReadOnlySpan<byte> JsonName => _template is not null ? _template.JsonName : default;

    /// <summary>A <c>Name</c> attribute fixed by the template, as escaped JSON; empty when there is none or it varies.</summary>
    public ReadOnlySpan<byte> StaticNameJson => _template is not null ? _template.StaticNameJson : default;

    public bool HasElementChild => _tree?.HasElementChild ?? (_template!.HasElementChild || (_template.HasSubstitutionChild && SubstitutesElement()));

    /// <summary>True when no two child elements can share a name for this record (so none gets a suffix).</summary>
    public bool HasDistinctChildNames => _template is not null && _template.DistinctChildNames && !_values!.HasMulti;

    public int AttributeCount => _tree?.Attributes.Count ?? _template!.Attributes.Length;

    public ContentView Children => _tree is not null ? new ContentView(_tree.Children) : new ContentView(_template!.Children, _values!, _slot, _item);

    public string AttributeName(int index) => _tree?.Attributes[index].Name ?? _template!.Attributes[index].Name;

    public ContentView AttributeValue(int index) =>
        _tree is not null ? new ContentView(_tree.Attributes[index].Value) : new ContentView(_template!.Attributes[index].Value, _values!, _slot, _item);

    /// <summary>The value of the attribute of that name (it may resolve to nothing for this record).</summary>
    public bool TryGetAttribute(string name, out ContentView value)
    {
        for (var i = 0; i < AttributeCount; i++)
        {
            if (string.Equals(AttributeName(i), name, StringComparison.Ordinal))
            {
                value = AttributeValue(i);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The first child element of that name.</summary>
    public bool TryGetElement(string name, out ElementView element)
    {
        var children = Children;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child.Kind == NodeKind.Element && string.Equals((element = child.Element).Name, name, StringComparison.Ordinal))
                return true;
        }

        element = default;
        return false;
    }

    /// <summary>True when a substitution child holds a nested template instance (whose root is an element).</summary>
    private bool SubstitutesElement()
    {
        foreach (var child in _template!.Children)
        {
            if (child.Kind == TemplateNodeKind.Substitution && child.SubstitutionId < _values!.Count
                && _values.Kind(child.SubstitutionId, child.Optional) == NodeKind.Element)
            {
                return true;
            }
        }

        return false;
    }
}
