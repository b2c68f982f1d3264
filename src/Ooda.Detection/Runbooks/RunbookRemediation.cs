namespace Ooda.Detection.Runbooks;

/// <summary>A remediation step for the response stage: a typed action, who carries it out, and how.</summary>
/// <param name="Action">isolate-host, kill-process, quarantine-file, block-ip, disable-account, remove-mailbox-export-requests, install-update, apply-mitigation, …</param>
/// <param name="Target">endpoint-agent or customer.</param>
public sealed record RunbookRemediation(string Id, string Action, string Target, string Description, string? Command = null);
