using System.Diagnostics;
using System.Globalization;
using Ooda.Detection.Iocs;

namespace Ooda.Benchmarks.Iocs;

/// <summary>
/// Whole-run IOC matching: compile a generated set, stream generated events through it on one thread, and report
/// events per second (matching alone and with generation) and the peak working set. See <c>../ioc.sh</c>.
/// </summary>
public static class IocThroughput
{
    /// <summary><c>ioc [iocs] [events]</c>, defaults 100,000 and 10,000,000.</summary>
    public static int Run(string[] args)
    {
        var iocCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var eventCount = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000;

        var clock = Stopwatch.StartNew();
        var set = IocWorkload.Iocs(iocCount);
        var generated = clock.Elapsed;
        clock.Restart();
        var matcher = IocMatcher.Compile(set);
        var compiled = clock.Elapsed;
        Console.WriteLine($"{set.Count:N0} indicators generated in {generated.TotalSeconds:F2} s, compiled in {compiled.TotalSeconds:F2} s: {matcher.Statistics}");
        Console.WriteLine($"by kind: {string.Join(", ", set.GroupBy(i => i.Kind).OrderBy(g => g.Key).Select(g => $"{IocKinds.Name(g.Key)} {g.Count():N0}"))}");

        var hits = new List<IocHit>();
        long hitCount = 0;
        long eventsWithHits = 0;
        long plantedFound = 0;
        long matchTicks = 0;
        long seen = 0;
        clock.Restart();
        foreach (var e in IocWorkload.Events(eventCount, set))
        {
            var before = Stopwatch.GetTimestamp();
            matcher.Match(e, hits);
            matchTicks += Stopwatch.GetTimestamp() - before;
            if (hits.Count > 0)
            {
                hitCount += hits.Count;
                eventsWithHits++;
                plantedFound += seen % IocWorkload.PlantEvery == IocWorkload.PlantEvery - 1 ? 1 : 0;
                hits.Clear();
            }

            seen++;
        }

        var total = clock.Elapsed.TotalSeconds;
        var matching = (double)matchTicks / Stopwatch.Frequency;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"{seen:N0} events in {total:F2} s: {seen / total:N0} events/s end to end (generation included), {seen / matching:N0} events/s matching alone ({matching:F2} s, {matching * 1e9 / seen:F0} ns/event)");
        Console.WriteLine($"{eventsWithHits:N0} events with hits ({hitCount:N0} hits; {plantedFound:N0} of {seen / IocWorkload.PlantEvery:N0} planted events found); peak working set {process.PeakWorkingSet64 / 1e6:F0} MB, GC heap {GC.GetTotalMemory(false) / 1e6:F0} MB");
        return 0;
    }
}
