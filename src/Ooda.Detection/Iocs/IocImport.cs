using Ooda.Core;

namespace Ooda.Detection.Iocs;

/// <summary>
/// What one IOC list gave: the indicators, and a diagnostic for every entry that did not become one. Every entry is
/// accounted for: <c>Entries == Iocs.Count + Rejected + Duplicates</c>.
/// </summary>
/// <param name="File">The list as named in diagnostics.</param>
/// <param name="Iocs">The usable indicators, normalised and de-duplicated.</param>
/// <param name="Diagnostics">Rejected entries (with file and line, index or STIX id), duplicates, notes and syntax errors.</param>
/// <param name="Entries">Candidate indicators read (one per line, attribute or pattern comparison).</param>
/// <param name="Rejected">Entries that were unusable or deliberately skipped (MISP <c>to_ids: false</c>, revoked STIX).</param>
/// <param name="Duplicates">Entries that repeated an earlier indicator and only added their tags to it.</param>
public sealed record IocImport(string File, IocSet Iocs, IReadOnlyList<Diagnostic> Diagnostics, int Entries, int Rejected, int Duplicates);
