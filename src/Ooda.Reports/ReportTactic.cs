namespace Ooda.Reports;

/// <summary>One matrix column.</summary>
/// <param name="Id">Tactic id (<c>TA0001</c>).</param>
/// <param name="ShortName">The Navigator's name for it (<c>initial-access</c>).</param>
public sealed record ReportTactic(string Id, string ShortName, string Name, IReadOnlyList<ReportTechnique> Techniques);
