using Ooda.Core;

namespace Ooda.Investigation.Lateral;

/// <summary>One event behind an edge: when, on which host, what it is (e.g. <c>Security 4624</c>), a one-line summary, and where it lies.</summary>
/// <param name="Summary">Built from evidence fields: hostile text, escape it for the medium it is shown in.</param>
public sealed record LateralEvidence(DateTime Time, string Host, string Source, string Summary, long? RecordId, Provenance Provenance);
