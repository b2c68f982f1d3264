namespace Ooda.Core;

/// <summary>One evidence file about to be parsed, and whose evidence it is.</summary>
/// <param name="Path">The file as given to ingest (used in provenance and diagnostics).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the whole file.</param>
/// <param name="Tenant">The customer the evidence belongs to.</param>
/// <param name="Host">The host the evidence was collected from.</param>
public sealed record EvidenceSource(string Path, string Sha256, string Tenant, string Host);
