using Ooda.Demo.Internal;

namespace Ooda.Demo;

/// <summary>
/// Builds the demo fleet behind <c>ooda demo</c>: an inventory, nmap scans and per-host evidence (Windows events
/// as evtx-style JSON lines, IIS and Exchange HttpProxy logs, captured files) for three tenants, with one
/// ProxyShell intrusion hidden among benign activity. Deterministic: the same options give byte-identical files.
/// </summary>
public static class DemoFleetGenerator
{
    /// <summary>Writes the fleet into <see cref="DemoOptions.OutputFolder"/> (files of a previous run are overwritten, others are left alone).</summary>
    public static DemoFleet Generate(DemoOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OutputFolder);
        if (!(options.Scale > 0) || double.IsInfinity(options.Scale))
            throw new ArgumentOutOfRangeException(nameof(options), options.Scale, "Scale must be a positive number.");

        var root = Path.GetFullPath(options.OutputFolder);
        Directory.CreateDirectory(root);
        var output = new OutputTracker(root);
        var fleet = FleetCatalog.Create(options.Seed);
        var intrusion = new ProxyShellIntrusion(fleet, options.Seed);

        InventoryWriter.Write(output, fleet.Hosts);
        NmapWriter.Write(output, fleet.Hosts, DemoOptions.Start.AddDays(2).AddHours(9).AddMinutes(30));

        Parallel.ForEach(
            fleet.Hosts,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            host => new HostEvidenceWriter(output, host, intrusion, options).Write(cancellationToken));

        return new DemoFleet(root, options.Seed, fleet.Tenants, [.. fleet.Hosts.Select(h => h.Host)], output.Files(), intrusion.Describe());
    }
}
