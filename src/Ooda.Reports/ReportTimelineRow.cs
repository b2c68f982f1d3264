namespace Ooda.Reports;

/// <summary>One marked timeline row: when, where, which source, what happened, and the most severe finding on it.</summary>
public sealed record ReportTimelineRow(
    DateTime Time,
    string Host,
    string Source,
    string Summary,
    string Severity,
    string FindingTitle,
    IReadOnlyList<string> Techniques);
