namespace Ooda.Formats.Evtx;

/// <summary>A typed substitution value (number, GUID, SID, time, binary, array…).</summary>
public sealed class EvtxValueNode : EvtxNode
{
    internal override Internal.NodeKind Kind => Internal.NodeKind.Value;

    public EvtxValueNode(EvtxValue value) => Value = value;

    public EvtxValue Value { get; }

    public override string ToString() => Value.ToString();
}
