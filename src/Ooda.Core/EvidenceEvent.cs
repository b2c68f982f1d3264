namespace Ooda.Core;

/// <summary>
/// One event from any evidence source, in the one model every feature reads:
/// when (UTC), whose (tenant, host), what (kind, channel, provider, event id), the fields, and where it was read.
/// </summary>
public sealed record EvidenceEvent
{
    /// <summary>When the event happened, always UTC; <see cref="DateTime.MinValue"/> when the source had no time.</summary>
    public required DateTime Timestamp { get; init; }

    public required string Tenant { get; init; }

    public required string Host { get; init; }

    public required SourceKind Kind { get; init; }

    /// <summary>The Windows channel (e.g. <c>Security</c>) or the log type (e.g. <c>HttpProxy</c>, <c>W3SVC1</c>).</summary>
    public string? Channel { get; init; }

    public string? Provider { get; init; }

    public int? EventId { get; init; }

    public long? RecordId { get; init; }

    public required EventFields Fields { get; init; }

    public required Provenance Provenance { get; init; }
}
