using System.Text;
using System.Text.Json;
using Ooda.Core;
using Ooda.Investigation.Timeline;

namespace Ooda.Investigation.Tests.Timeline;

public sealed class TimelineJsonLinesTests
{
    [Fact]
    public void Writes_one_object_per_line_with_the_timesketch_fields_provenance_and_findings()
    {
        var hostile = "a\"b\nc\u001b[31m\u2028";
        var rows = new[]
        {
            new TimelineRow
            {
                Time = new DateTime(2021, 8, 6, 10, 0, 0, DateTimeKind.Utc),
                Tenant = "acme",
                Host = "acme-ex01",
                Source = "IIS",
                Summary = hostile,
                TimestampDescription = "Request Logged",
                Channel = "W3SVC1",
                Provenance = new Provenance("u_ex.log", "ab", 100, 6),
                Findings = [new TimelineMarker { FindingId = "f1", Title = "t", Severity = "high", Detector = "sigma", Techniques = ["T1190"], FoundAt = new DateTime(2021, 9, 1, 0, 0, 0, DateTimeKind.Utc) }],
            },
            new TimelineRow
            {
                Time = new DateTime(2021, 9, 2, 0, 0, 0, DateTimeKind.Utc),
                Lane = TimelineLane.Recorded,
                Tenant = "acme",
                Host = string.Empty,
                Source = "Case note",
                Summary = "bob: seen",
                TimestampDescription = "Recorded",
                RecordId = 7,
                Provenance = new Provenance("audit log", "cd", -1, 0),
            },
        };
        using var stream = new MemoryStream();
        TimelineJsonLines.Write(stream, rows);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');

        Assert.Equal(3, lines.Length);
        Assert.Equal(string.Empty, lines[2]);
        using var first = JsonDocument.Parse(lines[0]);
        var e = first.RootElement;
        Assert.Equal(hostile, e.GetProperty("message").GetString());
        Assert.Equal("2021-08-06T10:00:00.000000+00:00", e.GetProperty("datetime").GetString());
        Assert.Equal(1628244000000000, e.GetProperty("timestamp").GetInt64());
        Assert.Equal(("Request Logged", "happened", "IIS"), (e.GetProperty("timestamp_desc").GetString(), e.GetProperty("lane").GetString(), e.GetProperty("source").GetString()));
        Assert.Equal(JsonValueKind.Null, e.GetProperty("event_id").ValueKind);
        Assert.Equal(6, e.GetProperty("provenance").GetProperty("line").GetInt64());
        Assert.Equal("T1190", e.GetProperty("findings")[0].GetProperty("techniques")[0].GetString());
        Assert.Equal("2021-09-01T00:00:00.000000+00:00", e.GetProperty("findings")[0].GetProperty("found_at").GetString());

        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(("recorded", 7), (second.RootElement.GetProperty("lane").GetString(), second.RootElement.GetProperty("record_id").GetInt32()));
        Assert.False(second.RootElement.GetProperty("provenance").TryGetProperty("offset", out _));
    }
}
