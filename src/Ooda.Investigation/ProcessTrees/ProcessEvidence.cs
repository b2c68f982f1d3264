namespace Ooda.Investigation.ProcessTrees;

/// <summary>One event a process node was built from: the event id and where it lies.</summary>
/// <param name="EventId">1, 5, 4688 or 4689.</param>
/// <param name="Timestamp">When the event was logged (UTC).</param>
/// <param name="RecordId">The event record id, when the source has one.</param>
/// <param name="FileSha256">SHA-256 of the evidence file.</param>
/// <param name="File">The evidence file as ingested.</param>
/// <param name="Offset">Byte offset of the record in the file, when known.</param>
/// <param name="Line">Line of the record in a text file, when known.</param>
public readonly record struct ProcessEvidence(int EventId, DateTime Timestamp, long? RecordId, string FileSha256, string File, long? Offset, long? Line);
