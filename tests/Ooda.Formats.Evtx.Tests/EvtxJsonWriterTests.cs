using Ooda.Formats.Evtx.Tests.Support;
using Ooda.Testing;

namespace Ooda.Formats.Evtx.Tests;

/// <summary>
/// <see cref="EvtxJsonWriter.WriteAll"/> renders straight from templates and substitution values; its output must be
/// byte for byte what rendering each record's tree prints.
/// </summary>
public sealed class EvtxJsonWriterTests
{
    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 1)]
    [InlineData(false, 3)]
    public void WriteAll_prints_what_writing_each_record_tree_prints_for_every_value_type_and_shape(bool indented, int parallelism)
    {
        var file = TestFiles.EveryShape();
        var options = indented ? EvtxJsonOptions.Pretty : EvtxJsonOptions.Lines;

        var (expected, records) = PerRecord(new MemoryStream(file), options, recover: false);
        var actual = WriteAll(new MemoryStream(file), options, recover: false, parallelism);

        Assert.Equal(360, records);
        Assert.Equal(expected, actual);
    }

    [SkippableFact]
    public void WriteAll_prints_what_writing_each_record_tree_prints_for_every_corpus_file()
    {
        var root = Corpus.Require(".");
        var files = Directory.EnumerateFiles(root, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var differing = new List<string>();
        foreach (var path in files)
        {
            var (expected, _) = PerRecord(File.OpenRead(path), EvtxJsonOptions.Lines, recover: true);
            var actual = WriteAll(File.OpenRead(path), EvtxJsonOptions.Lines, recover: true, parallelism: 2);
            if (expected != actual)
                differing.Add($"{Path.GetRelativePath(root, path)}: {FirstDifference(expected, actual)}");
        }

        Assert.True(files.Count > 0);
        Assert.True(differing.Count == 0, $"{differing.Count} files differ:\n{string.Join('\n', differing.Take(5))}");
    }

    [Fact]
    public void WriteAll_reports_a_lost_record_and_prints_the_others()
    {
        var (file, writer) = TestFiles.Standard(5);
        file.AsSpan((int)writer.RecordOffsets[2] + Internal.RecordLayout.Data + 4, 8).Fill(0xEE); // record 3's template instance header
        var diagnostics = new List<EvtxDiagnostic>();
        using var output = new StringWriter();

        using (var evtx = EvtxFile.Open(new MemoryStream(file), new EvtxOptions { OnDiagnostic = diagnostics.Add }))
        using (var json = new EvtxJsonWriter(output, EvtxJsonOptions.Lines))
            Assert.Equal(4, json.WriteAll(evtx));

        Assert.Equal(4, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var lost = Assert.Single(diagnostics, d => d.Severity == Ooda.Core.DiagnosticSeverity.Error);
        Assert.Equal(3UL, lost.RecordId);
    }

    private static (string Text, int Records) PerRecord(Stream stream, EvtxJsonOptions options, bool recover)
    {
        using var evtx = EvtxFile.Open(stream, new EvtxOptions { Recover = recover, MaxDegreeOfParallelism = 1 });
        using var output = new StringWriter();
        var records = 0;
        using (var json = new EvtxJsonWriter(output, options))
        {
            foreach (var record in evtx.ReadRecords())
            {
                json.Write(record);
                records++;
            }
        }

        return (output.ToString(), records);
    }

    private static string WriteAll(Stream stream, EvtxJsonOptions options, bool recover, int parallelism)
    {
        using var evtx = EvtxFile.Open(stream, new EvtxOptions { Recover = recover, MaxDegreeOfParallelism = parallelism });
        using var output = new StringWriter();
        using (var json = new EvtxJsonWriter(output, options))
            json.WriteAll(evtx);
        return output.ToString();
    }

    private static string FirstDifference(string expected, string actual)
    {
        var at = expected.AsSpan().CommonPrefixLength(actual);
        var from = Math.Max(0, at - 80);
        return $"at {at}: expected …{expected[from..Math.Min(expected.Length, at + 80)]}… got …{actual[from..Math.Min(actual.Length, at + 80)]}…";
    }
}
