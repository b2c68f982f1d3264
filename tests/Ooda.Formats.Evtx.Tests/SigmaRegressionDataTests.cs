using Ooda.Formats.Evtx.Tests.Support;
using Ooda.Testing;
using Xunit.Abstractions;

namespace Ooda.Formats.Evtx.Tests;

/// <summary>
/// Every SigmaHQ regression case pairs an <c>.evtx</c> with the Rust crate's JSON rendering of it; ours must equal it as a parsed tree.
/// </summary>
public sealed class SigmaRegressionDataTests
{
    /// <summary>
    /// Stored JSON that disagrees with the EVTX beside it (evtxexport and evtx_dump.py agree with us):
    /// this case's JSON was not rendered from its EVTX by the crate — its time has 100 ns digits (no crate
    /// version since 0.8.5 prints them) and its ParentCommandLine is cased differently from the record.
    /// </summary>
    private static readonly Dictionary<string, string[]> _knownDifferences = new(StringComparer.Ordinal)
    {
        ["ad691d92-15f2-4181-9aa4-723c74f9ddc3"] =
        [
            "$.Event.System.TimeCreated.#attributes.SystemTime",
            "$.Event.EventData.ParentCommandLine",
        ],
    };

    private readonly ITestOutputHelper _output;

    public SigmaRegressionDataTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public void Json_of_every_regression_evtx_equals_the_crate_json_beside_it()
    {
        var root = Corpus.Require("sigma/regression_data");
        var pairs = Directory.EnumerateFiles(root, "*.evtx", SearchOption.AllDirectories)
            .Select(evtx => (Evtx: evtx, Json: Path.ChangeExtension(evtx, ".json")))
            .Where(p => File.Exists(p.Json))
            .OrderBy(p => p.Evtx, StringComparer.Ordinal)
            .ToList();
        var failures = new List<string>();
        var accepted = 0;
        var records = 0;
        foreach (var (evtx, json) in pairs)
        {
            var expected = JsonTree.ParseMany(File.ReadAllBytes(json));
            using var file = EvtxFile.Open(evtx);
            var actual = file.ReadRecords().Select(r => JsonTree.ParseMany(EvtxJsonWriter.ToJson(r.Root))[0]).ToList();
            records += actual.Count;
            var name = Path.GetRelativePath(root, evtx);
            if (expected.Count != actual.Count)
            {
                failures.Add($"{name}: {expected.Count} records expected, {actual.Count} read");
                continue;
            }

            var known = _knownDifferences.GetValueOrDefault(Path.GetFileNameWithoutExtension(evtx), []);
            for (var i = 0; i < expected.Count; i++)
            {
                foreach (var (path, difference) in JsonTree.Diffs(expected[i], actual[i]))
                {
                    if (known.Contains(path))
                    {
                        accepted++;
                        _output.WriteLine($"known: {name} record {i}: {path}: {difference}");
                    }
                    else
                    {
                        failures.Add($"{name} record {i}: {path}: {difference}");
                    }
                }
            }
        }

        _output.WriteLine($"{pairs.Count} pairs, {records} records, {failures.Count} mismatches, {accepted} known differences of stored JSON");
        foreach (var failure in failures)
            _output.WriteLine(failure);
        Assert.True(pairs.Count > 0, "no regression pairs found");
        Assert.Empty(failures);
    }
}
