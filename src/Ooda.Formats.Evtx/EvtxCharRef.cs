namespace Ooda.Formats.Evtx;

/// <summary>A character reference (<c>&amp;#174;</c>).</summary>
public sealed class EvtxCharRef : EvtxNode
{
    internal override Internal.NodeKind Kind => Internal.NodeKind.CharRef;

    public EvtxCharRef(ushort value) => Value = value;

    public ushort Value { get; }
}
