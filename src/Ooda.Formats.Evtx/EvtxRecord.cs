namespace Ooda.Formats.Evtx;

/// <summary>One event record.</summary>
/// <param name="RecordId">The event record identifier.</param>
/// <param name="Written">When the record was written (UTC), from the record header.</param>
/// <param name="ChunkIndex">The 0-based chunk the record lies in.</param>
/// <param name="Offset">The record's byte offset in the file.</param>
/// <param name="Root">The record's XML tree (normally an <c>Event</c> element).</param>
/// <param name="Recovered">True when the record was carved from slack or unallocated space.</param>
public sealed record EvtxRecord(ulong RecordId, DateTime Written, int ChunkIndex, long Offset, EvtxElement Root, bool Recovered = false);
