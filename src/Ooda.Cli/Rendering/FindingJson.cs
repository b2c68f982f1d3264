using System.Text.Json;
using Ooda.Core;

namespace Ooda.Cli.Rendering;

/// <summary>The JSON shape of one finding (a lead) in <c>--json</c> output and findings files.</summary>
public static class FindingJson
{
    public static void Write(Utf8JsonWriter w, Finding f)
    {
        w.WriteStartObject();
        w.WriteString("findingId", f.Id);
        w.WriteString("severity", f.Severity);
        w.WriteString("title", f.Title);
        w.WriteString("detector", f.Detector);
        w.WriteString("runbook", f.RunbookId);
        w.WriteString("runbookVersion", f.RunbookVersion);
        w.WriteString("hunt", f.HuntId);
        w.WriteString("ruleId", f.RuleId);
        w.WriteStartArray("techniques");
        foreach (var technique in f.Techniques)
            w.WriteStringValue(technique);
        w.WriteEndArray();
        w.WriteString("timestamp", f.Timestamp == DateTime.MinValue ? null : Iso.Format(f.Timestamp));
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
        EventJson.WriteProvenance(w, f.Provenance);
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
}
