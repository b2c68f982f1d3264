using nietras.SeparatedValues;
using Ooda.Investigation.Timeline.Internal;

namespace Ooda.Investigation.Timeline;

/// <summary>
/// A timeline as a Timesketch CSV: <c>message</c>, <c>datetime</c> (ISO 8601, UTC) and <c>timestamp_desc</c> as Timesketch requires,
/// <c>timestamp</c> in microseconds, then tenant, host, source, lane, provenance and findings. Values are quoted per RFC 4180
/// wherever they hold a comma, quote or line break. A text value that a spreadsheet would run as a formula (it starts with =, +, -, @,
/// tab or carriage return) is written with a leading <c>'</c>, as OWASP advises against CSV injection; numbers are written as they are.
/// </summary>
public static class TimesketchCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "message", "datetime", "timestamp_desc", "timestamp", "tenant", "host", "source", "lane", "channel", "event_id", "record_id",
        "file", "sha256", "line", "offset", "finding_ids", "finding_severity", "finding_titles", "found_at",
    ];

    /// <summary>Writes the header and one line per row; <paramref name="writer"/> stays open.</summary>
    public static void Write(TextWriter writer, IEnumerable<TimelineRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = Sep.New(',').Writer(o => o with { Escape = true }).To(writer, leaveOpen: true);
        csv.Header.Add(Columns);
        csv.Header.Write();
        foreach (var r in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var line = csv.NewRow();
            line["message"].Set(Text(r.Summary));
            line["datetime"].Set(TimelineFormat.DateTime(r.Time));
            line["timestamp_desc"].Set(Text(r.TimestampDescription));
            line["timestamp"].Set(TimelineFormat.Number(TimelineFormat.Microseconds(r.Time)));
            line["tenant"].Set(Text(r.Tenant));
            line["host"].Set(Text(r.Host));
            line["source"].Set(Text(r.Source));
            line["lane"].Set(TimelineFormat.Lane(r.Lane));
            line["channel"].Set(Text(r.Channel ?? string.Empty));
            line["event_id"].Set(TimelineFormat.Number(r.EventId));
            line["record_id"].Set(TimelineFormat.Number(r.RecordId));
            line["file"].Set(Text(r.Provenance.File));
            line["sha256"].Set(Text(r.Provenance.Sha256));
            line["line"].Set(r.Provenance.Line > 0 ? TimelineFormat.Number(r.Provenance.Line) : string.Empty);
            line["offset"].Set(r.Provenance.Offset >= 0 ? TimelineFormat.Number(r.Provenance.Offset) : string.Empty);
            line["finding_ids"].Set(Text(string.Join(';', r.Findings.Select(f => f.FindingId))));
            line["finding_severity"].Set(Text(r.Findings.Count == 0 ? string.Empty : r.Findings.MaxBy(f => Core.SeverityLevels.Rank(f.Severity))!.Severity));
            line["finding_titles"].Set(Text(string.Join("; ", r.Findings.Select(f => f.Title))));
            line["found_at"].Set(r.Findings.Count == 0 ? string.Empty : TimelineFormat.DateTime(r.Findings.Min(f => f.FoundAt)));
        }
    }

    /// <summary>The value, with a leading <c>'</c> when a spreadsheet would read it as a formula.</summary>
    internal static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
