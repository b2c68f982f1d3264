namespace Ooda.Formats.Evtx;

/// <summary>An entity reference (<c>&amp;amp;</c>), by name.</summary>
public sealed class EvtxEntityRef : EvtxNode
{
    public EvtxEntityRef(string name) => Name = name;

    public string Name { get; }
}
