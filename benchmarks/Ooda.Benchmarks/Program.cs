using BenchmarkDotNet.Running;
using Ooda.Benchmarks;

// Data generators for the whole-process runs (see ../ingest.sh); anything else goes to BenchmarkDotNet.
return args switch
{
    ["generate-iis", var path, var lines] => Generators.Iis(path, long.Parse(lines, System.Globalization.CultureInfo.InvariantCulture)),
    ["generate-jsonl", var path, var events] => Generators.WindowsJsonLines(path, long.Parse(events, System.Globalization.CultureInfo.InvariantCulture)),
    ["generate-triage", var folder, var hosts] => Ooda.Benchmarks.Triage.TriageFleetGenerator.Write(folder, int.Parse(hosts, System.Globalization.CultureInfo.InvariantCulture)),
    ["generate-investigation", var folder, var events, var tenants] => Ooda.Benchmarks.Investigation.InvestigationFleetGenerator.Write(folder, long.Parse(events, System.Globalization.CultureInfo.InvariantCulture), int.Parse(tenants, System.Globalization.CultureInfo.InvariantCulture)),
    ["ioc", .. var rest] => Ooda.Benchmarks.Iocs.IocThroughput.Run(rest),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Generators).Assembly).Run(args);
    return 0;
}
