using System.Text;
using Ooda.Core;
using Ooda.Formats.Text.Internal;
using Ooda.Testing;

namespace Ooda.Formats.Text.Tests;

public sealed class LineReaderTests
{
    private static List<(long Number, long Offset, string Text)> ReadAll(Stream stream, List<Diagnostic> diagnostics, int maxLineLength = TextParserOptions.DefaultMaxLineLength)
    {
        var lines = new List<(long, long, string)>();
        using var reader = new LineReader(stream, TestSources.Context(diagnostics), maxLineLength);
        while (reader.ReadLine())
            lines.Add((reader.LineNumber, reader.Offset, LineReader.Decode(reader.Line)));
        return lines;
    }

    private static List<(long Number, long Offset, string Text)> ReadAll(byte[] bytes, List<Diagnostic> diagnostics, int maxLineLength = TextParserOptions.DefaultMaxLineLength) =>
        ReadAll(new MemoryStream(bytes), diagnostics, maxLineLength);

    [Fact]
    public void Reads_nothing_from_an_empty_stream()
    {
        var diagnostics = new List<Diagnostic>();
        Assert.Empty(ReadAll([], diagnostics));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Numbers_lines_and_gives_byte_offsets_for_lf_and_crlf_and_a_final_line_without_newline()
    {
        var diagnostics = new List<Diagnostic>();
        var lines = ReadAll("a\r\nbb\n\nccc"u8.ToArray(), diagnostics);
        Assert.Equal([(1L, 0L, "a"), (2L, 3L, "bb"), (3L, 6L, ""), (4L, 7L, "ccc")], lines);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Skips_a_utf8_bom_and_counts_it_in_offsets()
    {
        var diagnostics = new List<Diagnostic>();
        var lines = ReadAll([0xEF, 0xBB, 0xBF, .. "x\ny"u8], diagnostics);
        Assert.Equal([(1L, 3L, "x"), (2L, 5L, "y")], lines);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Transcodes_utf16_with_a_bom_and_reports_offsets_as_unknown(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("#Fields: date\r\nÄpfel\r\n")).ToArray();
        var diagnostics = new List<Diagnostic>();
        var lines = ReadAll(bytes, diagnostics);
        Assert.Equal([(1L, -1L, "#Fields: date"), (2L, -1L, "Äpfel")], lines);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Decodes_latin1_bytes_with_replacement_characters_and_warns_once_per_file()
    {
        var bytes = Encoding.Latin1.GetBytes("caf\u00e9\nna\u00efve\nok\n");
        var diagnostics = new List<Diagnostic>();
        var lines = ReadAll(bytes, diagnostics);
        Assert.Equal(["caf\uFFFD", "na\uFFFDve", "ok"], lines.Select(l => l.Text));
        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("1", warning.Location);
    }

    [Fact]
    public void Skips_a_line_over_the_limit_and_keeps_the_lines_around_it()
    {
        var diagnostics = new List<Diagnostic>();
        var text = "first\n" + new string('x', 100) + "\r\nlast\n";
        var lines = ReadAll(Encoding.ASCII.GetBytes(text), diagnostics, maxLineLength: 64);
        Assert.Equal([(1L, 0L, "first"), (3L, 108L, "last")], lines);
        var error = Assert.Single(diagnostics);
        Assert.Equal("test.log:2: line of 100 bytes exceeds the 64 bytes limit, skipped", error.ToString());
    }

    [Fact]
    public void Keeps_a_line_exactly_at_the_limit()
    {
        var diagnostics = new List<Diagnostic>();
        var line = new string('y', 64);
        var lines = ReadAll(Encoding.ASCII.GetBytes(line + "\r\n" + line), diagnostics, maxLineLength: 64);
        Assert.Equal([line, line], lines.Select(l => l.Text));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Streams_past_a_line_of_300_MB_without_storing_it()
    {
        const long hugeLength = 300L * 1024 * 1024;
        var diagnostics = new List<Diagnostic>();
        using var stream = new GeneratedStream("before\n"u8.ToArray(), hugeLength, (byte)'z', "\r\nafter"u8.ToArray());
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var lines = ReadAll(stream, diagnostics);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal([(1L, 0L, "before"), (3L, 7 + hugeLength + 2, "after")], lines);
        Assert.Equal($"test.log:2: line of {hugeLength} bytes exceeds the 1 MiB limit, skipped", Assert.Single(diagnostics).ToString());
        Assert.True(allocated < 16L * 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Reports_an_over_long_final_line_without_newline()
    {
        var diagnostics = new List<Diagnostic>();
        var lines = ReadAll(Encoding.ASCII.GetBytes("a\n" + new string('q', 5000)), diagnostics, maxLineLength: 100);
        Assert.Equal(["a"], lines.Select(l => l.Text));
        Assert.Contains("line of 5000 bytes", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stops_when_cancelled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var context = new ParseContext(new EvidenceSource("x", "0", "t", "h"), _ => { }, cts.Token);
        using var reader = new LineReader(new MemoryStream("a\nb"u8.ToArray()), context, 100);
        Assert.Throws<OperationCanceledException>(() => reader.ReadLine());
    }
}
