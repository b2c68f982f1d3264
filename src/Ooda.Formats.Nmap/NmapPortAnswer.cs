using System.Net;

namespace Ooda.Formats.Nmap;

/// <summary>What one scanned address said about one TCP port, without the rest of its host.</summary>
/// <param name="Address">An IPv4 or IPv6 address of the host.</param>
/// <param name="HostUp">The host answered (status <c>up</c>).</param>
/// <param name="State">The port's state as <see cref="NmapHost.TcpPortState"/> gives it; null when the host is down or the port was not scanned.</param>
public readonly record struct NmapPortAnswer(IPAddress Address, bool HostUp, string? State);
