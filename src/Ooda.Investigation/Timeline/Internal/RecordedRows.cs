using System.Text.Json;
using Ooda.Core;
using Ooda.Store;

namespace Ooda.Investigation.Timeline.Internal;

/// <summary>The recorded lane: a case's audit trail as timeline rows, each at the time it was recorded, never at an evidence time.</summary>
internal static class RecordedRows
{
    public const string AuditLogFile = "audit log";

    /// <summary>Audit action → row label and the details worth one line, in the order shown.</summary>
    private static readonly Dictionary<string, (string Label, string[] Details)> _actions = new(StringComparer.Ordinal)
    {
        ["case.open"] = ("Case opened", ["title", "severity", "status"]),
        ["case.status"] = ("Case status", ["old", "new", "reason"]),
        ["case.update"] = ("Case changed", ["field", "old", "new"]),
        ["case.note"] = ("Case note", ["text"]),
        ["case.scope.add"] = ("Scope added", ["host", "reason"]),
        ["case.scope.remove"] = ("Scope removed", ["host", "reason"]),
        ["case.link"] = ("Finding linked", ["finding"]),
        ["case.evidence"] = ("Evidence added", ["description", "sha256", "record", "line"]),
    };

    public static TimelineRow Of(AuditEntry entry, string tenant, int maxLength)
    {
        var (label, wanted) = _actions.TryGetValue(entry.Action, out var known) ? known : (entry.Action, []);
        var values = Details(entry.Details);
        var parts = wanted.Length == 0
            ? values.Select(p => $"{p.Key}={p.Value}")
            : wanted.Where(values.ContainsKey).Select(name => name switch
            {
                "new" => "→ " + values[name],
                "reason" => $"({values[name]})",
                "field" or "host" => values[name] + ":",
                "severity" or "status" or "record" or "line" => $"{name} {values[name]}",
                "sha256" => "sha256 " + values[name][..Math.Min(16, values[name].Length)],
                _ => values[name],
            });
        var summary = $"{entry.Actor}: {string.Join(' ', parts)}";
        return new TimelineRow
        {
            Time = entry.At,
            Lane = TimelineLane.Recorded,
            Tenant = tenant,
            Host = values.TryGetValue("host", out var host) ? SummaryText.OneLine(host, 128) : string.Empty,
            Source = label,
            Summary = SummaryText.OneLine(summary, maxLength),
            TimestampDescription = "Recorded",
            RecordId = entry.Sequence,
            Provenance = new Provenance(AuditLogFile, entry.Hash, -1, 0),
        };
    }

    /// <summary>When a finding shown on the timeline was found, on the row's host and with its evidence's provenance.</summary>
    public static TimelineRow Found(TimelineRow evidence, TimelineMarker marker, int maxLength) => new()
    {
        Time = marker.FoundAt,
        Lane = TimelineLane.Recorded,
        Tenant = evidence.Tenant,
        Host = evidence.Host,
        Source = "Finding found",
        Summary = SummaryText.OneLine($"{marker.Severity}: {marker.Title} ({marker.FindingId[..Math.Min(12, marker.FindingId.Length)]}, evidence at {TimelineAnchor.Iso(evidence.Time)})", maxLength),
        TimestampDescription = "Found",
        Channel = evidence.Channel,
        EventId = evidence.EventId,
        RecordId = evidence.RecordId,
        Provenance = evidence.Provenance,
        Findings = [marker],
    };

    /// <summary>The audit entry's details object as text values; anything unreadable is shown raw rather than lost.</summary>
    private static Dictionary<string, string> Details(string json)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                values["details"] = json;
                return values;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.Null)
                    continue;
                values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }
        catch (JsonException)
        {
            values["details"] = json;
        }

        return values;
    }
}
