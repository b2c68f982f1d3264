using Ooda.Core;

namespace Ooda.Reports;

/// <summary>A finding with its evidence (what matched) and where the evidence lies.</summary>
/// <param name="Rule">The Sigma rule, IOC, YARA rule or check that fired.</param>
/// <param name="Runbook">Runbook and version (<c>proxyshell@1.2.0</c>), when one ran it.</param>
/// <param name="Time">When the evidence says it happened (UTC); null when it does not say.</param>
/// <param name="Details">What matched: field names and values, as the detector recorded them.</param>
public sealed record ReportFinding(
    string Id,
    string Title,
    string Severity,
    string Detector,
    string? Rule,
    string? Runbook,
    string Host,
    DateTime? Time,
    IReadOnlyList<string> Techniques,
    string? OriginalPath,
    IReadOnlyList<KeyValuePair<string, string>> Details,
    ReportProvenance Provenance)
{
    /// <summary>How many findings of the same title on the same host this one stands for (a burst of requests, one event seen by several runbooks).</summary>
    public int Alike { get; init; } = 1;

    /// <summary>The latest evidence time among the alike findings (UTC).</summary>
    public DateTime? LastTime { get; init; }

    public static ReportFinding Of(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var runbook = finding.Sources.Count == 0 ? null : string.Join(", ", finding.Sources.Select(s => s.Reference).Distinct(StringComparer.Ordinal));
        var rule = finding.RuleId ?? string.Join(", ", finding.Sources.Select(s => s.HuntId).OfType<string>().Distinct(StringComparer.Ordinal));
        return new ReportFinding(finding.Id, finding.Title, finding.Severity, finding.Detector, rule.Length == 0 ? null : rule, runbook, finding.Host,
            finding.Timestamp == DateTime.MinValue ? null : DateTime.SpecifyKind(finding.Timestamp, DateTimeKind.Utc),
            finding.Techniques, finding.OriginalPath, finding.Details, ReportProvenance.Of(finding));
    }
}
