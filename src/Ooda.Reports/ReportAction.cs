namespace Ooda.Reports;

/// <summary>A response action on the case: what, on what, for whom, and where it stands.</summary>
/// <param name="Kind">isolate-host, kill-process, block-hash, install-build, …</param>
/// <param name="Target">endpoint-agent or customer: who carries it out.</param>
/// <param name="Subject">What it acts on (a host, a hash, an account).</param>
/// <param name="State">proposed, awaiting-approval, approved, dispatched, done, failed or rejected.</param>
public sealed record ReportAction(string Id, string Kind, string Target, string Subject, string State, string? Reason, DateTime LastChange);
