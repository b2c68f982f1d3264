using System.Globalization;
using System.Text;
using Ooda.Core;
using Ooda.Store;

namespace Ooda.Investigation.Timeline.Internal;

/// <summary>Turns the store's events, captured files and findings into timeline rows.</summary>
internal static class TimelineRows
{
    public const string FileCreated = "File created";
    public const string FileModified = "File modified";
    public const string FindingSource = "Finding";

    public static TimelineRow FromEvent(EvidenceEvent e, int maxLength)
    {
        var family = SourceFamilies.Of(e);
        var label = SourceFamilies.Label(e, family);
        return new TimelineRow
        {
            Time = e.Timestamp,
            Tenant = e.Tenant,
            Host = e.Host,
            Source = label,
            Summary = EventSummaries.Of(e, label, maxLength),
            TimestampDescription = SourceFamilies.TimestampDescription(e, family),
            Channel = e.Channel,
            EventId = e.EventId,
            RecordId = e.RecordId,
            Provenance = e.Provenance,
        };
    }

    /// <summary>A captured file's creation or modification, each a row of its own.</summary>
    public static TimelineRow FromFile(CapturedFile file, bool created, int maxLength) => new()
    {
        Time = created ? file.Created : file.Modified,
        Tenant = file.Tenant,
        Host = file.Host,
        Source = created ? FileCreated : FileModified,
        Summary = SummaryText.OneLine($"{file.OriginalPath} ({file.Size.ToString("N0", CultureInfo.InvariantCulture)} bytes)", maxLength),
        TimestampDescription = created ? "Creation Time" : "Modification Time",
        Provenance = new Provenance(file.SourcePath, file.Sha256, -1, 0),
    };

    /// <summary>A finding whose evidence is not in the store (hunted from files directly): a row of its own at its evidence time.</summary>
    public static TimelineRow FromFinding(TimelineFinding found, int maxLength)
    {
        var f = found.Finding;
        var summary = new StringBuilder(f.Title);
        if (f.OriginalPath is { } path)
            summary.Append(": ").Append(path);
        foreach (var (name, value) in f.Details.Take(4))
            summary.Append(" · ").Append(name).Append('=').Append(SummaryText.OneLine(value, maxLength));
        return new TimelineRow
        {
            Time = f.Timestamp,
            Tenant = f.Tenant,
            Host = f.Host,
            Source = FindingSource,
            Summary = SummaryText.OneLine(summary.ToString(), maxLength),
            TimestampDescription = "Evidence Time",
            Channel = f.Channel,
            EventId = f.EventId,
            RecordId = f.RecordId,
            Provenance = f.Provenance,
            Findings = [Marker(found)],
        };
    }

    public static TimelineMarker Marker(TimelineFinding found) => new()
    {
        FindingId = found.Finding.Id,
        Title = found.Finding.Title,
        Severity = found.Finding.Severity,
        Detector = found.Finding.Detector,
        Techniques = found.Finding.Techniques,
        FoundAt = found.FoundAt,
    };

    /// <summary>The place a finding's evidence names: record id, else line, else offset; null when it names none.</summary>
    public static string? EvidenceKey(string host, Provenance provenance, long? recordId)
    {
        var position = recordId is { } record ? "r" + record.ToString(CultureInfo.InvariantCulture)
            : provenance.Line > 0 ? "l" + provenance.Line.ToString(CultureInfo.InvariantCulture)
            : provenance.Offset >= 0 ? "o" + provenance.Offset.ToString(CultureInfo.InvariantCulture)
            : null;
        return position is null || provenance.Sha256.Length == 0 ? null : $"{host.ToLowerInvariant()}\u001f{provenance.Sha256.ToLowerInvariant()}\u001f{position}";
    }

    /// <summary>Every place a row can be named by: its record id, its line and its offset.</summary>
    public static IEnumerable<string> EvidenceKeys(TimelineRow row)
    {
        var host = row.Host.ToLowerInvariant();
        var sha = row.Provenance.Sha256.ToLowerInvariant();
        if (row.RecordId is { } record)
            yield return $"{host}\u001f{sha}\u001fr{record.ToString(CultureInfo.InvariantCulture)}";
        if (row.Provenance.Line > 0)
            yield return $"{host}\u001f{sha}\u001fl{row.Provenance.Line.ToString(CultureInfo.InvariantCulture)}";
        if (row.Provenance.Offset >= 0)
            yield return $"{host}\u001f{sha}\u001fo{row.Provenance.Offset.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>A captured file names itself by host, hash and original path.</summary>
    public static string FileKey(string host, string sha256, string originalPath) =>
        $"{host.ToLowerInvariant()}\u001f{sha256.ToLowerInvariant()}\u001f{originalPath.ToLowerInvariant()}";
}
