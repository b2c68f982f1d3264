namespace Ooda.Formats.Evtx;

/// <summary>A processing instruction (target and data).</summary>
public sealed class EvtxProcessingInstruction : EvtxNode
{
    internal override Internal.NodeKind Kind => Internal.NodeKind.ProcessingInstruction;

    public EvtxProcessingInstruction(string target, string data)
    {
        Target = target;
        Data = data;
    }

    public string Target { get; }

    public string Data { get; }
}
