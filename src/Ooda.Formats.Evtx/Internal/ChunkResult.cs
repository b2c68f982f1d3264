namespace Ooda.Formats.Evtx.Internal;

/// <summary>What decoding one chunk produced, in file order.</summary>
internal sealed record ChunkResult(int ChunkIndex, List<EvtxRecord> Records, List<EvtxDiagnostic> Diagnostics);
