namespace Ooda.Store;

/// <summary>The queue row for an arrived file, and whether this arrival created it (false: the same content was already queued).</summary>
public sealed record InboxItemRegistration(InboxItem Item, bool IsNew);
