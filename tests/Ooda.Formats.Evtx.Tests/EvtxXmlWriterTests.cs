using Ooda.Formats.Evtx.Tests.Support;
using Ooda.Testing;

namespace Ooda.Formats.Evtx.Tests;

/// <summary><see cref="EvtxXmlWriter.WriteAll"/> renders straight from templates; its output must be what each record's tree prints.</summary>
public sealed class EvtxXmlWriterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void WriteAll_prints_what_writing_each_record_tree_prints_for_every_value_type_and_shape(int parallelism)
    {
        var file = TestFiles.EveryShape();

        var expected = PerRecord(new MemoryStream(file), recover: false);
        var actual = WriteAll(new MemoryStream(file), recover: false, parallelism);

        Assert.Equal(expected, actual);
    }

    [SkippableFact]
    public void WriteAll_prints_what_writing_each_record_tree_prints_for_every_corpus_file()
    {
        var root = Corpus.Require(".");
        var files = Directory.EnumerateFiles(root, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var differing = files.Where(path => PerRecord(File.OpenRead(path), recover: true) != WriteAll(File.OpenRead(path), recover: true, parallelism: 2))
            .Select(path => Path.GetRelativePath(root, path)).ToList();

        Assert.True(files.Count > 0);
        Assert.Empty(differing);
    }

    private static string PerRecord(Stream stream, bool recover)
    {
        using var evtx = EvtxFile.Open(stream, new EvtxOptions { Recover = recover, MaxDegreeOfParallelism = 1 });
        using var output = new StringWriter();
        using (var xml = new EvtxXmlWriter(output))
        {
            foreach (var record in evtx.ReadRecords())
                xml.Write(record);
        }

        return output.ToString();
    }

    private static string WriteAll(Stream stream, bool recover, int parallelism)
    {
        using var evtx = EvtxFile.Open(stream, new EvtxOptions { Recover = recover, MaxDegreeOfParallelism = parallelism });
        using var output = new StringWriter();
        using (var xml = new EvtxXmlWriter(output))
            xml.WriteAll(evtx);
        return output.ToString();
    }
}
