namespace Ooda.Store;

/// <summary>
/// Sysmon network connections (event 3) to a remote-service port recorded on <see cref="Host"/>, grouped by both ends, port,
/// image and user. <see cref="Initiated"/> false means the host was the destination (an inbound connection).
/// Counts, times and evidence cover the window; <see cref="Days"/> and <see cref="TotalCount"/> the whole store.
/// </summary>
public sealed record LateralConnectionGroup(
    string Host,
    bool Initiated,
    string? SourceIp,
    string? SourceHostname,
    string? DestinationIp,
    string? DestinationHostname,
    int DestinationPort,
    string? Image,
    string? User,
    long WindowCount,
    DateTime? WindowFirst,
    DateTime? WindowLast,
    long TotalCount,
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<LateralEvidenceRef> Evidence);
