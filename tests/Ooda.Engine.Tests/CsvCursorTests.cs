using CsCheck;
using Ooda.Engine.Triage.Internal;

namespace Ooda.Engine.Tests;

public sealed class CsvCursorTests
{
    private static List<CsvRecord> ReadAll(string text, int? expectedFields = null)
    {
        var cursor = new CsvCursor(new StringReader(text)) { ExpectedFields = expectedFields };
        var records = new List<CsvRecord>();
        while (cursor.Read() is { } record)
            records.Add(record);
        return records;
    }

    [Fact]
    public void An_empty_text_has_no_records() => Assert.Empty(ReadAll(""));

    [Fact]
    public void Reads_quoted_commas_doubled_quotes_crlf_and_a_quoted_newline_with_start_lines()
    {
        var records = ReadAll("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\nlast,row", expectedFields: 2);
        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line));
        Assert.Equal(["x, y", "say \"hi\""], records[1].Fields!);
        Assert.Equal(["two\nlines", "z"], records[2].Fields!);
        Assert.Equal(["last", "row"], records[3].Fields!);
    }

    [Fact]
    public void An_unterminated_quote_at_the_end_costs_only_its_own_line()
    {
        var records = ReadAll("h1,h2\n\"open,1\n", expectedFields: 2);
        Assert.Equal((2, "unterminated quoted field; line skipped"), (records[1].Line, records[1].Error));
        Assert.Null(records[1].Fields);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public void An_unterminated_quote_in_the_middle_gives_back_the_lines_it_swallowed()
    {
        var records = ReadAll("h1,h2\na,\"open\nb,2\nc,3\n", expectedFields: 2);
        Assert.Equal([null, "unterminated quoted field; line skipped", null, null], records.Select(r => r.Error));
        Assert.Equal(["b", "2"], records[2].Fields!);
        Assert.Equal((3, 4), (records[2].Line, records[3].Line));
    }

    [Fact]
    public void An_unterminated_quote_does_not_pair_with_a_later_quoted_row_to_swallow_the_rows_between()
    {
        var records = ReadAll("h1,h2,h3\na,b,\"open\nb,2,2\nc,\"quoted, fine\",3\nd,4,4\n", expectedFields: 3);
        Assert.Equal([2], records.Where(r => r.Error is not null).Select(r => r.Line));
        Assert.Equal(["b", "c", "d"], records.Skip(2).Select(r => r.Fields![0]));
        Assert.Equal("quoted, fine", records[3].Fields![1]);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_skipped_and_the_next_line_is_read()
    {
        var records = ReadAll("h\n" + new string('x', CsvCursor.MaxLineChars + 10) + "\nnext\n", expectedFields: 1);
        Assert.Contains("longer than", records[1].Error, StringComparison.Ordinal);
        Assert.Equal((3, "next"), (records[2].Line, records[2].Fields![0]));
    }

    [Fact]
    public void Every_line_outside_one_unterminated_quote_comes_back_whatever_the_mix()
    {
        var good = Gen.Int[0, 999].Select(i => $"t,h{i}");
        var wrongWidth = Gen.Int[0, 999].Select(i => $"t,h{i},extra");
        var line = Gen.Frequency((4, good), (1, wrongWidth), (1, Gen.Const("")));
        Gen.Select(line.List[0, 30], line.List[0, 30]).Sample((before, after) =>
        {
            var lines = new List<string> { "tenant,host" };
            lines.AddRange(before);
            lines.Add("t,\"never closed");
            lines.AddRange(after);
            var records = ReadAll(string.Join('\n', lines) + "\n", expectedFields: 2);
            var errors = records.Where(r => r.Error is not null).ToList();
            Assert.True(errors.Count == 1, string.Join(" | ", errors.Select(e => $"{e.Line}: {e.Error}")) + "\n" + string.Join("\n", lines));
            Assert.Equal(before.Count + 2, errors[0].Line);
            Assert.Equal(lines.Count, records.Count);
            Assert.Equal(Enumerable.Range(1, lines.Count).Where(n => n != before.Count + 2), records.Where(r => r.Error is null).Select(r => r.Line));
        }, seed: "0N0XIzNsQ0O2", iter: 300);
    }
}
