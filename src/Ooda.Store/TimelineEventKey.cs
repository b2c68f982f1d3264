namespace Ooda.Store;

/// <summary>
/// Where one event lies: its file's SHA-256 (or a prefix of it) and its record id, else its line, else its byte offset.
/// </summary>
public sealed record TimelineEventKey(string Sha256Prefix, long? RecordId, long? Line, long? Offset = null);
