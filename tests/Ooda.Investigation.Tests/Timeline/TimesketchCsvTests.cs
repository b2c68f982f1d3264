using nietras.SeparatedValues;
using Ooda.Core;
using Ooda.Investigation.Timeline;

namespace Ooda.Investigation.Tests.Timeline;

public sealed class TimesketchCsvTests
{
    private static readonly DateTime _at = new(2021, 8, 6, 10, 0, 0, 123, 456, DateTimeKind.Utc);

    [Fact]
    public void Writes_the_header_even_without_rows()
    {
        var text = Write([]);
        Assert.Equal(string.Join(',', TimesketchCsv.Columns), text.TrimEnd('\r', '\n'));
    }

    [Fact]
    public void Writes_the_fields_timesketch_requires_in_its_forms()
    {
        var row = Read(Write([Row("w3wp.exe → cmd.exe: cmd /c whoami")])).Single();
        Assert.Equal("w3wp.exe → cmd.exe: cmd /c whoami", row["message"]);
        Assert.Equal("2021-08-06T10:00:00.123456+00:00", row["datetime"]);
        Assert.Equal("Event Recorded", row["timestamp_desc"]);
        Assert.Equal("1628244000123456", row["timestamp"]);
        Assert.Equal(("acme", "acme-ex01", "Sysmon 1", "happened"), (row["tenant"], row["host"], row["source"], row["lane"]));
        Assert.Equal(("1", "42", "", "4096"), (row["event_id"], row["record_id"], row["line"], row["offset"]));
        Assert.Equal(("f1;f2", "critical", "webshell; lateral, \"psexec\"", "2021-09-01T00:00:00.000000+00:00"),
            (row["finding_ids"], row["finding_severity"], row["finding_titles"], row["found_at"]));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a, b, c")]
    [InlineData("say \"hi\"")]
    [InlineData("line one\nline two\r\nline three")]
    [InlineData("\"")]
    [InlineData(",\"\n")]
    [InlineData("tab\tand ünïcödé 🦆")]
    [InlineData("a=b+c-d@e")]
    [InlineData("'quoted")]
    public void Hostile_values_read_back_exactly_as_written(string hostile)
    {
        var row = Row(hostile) with { Host = hostile, Provenance = new Provenance(hostile, "ab", -1, 7) };
        var read = Read(Write([row, Row("next")]));
        Assert.Equal(2, read.Count);
        Assert.Equal((hostile, hostile, hostile), (read[0]["message"], read[0]["host"], read[0]["file"]));
        Assert.Equal("next", read[1]["message"]);
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("+1-2")]
    [InlineData("@SUM(1)")]
    [InlineData("-2+3")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_written_after_a_quote(string formula)
    {
        var row = Row(formula) with
        {
            Host = formula,
            Tenant = formula,
            Source = formula,
            Channel = formula,
            TimestampDescription = formula,
            Provenance = new Provenance(formula, formula, -1, 7),
            Findings = [new TimelineMarker { FindingId = formula, Title = formula, Severity = formula, Detector = "sigma", FoundAt = _at }],
        };

        var read = Read(Write([row])).Single();

        foreach (var column in new[] { "message", "timestamp_desc", "tenant", "host", "source", "channel", "file", "sha256", "finding_ids", "finding_severity", "finding_titles" })
            Assert.Equal("'" + formula, read[column]);
    }

    [Fact]
    public void Numbers_are_written_as_numbers_even_when_negative()
    {
        var read = Read(Write([Row("x") with { Time = new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Utc), EventId = -1, RecordId = -5 }])).Single();

        Assert.Equal(("-1000000", "-1", "-5"), (read["timestamp"], read["event_id"], read["record_id"]));
    }

    private static TimelineRow Row(string summary) => new()
    {
        Time = _at,
        Tenant = "acme",
        Host = "acme-ex01",
        Source = "Sysmon 1",
        Summary = summary,
        TimestampDescription = "Event Recorded",
        Channel = "Microsoft-Windows-Sysmon/Operational",
        EventId = 1,
        RecordId = 42,
        Provenance = new Provenance("acme/acme-ex01/Sysmon.evtx", new string('a', 64), 4096, 0),
        Findings =
        [
            new TimelineMarker { FindingId = "f1", Title = "webshell", Severity = "critical", Detector = "sigma", FoundAt = new DateTime(2021, 9, 1, 0, 0, 0, DateTimeKind.Utc) },
            new TimelineMarker { FindingId = "f2", Title = "lateral, \"psexec\"", Severity = "high", Detector = "sigma", FoundAt = new DateTime(2021, 9, 2, 0, 0, 0, DateTimeKind.Utc) },
        ],
    };

    private static string Write(IEnumerable<TimelineRow> rows)
    {
        using var writer = new StringWriter();
        TimesketchCsv.Write(writer, rows);
        return writer.ToString();
    }

    private static List<Dictionary<string, string>> Read(string text)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(text);
        Assert.Equal(TimesketchCsv.Columns, reader.Header.ColNames);
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var column in TimesketchCsv.Columns)
                values[column] = row[column].ToString();
            rows.Add(values);
        }
        return rows;
    }
}
