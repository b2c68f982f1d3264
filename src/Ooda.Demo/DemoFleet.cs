namespace Ooda.Demo;

/// <summary>What <see cref="DemoFleetGenerator.Generate"/> wrote.</summary>
/// <param name="OutputFolder">Absolute output folder.</param>
/// <param name="Seed">Seed used.</param>
/// <param name="Tenants">Tenants, in inventory order.</param>
/// <param name="Hosts">Hosts, in inventory order.</param>
/// <param name="Files">Every file written, ordered by relative path (ordinal).</param>
/// <param name="Intrusion">The intrusion and its key times.</param>
public sealed record DemoFleet(
    string OutputFolder,
    ulong Seed,
    IReadOnlyList<DemoTenant> Tenants,
    IReadOnlyList<DemoHost> Hosts,
    IReadOnlyList<DemoFile> Files,
    DemoIntrusion Intrusion)
{
    /// <summary>Records (log lines and events) across all files.</summary>
    public long TotalRecords => Files.Sum(f => f.Records);

    /// <summary>Records per file kind.</summary>
    public long RecordsOf(DemoFileKind kind) => Files.Where(f => f.Kind == kind).Sum(f => f.Records);
}
