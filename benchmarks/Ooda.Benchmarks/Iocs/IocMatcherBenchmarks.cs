using BenchmarkDotNet.Attributes;
using Ooda.Core;
using Ooda.Detection.Iocs;

namespace Ooda.Benchmarks.Iocs;

/// <summary>The matcher per event: a batch of generated events (mostly without hits) against sets of several sizes.</summary>
[MemoryDiagnoser]
public class IocMatcherBenchmarks
{
    private const int Batch = 4096;

    private IocMatcher _matcher = null!;
    private EvidenceEvent[] _events = [];
    private readonly List<IocHit> _hits = [];

    [Params(1_000, 100_000)]
    public int Iocs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var set = IocWorkload.Iocs(Iocs);
        _matcher = IocMatcher.Compile(set);
        _events = [.. IocWorkload.Events(Batch, set)];
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int Match_per_event()
    {
        var hits = 0;
        foreach (var e in _events)
        {
            _matcher.Match(e, _hits);
            hits += _hits.Count;
            _hits.Clear();
        }

        return hits;
    }
}
