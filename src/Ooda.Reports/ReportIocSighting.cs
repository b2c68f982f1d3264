namespace Ooda.Reports;

/// <summary>One place an indicator was seen: the host, the finding, when, the field it was in and the evidence file.</summary>
public sealed record ReportIocSighting(string Host, string FindingId, DateTime? Time, string Field, ReportProvenance Provenance);
