namespace Ooda.Reports;

/// <summary>The case header: who, what, how bad, and the Traffic Light Protocol 2.0 marking the whole report carries.</summary>
/// <param name="Tlp">clear, green, amber, amber+strict or red.</param>
public sealed record ReportHeader(
    string CaseId,
    string Tenant,
    string Title,
    string Severity,
    string Status,
    string Tlp,
    string? Assignee,
    DateTime OpenedAt,
    string OpenedBy,
    DateTime UpdatedAt,
    IReadOnlyList<string> Tags);
