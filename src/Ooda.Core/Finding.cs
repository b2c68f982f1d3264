namespace Ooda.Core;

/// <summary>
/// A lead: one detector (a Sigma rule, an IOC, a YARA rule, a file check, a SQL hunt) hitting one piece of evidence,
/// with the runbook steps that ran it, the ATT&amp;CK techniques it evidences, and where the evidence lies. The same rule on
/// the same evidence is one finding however many runbooks hunted it; each runbook step is one of its sources.
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

    /// <summary>The runbook hunt steps that found it, in <see cref="FindingSource.Ordered"/> order; empty for a hunt outside runbooks.</summary>
    public IReadOnlyList<FindingSource> Sources { get; init; } = [];

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

    /// <summary>What found it, for people: <c>proxyshell/autodiscover-ssrf, owassrf/ps-remoting</c>, or <c>sigma &lt;rule id&gt;</c> outside runbooks.</summary>
    public string FoundBy => Sources.Count == 0
        ? $"{Detector} {RuleId}".TrimEnd()
        : string.Join(", ", Sources.Select(s => s.HuntId is null ? s.RunbookId : $"{s.RunbookId}/{s.HuntId}").Distinct(StringComparer.Ordinal));

    /// <summary>
    /// This finding found again (same id) by another step: the sources and techniques of both, the higher severity; the
    /// title and evidence stay those of the first, since the id already says they are the same evidence and rule.
    /// </summary>
    public Finding MergedWith(Finding other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!string.Equals(Id, other.Id, StringComparison.Ordinal))
            throw new ArgumentException($"finding {other.Id} is not {Id}", nameof(other));
        return this with
        {
            Severity = SeverityLevels.Rank(other.Severity) > SeverityLevels.Rank(Severity) ? other.Severity : Severity,
            Techniques = [.. Techniques.Union(other.Techniques, StringComparer.OrdinalIgnoreCase)],
            Sources = FindingSource.Ordered(Sources.Concat(other.Sources)),
        };
    }
}
