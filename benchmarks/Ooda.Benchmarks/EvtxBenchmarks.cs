using BenchmarkDotNet.Attributes;
using Ooda.Core;
using Ooda.Formats.Evtx;

namespace Ooda.Benchmarks;

/// <summary>
/// EVTX parsing from memory: records only (parse, values decoded into record trees), to JSON lines (straight from templates,
/// and through record trees for comparison), to XML and to events, on one thread and on all cores. Reads the shared corpus
/// (<c>OODA_CORPUS</c> or <c>../shared/corpus</c> beside the checkout); <c>OODA_EVTX_BENCH_FILE</c> adds a file of your own
/// (e.g. the concatenated corpus that <c>benchmarks/evtx.sh --concat</c> writes).
/// </summary>
[MemoryDiagnoser]
public class EvtxBenchmarks
{
    private static readonly EvidenceSource _source = new("bench.evtx", "0", "bench", "h1");

    private byte[] _file = [];

    [ParamsSource(nameof(Files))]
    public string File { get; set; } = string.Empty;

    public static IEnumerable<string> Files()
    {
        yield return "deepbluecli/evtx/smb-password-guessing-security.evtx";
        yield return "deepbluecli/evtx/many-events-application.evtx";
        if (Environment.GetEnvironmentVariable("OODA_EVTX_BENCH_FILE") is { Length: > 0 } extra)
            yield return extra;
    }

    [GlobalSetup]
    public void Setup()
    {
        if (Path.IsPathRooted(File))
        {
            _file = System.IO.File.ReadAllBytes(File);
            return;
        }

        var corpus = EvtxCorpus.Find() ?? throw new InvalidOperationException("no corpus: set OODA_CORPUS to the shared corpus folder");
        _file = System.IO.File.ReadAllBytes(Path.Combine(corpus, File));
    }

    [Benchmark]
    public long Records_one_thread()
    {
        using var file = EvtxFile.Open(new MemoryStream(_file), new EvtxOptions { MaxDegreeOfParallelism = 1 });
        long count = 0;
        foreach (var record in file.ReadRecords())
            count += record.Root.Children.Count > 0 ? 1 : 0;
        return count;
    }

    [Benchmark]
    public long Xml_one_thread()
    {
        using var file = EvtxFile.Open(new MemoryStream(_file), new EvtxOptions { MaxDegreeOfParallelism = 1 });
        using var xml = new EvtxXmlWriter(Stream.Null);
        return xml.WriteAll(file);
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
