using System.Net;
using Ooda.Core;
using Ooda.Formats.Nmap;

namespace Ooda.Engine.Triage.Internal;

/// <summary>What the external scans saw at each address, 443/tcp only. An address seen open in any scan counts as open.</summary>
internal sealed class ScanIndex
{
    private const int Https = 443;

    private readonly Dictionary<string, Observation> _byAddress = new(StringComparer.Ordinal);

    public readonly record struct Observation(bool HostUp, string? State, string File);

    public static ScanIndex Build(IEnumerable<string> paths, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var index = new ScanIndex();
        foreach (var path in paths)
        {
            foreach (var host in NmapReader.ReadFile(path, report, cancellationToken))
            {
                var seen = new Observation(host.IsUp, host.TcpPortState(Https), Path.GetFileName(path));
                foreach (var address in host.IpAddresses)
                {
                    if (Normalize(address) is not { } key)
                        continue;
                    if (!index._byAddress.TryGetValue(key, out var before) || Rank(seen) > Rank(before))
                        index._byAddress[key] = seen;
                }
            }
        }

        return index;
    }

    public Observation? Find(string address) =>
        Normalize(address) is { } key && _byAddress.TryGetValue(key, out var seen) ? seen : null;

    /// <summary>The canonical text of an IP address (IPv6 compressed, lower case), or null when it is not one.</summary>
    public static string? Normalize(string address) =>
        IPAddress.TryParse(address.Trim().Trim('[', ']'), out var ip) ? ip.ToString() : null;

    // Open beats a definite answer, which beats an up host with no answer for 443, which beats a down host.
    private static int Rank(Observation o) => o.State == "open" ? 3 : o.State is not null ? 2 : o.HostUp ? 1 : 0;
}
