using System.Net;
using System.Net.Sockets;
using Ooda.Store;

namespace Ooda.Investigation.Lateral.Internal;

/// <summary>
/// Resolves the addresses and names evidence uses for a host (internal or public IP, FQDN, NetBIOS or workstation name, any case)
/// to the inventory's or the collection's host name; what it cannot resolve stays a node named by its address.
/// </summary>
internal sealed class HostDirectory
{
    // NetBIOS names are at most 15 characters; Windows truncates longer host names to this.
    private const int NetbiosLength = 15;

    private readonly Dictionary<string, string> _byAddress = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);

    public HostDirectory(IEnumerable<StoredTriageHost> inventory, IEnumerable<string> collectedHosts)
    {
        var collected = collectedHosts.ToList();
        foreach (var host in inventory)
        {
            AddName(host.Host, host.Host);
            if (host.Fqdn is { Length: > 0 } fqdn)
                AddName(fqdn, host.Host);
            foreach (var ip in new[] { host.Ip, host.PublicIp })
            {
                if (NormalizeAddress(ip) is { } address)
                    _byAddress.TryAdd(address, host.Host);
            }
        }

        foreach (var host in collected)
            AddName(host, ByName(host) ?? host);
    }

    /// <summary>True when the inventory or the collection knows a host by this name.</summary>
    public bool Knows(string name) => ByName(name) is not null;

    /// <summary>The host name a collected or inventory host goes by in the graph.</summary>
    public string Canonical(string host) => ByName(host) ?? host;

    /// <summary>The host behind an address or name; unresolved, the normalised address, else the upper-cased name; null when both are empty or local.</summary>
    public HostEndpoint? Resolve(string? address, string? name)
    {
        var ip = NormalizeAddress(address);
        if (IsLocalAddress(address) || (ip is not null && IsLocal(ip)))
            return null;
        var cleanName = CleanName(name);
        if (cleanName is not null && (cleanName.Equals("localhost", StringComparison.OrdinalIgnoreCase) || NormalizeAddress(cleanName) is { } nameIp && IsLocal(nameIp)))
            return null;
        if (ip is not null && _byAddress.TryGetValue(ip, out var byIp))
            return new HostEndpoint(byIp, true);
        if (cleanName is not null && NormalizeAddress(cleanName) is { } nameAddress)
        {
            if (_byAddress.TryGetValue(nameAddress, out var byNameIp))
                return new HostEndpoint(byNameIp, true);
            ip ??= nameAddress;
            cleanName = null;
        }

        if (cleanName is not null && ByName(cleanName) is { } host)
            return new HostEndpoint(host, true);
        if (ip is not null)
            return new HostEndpoint(ip, false);
        return cleanName is null ? null : new HostEndpoint(cleanName.ToUpperInvariant(), false);
    }

    /// <summary>An address in canonical text form (IPv4-mapped IPv6 as IPv4, no zone or brackets); null when it is not an IP address.</summary>
    public static string? NormalizeAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
            return null;
        var text = address.Trim().Trim('[', ']');
        var zone = text.IndexOf('%', StringComparison.Ordinal);
        if (zone >= 0)
            text = text[..zone];
        if (!IPAddress.TryParse(text, out var ip))
            return null;
        if (ip.IsIPv4MappedToIPv6)
            ip = ip.MapToIPv4();
        // IPAddress.TryParse accepts "10" or "1.2" as shorthand IPv4; evidence addresses are written in full.
        if (ip.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') != 3)
            return null;
        return ip.ToString();
    }

    private static bool IsLocalAddress(string? address) =>
        address is not null && address.Trim() is "::1" or "localhost";

    private static bool IsLocal(string normalized) =>
        IPAddress.TryParse(normalized, out var ip) && (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));

    /// <summary>A name without UNC slashes, a trailing dot or machine-account dollar; null for empty and the <c>-</c> placeholder.</summary>
    private static string? CleanName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var text = name.Trim().TrimStart('\\').TrimEnd('.', '$').Trim();
        return text.Length == 0 || text == "-" ? null : text;
    }

    private string? ByName(string name)
    {
        if (_byName.TryGetValue(name, out var host))
            return host;
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && _byName.TryGetValue(name[..dot], out var byLabel))
            return byLabel;
        return null;
    }

    private void AddName(string name, string host)
    {
        var clean = CleanName(name);
        if (clean is null)
            return;
        _byName.TryAdd(clean, host);
        var dot = clean.IndexOf('.', StringComparison.Ordinal);
        var label = dot > 0 ? clean[..dot] : clean;
        _byName.TryAdd(label, host);
        if (label.Length > NetbiosLength)
            _byName.TryAdd(label[..NetbiosLength], host);
    }
}
