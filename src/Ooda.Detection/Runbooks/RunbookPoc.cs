namespace Ooda.Detection.Runbooks;

/// <summary>A public proof-of-concept exploit: where it is, which CVE, and what it does (so hunts know its traces).</summary>
public sealed record RunbookPoc(string Url, string? Cve, string Description);
