namespace Ooda.Formats.Evtx;

/// <summary>A CDATA section.</summary>
public sealed class EvtxCData : EvtxNode
{
    public EvtxCData(string text) => Text = text;

    public string Text { get; }
}
