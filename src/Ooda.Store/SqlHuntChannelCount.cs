namespace Ooda.Store;

/// <summary>
/// How many hunted events one host has on one channel. <paramref name="Host"/> is the event's <c>Computer</c> field when
/// the collection did not name the host (<c>-</c>); <paramref name="Channel"/> is null for sources without a channel.
/// </summary>
public sealed record SqlHuntChannelCount(string Host, string? Channel, string SourceKind, long Events);
