namespace Ooda.Formats.Evtx;

/// <summary>Character data (a string value or literal text).</summary>
public sealed class EvtxText : EvtxNode
{
    internal override Internal.NodeKind Kind => Internal.NodeKind.Text;

    public EvtxText(string text) => Text = text;

    public string Text { get; }

    public override string ToString() => Text;
}
