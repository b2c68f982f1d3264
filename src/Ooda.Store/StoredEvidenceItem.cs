namespace Ooda.Store;

/// <summary>
/// One piece of evidence in a case with its chain of custody: the source file (by SHA-256), the record or line in it,
/// when it was acquired and ingested, and who added it to the case.
/// </summary>
public sealed record StoredEvidenceItem
{
    public int Number { get; init; }

    public required string Description { get; init; }

    public required string Host { get; init; }

    public required string SourcePath { get; init; }

    public required string SourceSha256 { get; init; }

    public long? RecordId { get; init; }

    public long? Line { get; init; }

    public long? Offset { get; init; }

    /// <summary>When the evidence was collected from the host, when known.</summary>
    public DateTime? AcquiredAt { get; init; }

    /// <summary>When the source file entered the workspace.</summary>
    public DateTime? IngestedAt { get; init; }

    public DateTime AddedAt { get; init; }

    public string AddedBy { get; init; } = string.Empty;
}
