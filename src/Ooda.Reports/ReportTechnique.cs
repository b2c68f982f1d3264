namespace Ooda.Reports;

/// <summary>A technique in a matrix column: observed (findings evidence it) or expected (a runbook lists it, nothing shows it yet).</summary>
/// <param name="Id"><c>T1505.003</c>.</param>
/// <param name="Findings">How many findings evidence it.</param>
/// <param name="Hosts">Where it was seen.</param>
/// <param name="FirstSeen">Earliest evidence (UTC).</param>
/// <param name="Url">Its page on attack.mitre.org (from the bundled catalogue, never from evidence).</param>
public sealed record ReportTechnique(
    string Id,
    string Name,
    bool Observed,
    int Findings,
    IReadOnlyList<string> Hosts,
    DateTime? FirstSeen,
    DateTime? LastSeen,
    string Url);
