using System.Text.Encodings.Web;
using System.Text.Json;
using Ooda.Investigation.Timeline.Internal;

namespace Ooda.Investigation.Timeline;

/// <summary>
/// A timeline as JSON lines, one object per row: the Timesketch fields (<c>message</c>, <c>datetime</c>, <c>timestamp_desc</c>,
/// <c>timestamp</c>) so Timesketch imports it as it is, and the row's provenance and findings as nested values.
/// </summary>
public static class TimelineJsonLines
{
    // Control characters are still escaped; non-ASCII text stays readable.
    private static readonly JsonWriterOptions _options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one line per row; <paramref name="stream"/> stays open.</summary>
    public static void Write(Stream stream, IEnumerable<TimelineRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        using var writer = new Utf8JsonWriter(stream, _options);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteRow(writer, row);
            writer.Flush();
            writer.Reset();
            stream.WriteByte((byte)'\n');
        }
    }

    /// <summary>One row as a JSON object.</summary>
    public static void WriteRow(Utf8JsonWriter w, TimelineRow row)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(row);
        w.WriteStartObject();
        w.WriteString("message", row.Summary);
        w.WriteString("datetime", TimelineFormat.DateTime(row.Time));
        w.WriteString("timestamp_desc", row.TimestampDescription);
        w.WriteNumber("timestamp", TimelineFormat.Microseconds(row.Time));
        w.WriteString("lane", TimelineFormat.Lane(row.Lane));
        w.WriteString("tenant", row.Tenant);
        w.WriteString("host", row.Host);
        w.WriteString("source", row.Source);
        w.WriteString("channel", row.Channel);
        if (row.EventId is { } id)
            w.WriteNumber("event_id", id);
        else
            w.WriteNull("event_id");
        if (row.RecordId is { } record)
            w.WriteNumber("record_id", record);
        else
            w.WriteNull("record_id");
        w.WriteStartObject("provenance");
        w.WriteString("file", row.Provenance.File);
        w.WriteString("sha256", row.Provenance.Sha256);
        if (row.Provenance.Line > 0)
            w.WriteNumber("line", row.Provenance.Line);
        if (row.Provenance.Offset >= 0)
            w.WriteNumber("offset", row.Provenance.Offset);
        w.WriteEndObject();
        w.WriteStartArray("findings");
        foreach (var f in row.Findings)
        {
            w.WriteStartObject();
            w.WriteString("id", f.FindingId);
            w.WriteString("title", f.Title);
            w.WriteString("severity", f.Severity);
            w.WriteString("detector", f.Detector);
            w.WriteStartArray("techniques");
            foreach (var t in f.Techniques)
                w.WriteStringValue(t);
            w.WriteEndArray();
            w.WriteString("found_at", TimelineFormat.DateTime(f.FoundAt));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
