using BenchmarkDotNet.Running;
using Ooda.Benchmarks;

// Data generators for the whole-process runs (see ../ingest.sh); anything else goes to BenchmarkDotNet.
return args switch
{
    ["generate-iis", var path, var lines] => Generators.Iis(path, long.Parse(lines, System.Globalization.CultureInfo.InvariantCulture)),
    ["generate-jsonl", var path, var events] => Generators.WindowsJsonLines(path, long.Parse(events, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Generators).Assembly).Run(args);
    return 0;
}
