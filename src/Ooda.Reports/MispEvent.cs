using System.Globalization;
using System.Text;
using System.Text.Json;
using Ooda.Reports.Internal;

namespace Ooda.Reports;

/// <summary>
/// The case as a MISP event (the JSON MISP imports through "Add event from JSON"): the case header as the Event, one Attribute per
/// IOC with MISP's type and category and to_ids set for what a sensor can match, and Tags for the TLP marking and the observed
/// ATT&amp;CK techniques (the mitre-attack-pattern galaxy). Uuids are UUIDv5 of the tenant, case and value, so re-export is stable.
/// </summary>
public static class MispEvent
{
    public static string Render(CaseReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        Write(buffer, report);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Stream output, CaseReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var h = report.Header;
        var scope = $"{h.Tenant}|{h.CaseId}";
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("Event");
        json.WriteString("uuid", Uuid5.Create($"{scope}|misp-event"));
        json.WriteString("info", $"{h.CaseId}: {h.Title}");
        json.WriteString("date", h.OpenedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("timestamp", Unix(h.UpdatedAt));
        json.WriteString("threat_level_id", ThreatLevel(h.Severity));
        json.WriteString("analysis", h.Status is "closed" or "recovered" ? "2" : "1");
        json.WriteString("distribution", Distribution(h.Tlp));
        json.WriteBoolean("published", false);
        json.WriteStartArray("Tag");
        Tag(json, "tlp:" + Tlp.Level(h.Tlp));
        foreach (var t in report.Attack.Observed)
            Tag(json, $"misp-galaxy:mitre-attack-pattern=\"{t.Name} - {t.Id.ToUpperInvariant()}\"");
        json.WriteEndArray();
        json.WriteStartArray("Attribute");
        foreach (var ioc in report.Iocs)
        {
            var (type, category, toIds) = Type(ioc.Kind);
            json.WriteStartObject();
            json.WriteString("uuid", Uuid5.Create($"{scope}|misp-attribute|{ioc.Kind}|{ioc.Value}"));
            json.WriteString("type", type);
            json.WriteString("category", category);
            json.WriteString("value", ioc.Value);
            json.WriteBoolean("to_ids", toIds);
            json.WriteString("distribution", "5");
            json.WriteString("comment", $"Seen on {string.Join(", ", ioc.Seen.Select(s => s.Host).Distinct(StringComparer.OrdinalIgnoreCase))} ({ioc.Seen.Count.ToString(CultureInfo.InvariantCulture)}×)");
            json.WriteString("timestamp", Unix(ioc.LastSeen ?? h.UpdatedAt));
            if (ioc.FirstSeen is { } first)
                json.WriteString("first_seen", StixBundle.Time(first));
            if (ioc.LastSeen is { } last)
                json.WriteString("last_seen", StixBundle.Time(last));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>MISP's type and category for a kind, and whether a sensor should alert on it (to_ids).</summary>
    public static (string Type, string Category, bool ToIds) Type(IocKind kind) => kind switch
    {
        IocKind.Sha256 => ("sha256", "Payload delivery", true),
        IocKind.Sha1 => ("sha1", "Payload delivery", true),
        IocKind.Md5 => ("md5", "Payload delivery", true),
        IocKind.Ipv4 or IocKind.Ipv6 => ("ip-src", "Network activity", true),
        IocKind.Domain => ("domain", "Network activity", true),
        IocKind.Url => ("url", "Network activity", true),
        IocKind.UserAgent => ("user-agent", "Network activity", false),
        IocKind.FilePath => ("filename", "Artifacts dropped", false),
        _ => ("text", "Other", false),
    };

    /// <summary>1 high, 2 medium, 3 low, 4 undefined.</summary>
    private static string ThreatLevel(string severity) => severity switch
    {
        "critical" or "high" => "1",
        "medium" => "2",
        "low" => "3",
        _ => "4",
    };

    /// <summary>0 your organisation only, 1 this community only, 3 all communities; TLP decides.</summary>
    private static string Distribution(string tlp) => Tlp.Level(tlp) switch
    {
        "clear" => "3",
        "green" => "1",
        _ => "0",
    };

    private static void Tag(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteEndObject();
    }

    private static string Unix(DateTime time) =>
        new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
