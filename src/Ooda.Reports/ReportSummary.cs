namespace Ooda.Reports;

/// <summary>The facts the executive summary is written from; the renderers turn them into sentences.</summary>
/// <param name="Lead">The finding the report pivots on (most severe, then earliest); null for a case without findings.</param>
/// <param name="FirstActivity">Earliest evidence time among the findings (UTC).</param>
/// <param name="LastActivity">Latest evidence time among the findings (UTC).</param>
/// <param name="EntryHosts">Hosts the intrusion started on (the lead's host first).</param>
/// <param name="ReachedHosts">Hosts the attacker moved to from there.</param>
/// <param name="FindingsBySeverity">Finding counts by severity, critical first; severities without findings left out.</param>
/// <param name="Techniques">How many distinct ATT&amp;CK techniques the findings evidence.</param>
/// <param name="Notes">The analysts' notes on the case, oldest first (untrusted text like any other).</param>
public sealed record ReportSummary(
    ReportFinding? Lead,
    DateTime? FirstActivity,
    DateTime? LastActivity,
    IReadOnlyList<string> EntryHosts,
    IReadOnlyList<string> ReachedHosts,
    IReadOnlyList<KeyValuePair<string, int>> FindingsBySeverity,
    int Techniques,
    IReadOnlyList<string> Notes);
