using System.Text.Json;
using System.Text.Json.Nodes;
using Ooda.Testing;

namespace Ooda.EndToEnd.Tests;

/// <summary><c>ooda evtx dump</c> as users run it: the SigmaHQ regression JSON beside an <c>.evtx</c> is what it prints.</summary>
public sealed class EvtxDumpTests
{
    /// <summary>The regression case with the most records (7 Sysmon file events).</summary>
    private const string Case = "sigma/regression_data/rules/windows/file/file_event/file_event_win_hktl_netexec_file_indicators/efc21479-9e83-41da-8cf1-122e06ba8db3";

    [SkippableFact]
    public void Jsonl_output_equals_the_sigma_regression_json_of_the_same_file()
    {
        var evtx = Corpus.Require(Case + ".evtx");
        var expected = ParseMany(File.ReadAllText(Path.ChangeExtension(evtx, ".json")));

        var (exit, stdout, stderr) = OodaProcess.Run("evtx", "dump", evtx, "--format", "jsonl");

        Assert.True(exit == 0, stderr);
        Assert.Equal(string.Empty, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
            Assert.True(JsonNode.DeepEquals(expected[i], JsonNode.Parse(lines[i])), $"record {i} differs:\n{lines[i]}");
    }

    [SkippableFact]
    public void Json_and_xml_formats_print_every_record()
    {
        var evtx = Corpus.Require(Case + ".evtx");
        var expected = ParseMany(File.ReadAllText(Path.ChangeExtension(evtx, ".json")));

        var json = OodaProcess.Run("evtx", "dump", evtx, "--format", "json", "--threads", "1");
        var xml = OodaProcess.Run("evtx", "dump", evtx, "--format", "xml");

        Assert.True(json.ExitCode == 0, json.Stderr);
        var actual = ParseMany(json.Stdout);
        Assert.Equal(expected.Count, actual.Count);
        Assert.All(expected.Zip(actual), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second)));
        Assert.True(xml.ExitCode == 0, xml.Stderr);
        Assert.Equal(expected.Count, xml.Stdout.Split("<Event ").Length - 1);
    }

    [Fact]
    public void A_file_that_is_not_evtx_is_bad_input_with_a_one_line_error()
    {
        using var dir = new TempDirectory();
        var path = dir.File("notes.evtx");
        File.WriteAllText(path, "not an event log");

        var (exit, stdout, stderr) = OodaProcess.Run("evtx", "dump", path);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("not an EVTX file", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [SkippableFact]
    public void A_truncated_file_reports_the_loss_on_stderr_with_file_and_offset()
    {
        var source = Corpus.Require(Case + ".evtx");
        using var dir = new TempDirectory();
        var path = dir.File("truncated.evtx");
        var bytes = File.ReadAllBytes(source);
        File.WriteAllBytes(path, bytes[..(0x1000 + 0x200 + 0x100)]);

        var (exit, _, stderr) = OodaProcess.Run("evtx", "dump", path);

        Assert.Equal(0, exit);
        Assert.StartsWith(path + "@0x1000: chunk 0", stderr, StringComparison.Ordinal);
    }

    private static List<JsonNode?> ParseMany(string text)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = true });
        var values = new List<JsonNode?>();
        while (reader.Read())
            values.Add(JsonNode.Parse(ref reader));
        return values;
    }
}
