namespace Ooda.Formats.Nmap;

/// <summary>One <c>&lt;host&gt;</c> of an nmap <c>-oX</c> file.</summary>
/// <param name="State">Host status: <c>up</c>, <c>down</c>, <c>unknown</c>.</param>
/// <param name="Addresses">Every address element (IP and MAC).</param>
/// <param name="Hostnames">Names from <c>&lt;hostnames&gt;</c>.</param>
/// <param name="Ports">Ports listed one by one.</param>
/// <param name="ExtraPorts">Ports summarised by state.</param>
/// <param name="ScannedTcpPorts">The TCP ports the run scanned (from <c>&lt;scaninfo services&gt;</c>); null when not stated.</param>
/// <param name="Location">Where the host element starts (<c>line:column</c>).</param>
public sealed record NmapHost(
    string State,
    IReadOnlyList<NmapAddress> Addresses,
    IReadOnlyList<string> Hostnames,
    IReadOnlyList<NmapPort> Ports,
    IReadOnlyList<NmapExtraPorts> ExtraPorts,
    NmapPortSet? ScannedTcpPorts,
    string Location)
{
    public bool IsUp => string.Equals(State, "up", StringComparison.Ordinal);

    /// <summary>IP addresses (IPv4 and IPv6), not MAC.</summary>
    public IEnumerable<string> IpAddresses => Addresses.Where(a => a.Type is "ipv4" or "ipv6").Select(a => a.Address);

    /// <summary>
    /// The state of one TCP port: the listed state; else, when the run scanned it, the single extraports state
    /// (or <c>closed|filtered</c> when several); null when the host is down or the port was not scanned.
    /// </summary>
    public string? TcpPortState(int port)
    {
        if (!IsUp)
            return null;
        var listed = Ports.FirstOrDefault(p => p.Port == port && string.Equals(p.Protocol, "tcp", StringComparison.Ordinal));
        if (listed is not null)
            return listed.State;
        if (ScannedTcpPorts is null || !ScannedTcpPorts.Contains(port))
            return null;
        return ExtraPorts.Count == 1 ? ExtraPorts[0].State : "closed|filtered";
    }
}
