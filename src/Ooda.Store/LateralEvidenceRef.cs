using Ooda.Core;

namespace Ooda.Store;

/// <summary>One stored event that evidences lateral movement, by where it lies (file, hash, offset or line) and its record id.</summary>
public sealed record LateralEvidenceRef(DateTime Time, string Host, string Channel, int EventId, long? RecordId, Provenance Provenance);
