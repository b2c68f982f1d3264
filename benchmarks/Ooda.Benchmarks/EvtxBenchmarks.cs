using BenchmarkDotNet.Attributes;
using Ooda.Core;
using Ooda.Formats.Evtx;

namespace Ooda.Benchmarks;

/// <summary>
/// EVTX parsing from memory: to JSON lines (straight from templates, and through record trees for comparison) and to events,
/// on one thread and on all cores. Reads the shared corpus (<c>OODA_CORPUS</c> or <c>../shared/corpus</c> beside the checkout).
/// </summary>
[MemoryDiagnoser]
public class EvtxBenchmarks
{
    private static readonly EvidenceSource _source = new("bench.evtx", "0", "bench", "h1");

    private byte[] _file = [];

    [Params("deepbluecli/evtx/smb-password-guessing-security.evtx", "deepbluecli/evtx/many-events-application.evtx")]
    public string File { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = EvtxCorpus.Find() ?? throw new InvalidOperationException("no corpus: set OODA_CORPUS to the shared corpus folder");
        _file = System.IO.File.ReadAllBytes(Path.Combine(corpus, File));
    }

    [Benchmark(Baseline = true)]
    public long Json_one_thread() => WriteJson(1);

    [Benchmark]
    public long Json_all_cores() => WriteJson(Environment.ProcessorCount);

    [Benchmark]
    public long Json_through_record_trees_one_thread()
    {
        using var file = EvtxFile.Open(new MemoryStream(_file), new EvtxOptions { MaxDegreeOfParallelism = 1 });
        using var json = new EvtxJsonWriter(Stream.Null, EvtxJsonOptions.Lines);
        long count = 0;
        foreach (var record in file.ReadRecords())
        {
            json.Write(record);
            count++;
        }

        return count;
    }

    [Benchmark]
    public long Events_one_thread() => ParseEvents(1);

    [Benchmark]
    public long Events_all_cores() => ParseEvents(Environment.ProcessorCount);

    private long WriteJson(int threads)
    {
        using var file = EvtxFile.Open(new MemoryStream(_file), new EvtxOptions { MaxDegreeOfParallelism = threads });
        using var json = new EvtxJsonWriter(Stream.Null, EvtxJsonOptions.Lines);
        return json.WriteAll(file);
    }

    private long ParseEvents(int threads)
    {
        var parser = new EvtxEvidenceParser(new EvtxOptions { MaxDegreeOfParallelism = threads });
        long count = 0;
        foreach (var e in parser.Parse(new MemoryStream(_file), new ParseContext(_source, _ => { })))
            count += e.Fields.Count > 0 ? 1 : 0;
        return count;
    }
}
