namespace Ooda.Formats.Evtx;

/// <summary>A node of a record's XML tree: an element, text, a typed value, or a reference.</summary>
/// <remarks>Nodes are immutable; a template's constant parts are shared between the records that use it.</remarks>
public abstract class EvtxNode
{
    private protected EvtxNode()
    {
    }

    internal abstract Internal.NodeKind Kind { get; }
}
