namespace Ooda.Formats.Evtx;

/// <summary>An entity reference (<c>&amp;amp;</c>), by name.</summary>
public sealed class EvtxEntityRef : EvtxNode
{
    internal override Internal.NodeKind Kind => Internal.NodeKind.EntityRef;

    public EvtxEntityRef(string name) => Name = name;

    public string Name { get; }
}
