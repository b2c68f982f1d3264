namespace Ooda.Demo.Internal;

/// <summary>Hour-of-day activity profile (UTC, European office hours) and the Poisson clock built on it.</summary>
internal static class Diurnal
{
    private static readonly double[] _weights =
    [
        0.15, 0.1, 0.1, 0.1, 0.15, 0.3, 0.7, 1.4, 2.0, 2.1, 2.0, 1.8,
        1.6, 1.9, 2.0, 1.9, 1.6, 1.1, 0.7, 0.5, 0.45, 0.35, 0.25, 0.2,
    ];

    /// <summary>Weights average 1.0 over the day (sum 24).</summary>
    private static readonly double _sum = _weights.Sum();

    public static double Weight(DateTime time) => _weights[time.Hour] * 24 / _sum;

    /// <summary>Next arrival after <paramref name="time"/> for a process averaging <paramref name="perDay"/> arrivals a day.</summary>
    public static DateTime Next(DemoRandom random, DateTime time, double perDay)
    {
        var meanSeconds = 86_400.0 / Math.Max(perDay * Weight(time), 1e-6);
        var seconds = Math.Min(random.Exponential(meanSeconds), 4 * 3600.0);
        return time.AddTicks((long)(seconds * TimeSpan.TicksPerSecond) + 1);
    }
}
