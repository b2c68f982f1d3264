namespace Ooda.Detection.Runbooks;

/// <summary>An indicator as the runbook states it; <c>Type</c> uses the IOC engine's names (sha256, ip, cidr, domain, url, filename, …).</summary>
/// <param name="Source">Where it was learned or published (a case, a report URL).</param>
public sealed record RunbookIoc(string Type, string Value, string? Comment = null, string? Source = null);
