namespace Ooda.Reports;

/// <summary>What the customer should do next, per host where it applies.</summary>
/// <param name="Kind"><c>install-build</c>, <c>remediation</c> or <c>investigate</c>.</param>
/// <param name="Host">The host it applies to; null for the whole tenant.</param>
/// <param name="Text">The recommendation in one or two sentences.</param>
/// <param name="Reference">Where it comes from (a KB article, a runbook step).</param>
public sealed record ReportRecommendation(string Kind, string? Host, string Text, string? Reference = null);
