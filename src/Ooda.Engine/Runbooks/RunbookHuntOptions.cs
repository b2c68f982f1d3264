using Ooda.Sigma;

namespace Ooda.Engine.Runbooks;

/// <summary>How runbook hunts run: extra Sigma rules (which also serve <c>sigmaId</c> references), mapping, filters and workers.</summary>
/// <param name="SigmaDocuments">Rules from <c>--sigma</c>: run as hunts of their own, and looked up by id for runbook references.</param>
/// <param name="MinSeverity">Report only findings at or above this severity.</param>
/// <param name="Iocs">Indicators from IOC lists (STIX, MISP, CSV, signature-base), matched beside the runbooks' own.</param>
/// <param name="Filters">Sigma filter documents (e.g. per-tenant allow-lists) applied to the rules they name, runbook rules included.</param>
/// <param name="YaraPath">A YARA rule file or folder scanned over every captured file, beside the runbooks' own YARA hunts.</param>
public sealed record RunbookHuntOptions(
    IReadOnlyList<SigmaLoadResult>? SigmaDocuments = null,
    SigmaCompileOptions? Sigma = null,
    string? MinSeverity = null,
    string? Tenant = null,
    string? Host = null,
    int Parallelism = 0,
    string? YaraPath = null,
    IReadOnlyList<SigmaLoadResult>? Filters = null,
    IReadOnlyList<Ooda.Detection.Iocs.Ioc>? Iocs = null);
