namespace Ooda.Engine.Continuous;

/// <summary>What an accepted upload became: its queue row, content hash and size, and whether the same content was queued before.</summary>
public sealed record UploadReceipt(long QueueId, string Sha256, long Size, string RelativePath, bool Duplicate, string State);
