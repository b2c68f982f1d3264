namespace Ooda.Formats.Evtx.Internal;

/// <summary>A record's header fields and where it lies.</summary>
internal readonly record struct RecordInfo(ulong RecordId, DateTime Written, int ChunkIndex, long Offset, bool Recovered);
