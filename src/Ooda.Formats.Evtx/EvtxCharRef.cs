namespace Ooda.Formats.Evtx;

/// <summary>A character reference (<c>&amp;#174;</c>).</summary>
public sealed class EvtxCharRef : EvtxNode
{
    public EvtxCharRef(ushort value) => Value = value;

    public ushort Value { get; }
}
