namespace Ooda.Demo;

/// <summary>What <see cref="DemoFleetGenerator"/> builds and where it writes it.</summary>
/// <param name="OutputFolder">Folder that receives <c>inventory.csv</c>, <c>scans/</c> and <c>collection/</c>; created when missing.</param>
/// <param name="Seed">Same seed, same options: byte-identical files.</param>
/// <param name="Scale">Multiplies the benign volume (web requests, Windows activity); the intrusion is unchanged.</param>
public sealed record DemoOptions(string OutputFolder, ulong Seed = DemoOptions.DefaultSeed, double Scale = 1.0)
{
    /// <summary>2021-08-06, the week the ProxyShell mass exploitation began.</summary>
    public const ulong DefaultSeed = 20210806;

    /// <summary>Start of the evidence window (UTC); every generated time falls in [Start, Start + Days).</summary>
    public static DateTime Start { get; } = new(2021, 8, 6, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Number of days of evidence.</summary>
    public const int Days = 3;
}
