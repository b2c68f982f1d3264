using System.Net;
using Ooda.Core;
using Ooda.Formats.Nmap;

namespace Ooda.Engine.Triage.Internal;

/// <summary>What the external scans saw at each address, 443/tcp only. An address seen open in any scan counts as open.</summary>
internal sealed class ScanIndex
{
    private const int Https = 443;

    private readonly Dictionary<IPAddress, Observation> _byAddress;

    private ScanIndex(int capacity) => _byAddress = new(capacity);

    public readonly record struct Observation(bool HostUp, string? State, string File);

    /// <summary>
    /// Reads the scan files in parallel (one per core at most) and merges them in the order given, so the result and the
    /// diagnostics never depend on timing. A file that cannot be read is a diagnostic, not a failure.
    /// </summary>
    public static ScanIndex Build(IReadOnlyList<string> paths, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var files = new List<NmapPortAnswer>[paths.Count];
        var diagnostics = new List<Diagnostic>[paths.Count];
        Parallel.For(0, paths.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            diagnostics[i] = [];
            files[i] = ReadFile(paths[i], diagnostics[i].Add, cancellationToken);
        });

        // One table for all files, filled in file order: the answers are small values, the table is built once.
        var index = new ScanIndex(files.Sum(f => f.Count));
        for (var i = 0; i < paths.Count; i++)
        {
            diagnostics[i].ForEach(report);
            var file = Path.GetFileName(paths[i]);
            foreach (var answer in files[i])
                index.Add(answer.Address, new Observation(answer.HostUp, answer.State, file));
        }

        return index;
    }

    /// <summary>What the scans saw at an address; any spelling of it (IPv6 compressed or not, any case) finds it.</summary>
    public Observation? Find(IPAddress address) =>
        _byAddress.TryGetValue(address, out var seen) ? seen : null;

    /// <summary>An IP address as an inventory writes it (brackets and white space tolerated), or null when it is not one.</summary>
    public static IPAddress? ParseAddress(string address) =>
        IPAddress.TryParse(address.AsSpan().Trim().Trim(['[', ']']), out var ip) ? ip : null;

    private static List<NmapPortAnswer> ReadFile(string path, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var answers = new List<NmapPortAnswer>();
        try
        {
            foreach (var answer in NmapReader.ReadTcpPortFile(path, Https, report, cancellationToken))
                answers.Add(answer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            report(new Diagnostic(path, "", "cannot read the scan: " + e.Message));
        }

        return answers;
    }

    private void Add(IPAddress key, Observation seen)
    {
        if (!_byAddress.TryGetValue(key, out var before) || Rank(seen) > Rank(before))
            _byAddress[key] = seen;
    }

    // Open beats a definite answer, which beats an up host with no answer for 443, which beats a down host.
    private static int Rank(Observation o) => o.State == "open" ? 3 : o.State is not null ? 2 : o.HostUp ? 1 : 0;
}
