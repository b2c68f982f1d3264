namespace Ooda.Detection.Runbooks;

/// <summary>
/// One version of a threat runbook: what the threat is, which builds it affects, its TTPs, IOCs and public exploits,
/// the hunts that find it, and how to remediate. Every version is its own immutable file; learning writes the next one.
/// </summary>
public sealed record Runbook
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required RunbookVersion Version { get; init; }

    /// <summary>draft, test, stable or deprecated.</summary>
    public string Status { get; init; } = "stable";

    public string? Summary { get; init; }

    public IReadOnlyList<RunbookChange> Changelog { get; init; } = [];

    public RunbookThreat Threat { get; init; } = new();

    /// <summary>Knowledge-base vulnerability groups or CVE ids whose vulnerable builds this runbook is about.</summary>
    public IReadOnlyList<string> AffectedBuilds { get; init; } = [];

    public IReadOnlyList<RunbookTtp> Ttps { get; init; } = [];

    public IReadOnlyList<RunbookIoc> Iocs { get; init; } = [];

    public IReadOnlyList<RunbookPoc> Pocs { get; init; } = [];

    public IReadOnlyList<RunbookHunt> Hunts { get; init; } = [];

    public IReadOnlyList<RunbookRemediation> Remediation { get; init; } = [];

    /// <summary>Where this version was read from: a file path, or <c>builtin:&lt;name&gt;</c>.</summary>
    public string SourcePath { get; init; } = string.Empty;

    /// <summary><c>proxyshell@1.2.0</c>.</summary>
    public string Reference => $"{Id}@{Version}";
}
