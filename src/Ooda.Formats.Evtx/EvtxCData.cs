namespace Ooda.Formats.Evtx;

/// <summary>A CDATA section.</summary>
public sealed class EvtxCData : EvtxNode
{
    internal override Internal.NodeKind Kind => Internal.NodeKind.CData;

    public EvtxCData(string text) => Text = text;

    public string Text { get; }
}
