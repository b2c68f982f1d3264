using System.Text.Json;
using Ooda.Core;

namespace Ooda.Engine.Json;

/// <summary>The JSON shape of one finding in the CLI's <c>--json</c> output, findings files and the console's API.</summary>
public static class FindingJson
{
    public static void Write(Utf8JsonWriter w, Finding f)
    {
        w.WriteStartObject();
        w.WriteString("findingId", f.Id);
        w.WriteString("severity", f.Severity);
        w.WriteString("title", f.Title);
        w.WriteString("detector", f.Detector);
        w.WriteString("ruleId", f.RuleId);
        w.WriteStartArray("sources");
        foreach (var source in f.Sources)
        {
            w.WriteStartObject();
            w.WriteString("runbook", source.RunbookId);
            w.WriteString("runbookVersion", source.RunbookVersion);
            w.WriteString("hunt", source.HuntId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("techniques");
        foreach (var technique in f.Techniques)
            w.WriteStringValue(technique);
        w.WriteEndArray();
        w.WriteString("timestamp", f.Timestamp == DateTime.MinValue ? null : JsonTime.Format(f.Timestamp));
        w.WriteString("tenant", f.Tenant);
        w.WriteString("host", f.Host);
        w.WriteString("channel", f.Channel);
        if (f.EventId is { } id)
            w.WriteNumber("eventId", id);
        else
            w.WriteNull("eventId");
        if (f.RecordId is { } record)
            w.WriteNumber("recordId", record);
        else
            w.WriteNull("recordId");
        ProvenanceJson.Write(w, f.Provenance);
        w.WriteString("originalPath", f.OriginalPath);
        w.WriteStartArray("details");
        foreach (var (name, value) in f.Details)
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("value", value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    // Findings files written before findings had several sources carry one runbook step at the top level.
    private static IReadOnlyList<FindingSource> ReadSources(JsonElement e, Func<string, string?> text)
    {
        if (e.TryGetProperty("sources", out var sources) && sources.ValueKind == JsonValueKind.Array)
        {
            string? Field(JsonElement s, string name) => s.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            return FindingSource.Ordered(sources.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && Field(s, "runbook") is { Length: > 0 })
                .Select(s => new FindingSource(Field(s, "runbook")!, Field(s, "runbookVersion"), Field(s, "hunt"))));
        }

        return text("runbook") is { Length: > 0 } runbook ? [new FindingSource(runbook, text("runbookVersion"), text("hunt"))] : [];
    }

    /// <summary>Reads one finding back from the shape <see cref="Write"/> produces (findings files fed to <c>runbook learn</c>).</summary>
    public static Finding Read(JsonElement e)
    {
        string? Text(string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        long? Number(string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt64() : null;
        string Required(string name) => Text(name) ?? throw new InvalidDataException($"'{name}' is missing");
        var timestamp = Text("timestamp") is { } t
            ? DateTime.Parse(t, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal)
            : DateTime.MinValue;
        return new Finding
        {
            Id = Required("findingId"),
            Severity = Required("severity"),
            Title = Required("title"),
            Detector = Required("detector"),
            RuleId = Text("ruleId"),
            Sources = ReadSources(e, Text),
            Techniques = e.TryGetProperty("techniques", out var techniques) && techniques.ValueKind == JsonValueKind.Array
                ? techniques.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList()
                : [],
            Timestamp = timestamp,
            Tenant = Required("tenant"),
            Host = Required("host"),
            Channel = Text("channel"),
            EventId = (int?)Number("eventId"),
            RecordId = Number("recordId"),
            Provenance = e.TryGetProperty("provenance", out var p) && p.ValueKind == JsonValueKind.Object
                ? new Provenance(
                    p.TryGetProperty("file", out var file) ? file.GetString() ?? string.Empty : string.Empty,
                    p.TryGetProperty("sha256", out var sha) ? sha.GetString() ?? string.Empty : string.Empty,
                    p.TryGetProperty("offset", out var offset) ? offset.GetInt64() : -1,
                    p.TryGetProperty("line", out var line) ? line.GetInt64() : 0)
                : new Provenance(string.Empty, string.Empty, -1, 0),
            OriginalPath = Text("originalPath"),
            Details = e.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array
                ? details.EnumerateArray().Select(d => new KeyValuePair<string, string>(d.GetProperty("name").GetString() ?? string.Empty, d.GetProperty("value").GetString() ?? string.Empty)).ToList()
                : [],
        };
    }
}
