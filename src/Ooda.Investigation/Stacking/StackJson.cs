using System.Globalization;
using System.Text.Json;
using Ooda.Store;

namespace Ooda.Investigation.Stacking;

/// <summary>The <c>ooda stack --json</c> document: the request, every source with its normalisation rules, the totals and the rarest values.</summary>
public static class StackJson
{
    public static void Write(Utf8JsonWriter w, StackReport report)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        var request = report.Request;
        w.WriteStartObject();
        w.WriteString("target", request.Target.Trim());
        w.WriteString("preset", report.Preset?.Name);
        w.WriteString("field", report.Field);
        w.WriteString("description", report.Preset?.Description ?? $"the values of event field {report.Field}");
        w.WriteStartObject("scope");
        w.WriteString("tenant", request.Tenant);
        w.WriteString("host", request.Host);
        w.WriteString("from", Iso(request.From));
        w.WriteString("to", Iso(request.To));
        w.WriteStartArray("where");
        foreach (var filter in request.Where)
            w.WriteStringValue(Text(filter));
        w.WriteEndArray();
        Number(w, "maxHosts", request.MaxHosts);
        w.WriteNumber("limit", request.Limit);
        w.WriteEndObject();
        var result = report.Result;
        w.WriteNumber("distinctValues", result.DistinctValues);
        w.WriteNumber("hosts", result.Hosts);
        w.WriteNumber("events", result.Events);
        w.WriteNumber("indexedFiles", result.IndexedFiles);
        w.WriteStartArray("sources");
        foreach (var source in report.Sources)
            WriteSource(w, source);
        w.WriteEndArray();
        w.WriteStartArray("values");
        foreach (var row in result.Rows)
            WriteRow(w, row);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteRow(Utf8JsonWriter w, StackRow row)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(row);
        w.WriteStartObject();
        w.WriteString("value", row.Value);
        w.WriteNumber("hosts", row.Hosts);
        w.WriteNumber("events", row.Events);
        w.WriteString("firstSeen", Iso(row.FirstSeen));
        w.WriteString("lastSeen", Iso(row.LastSeen));
        w.WriteStartArray("hostNames");
        foreach (var host in row.HostNames)
        {
            w.WriteStartObject();
            w.WriteString("tenant", host.Tenant);
            w.WriteString("host", host.Host);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("sources");
        foreach (var source in row.Sources)
            w.WriteStringValue(source);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteSource(Utf8JsonWriter w, StackSource source)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(source);
        w.WriteStartObject();
        w.WriteString("name", source.Name);
        w.WriteString("table", source.Table == StackTable.CapturedFiles ? "captured_files" : "events");
        w.WriteString("sourceKind", source.SourceKind);
        w.WriteString("channel", source.Channel);
        w.WriteStartArray("eventIds");
        foreach (var id in source.EventIds)
            w.WriteNumberValue(id);
        w.WriteEndArray();
        w.WriteStartArray("conditions");
        foreach (var condition in source.Conditions)
            w.WriteStringValue(Text(condition));
        w.WriteEndArray();
        w.WriteStartArray("parts");
        foreach (var part in source.Parts)
        {
            w.WriteStartObject();
            w.WriteString("field", part.Field);
            w.WriteString("extract", part.Extract);
            w.WriteString("split", part.Split);
            w.WriteString("prefix", part.Prefix);
            WriteNormalization(w, part.Normalization);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("separator", source.Parts.Count > 1 ? source.Separator : null);
        w.WriteStartArray("valuePatterns");
        foreach (var pattern in source.ValuePatterns)
            w.WriteStringValue(pattern);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNormalization(Utf8JsonWriter w, StackNormalization n)
    {
        w.WriteStartObject("normalization");
        w.WriteString("name", n.Name);
        w.WriteString("rule", n.Description);
        w.WriteString("case", n.Case switch { StackCase.Lower => "lower", StackCase.Upper => "upper", _ => "as-is" });
        w.WriteStartArray("rewrites");
        foreach (var rewrite in n.Rewrites)
        {
            w.WriteStartObject();
            w.WriteString("from", rewrite.From);
            w.WriteString("to", rewrite.To);
            w.WriteBoolean("atStart", rewrite.AtStart);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Text(FieldFilter filter) => filter.Name + (filter.Negated ? "!=" : "=") + filter.Pattern;

    private static void Number(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
            w.WriteNumber(name, v);
        else
            w.WriteNull(name);
    }

    private static string? Iso(DateTime? utc) =>
        utc is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) : null;
}
