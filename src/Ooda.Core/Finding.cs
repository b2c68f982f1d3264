namespace Ooda.Core;

/// <summary>
/// A lead: one detector (a Sigma rule, an IOC, a YARA rule, a file check, a SQL hunt) hitting one piece of evidence,
/// with the runbook step that ran it, the ATT&amp;CK techniques it evidences, and where the evidence lies.
/// </summary>
public sealed record Finding
{
    /// <summary>Stable across runs and copies of the same evidence, so re-hunting never duplicates a lead.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>informational, low, medium, high or critical.</summary>
    public required string Severity { get; init; }

    /// <summary>sigma, ioc, yara, webshell or sql.</summary>
    public required string Detector { get; init; }

    public string? RunbookId { get; init; }

    public string? RunbookVersion { get; init; }

    public string? HuntId { get; init; }

    /// <summary>The Sigma rule id, IOC value, YARA rule or file check that fired.</summary>
    public string? RuleId { get; init; }

    public IReadOnlyList<string> Techniques { get; init; } = [];

    public required string Tenant { get; init; }

    public required string Host { get; init; }

    /// <summary>When the evidence says it happened (UTC); <see cref="DateTime.MinValue"/> when it does not say.</summary>
    public DateTime Timestamp { get; init; }

    public string? Channel { get; init; }

    public int? EventId { get; init; }

    public long? RecordId { get; init; }

    public required Provenance Provenance { get; init; }

    /// <summary>For a captured file: its path on the host.</summary>
    public string? OriginalPath { get; init; }

    /// <summary>What matched: field names and values, clipped.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = [];
}
