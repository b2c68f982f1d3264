using Ooda.Core;

namespace Ooda.Store;

/// <summary>The events of a timeline window, oldest first, and whether the limit left any out.</summary>
public sealed record TimelineEventPage(IReadOnlyList<EvidenceEvent> Events, bool Truncated);
