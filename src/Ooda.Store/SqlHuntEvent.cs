using Ooda.Core;

namespace Ooda.Store;

/// <summary>A stored event read back for a hunt, with the row id the hunt queries named it by.</summary>
public readonly record struct SqlHuntEvent(long RowId, EvidenceEvent Event);
