namespace Ooda.Formats.Evtx;

/// <summary>An attribute: its name and its value nodes (text, typed values, references).</summary>
public sealed record EvtxAttribute(string Name, IReadOnlyList<EvtxNode> Value);
