namespace Ooda.Store;

/// <summary>One stacked value: on how many distinct hosts and in how many events it was seen, and when.</summary>
/// <param name="Value">The normalised value.</param>
/// <param name="HostNames">The hosts, when at most <see cref="StackQuery.HostNames"/>; otherwise empty.</param>
/// <param name="Sources">The names of the sources it came from.</param>
/// <param name="FirstSeen">Earliest event time (UTC); null when no row had one.</param>
public sealed record StackRow(
    string Value,
    int Hosts,
    long Events,
    DateTime? FirstSeen,
    DateTime? LastSeen,
    IReadOnlyList<StackHost> HostNames,
    IReadOnlyList<string> Sources);
