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

    /// <summary>
    /// Reads the scan files in parallel (one per core at most) and merges them in the order given, so the result and the
    /// diagnostics never depend on timing. A file that cannot be read is a diagnostic, not a failure.
    /// </summary>
    public static ScanIndex Build(IReadOnlyList<string> paths, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var files = new ScanIndex[paths.Count];
        var diagnostics = new List<Diagnostic>[paths.Count];
        Parallel.For(0, paths.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            diagnostics[i] = [];
            files[i] = ReadFile(paths[i], diagnostics[i].Add, cancellationToken);
        });

        var index = new ScanIndex();
        for (var i = 0; i < paths.Count; i++)
        {
            diagnostics[i].ForEach(report);
            foreach (var (key, seen) in files[i]._byAddress)
                index.Add(key, seen);
        }

        return index;
    }

    /// <summary>What the scans saw at an address given in <see cref="Normalize"/>'s form.</summary>
    public Observation? Find(string normalizedAddress) =>
        _byAddress.TryGetValue(normalizedAddress, out var seen) ? seen : null;

    /// <summary>The canonical text of an IP address (IPv6 compressed, lower case), or null when it is not one.</summary>
    public static string? Normalize(string address) =>
        IPAddress.TryParse(address.Trim().Trim('[', ']'), out var ip) ? ip.ToString() : null;

    private static ScanIndex ReadFile(string path, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var index = new ScanIndex();
        var file = Path.GetFileName(path);
        try
        {
            foreach (var host in NmapReader.ReadFile(path, report, cancellationToken))
            {
                var seen = new Observation(host.IsUp, host.TcpPortState(Https), file);
                foreach (var address in host.IpAddresses)
                {
                    if (Normalize(address) is { } key)
                        index.Add(key, seen);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report(new Diagnostic(path, "", "cannot read the scan: " + e.Message));
        }

        return index;
    }

    private void Add(string key, Observation seen)
    {
        if (!_byAddress.TryGetValue(key, out var before) || Rank(seen) > Rank(before))
            _byAddress[key] = seen;
    }

    // Open beats a definite answer, which beats an up host with no answer for 443, which beats a down host.
    private static int Rank(Observation o) => o.State == "open" ? 3 : o.State is not null ? 2 : o.HostUp ? 1 : 0;
}
