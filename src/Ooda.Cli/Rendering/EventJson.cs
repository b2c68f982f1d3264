using System.Text.Json;
using Ooda.Core;
using Ooda.Engine.Json;
using Ooda.Store;

namespace Ooda.Cli.Rendering;

/// <summary>The JSON shape of one event in <c>--json</c> output.</summary>
public static class EventJson
{
    public static void Write(Utf8JsonWriter w, EvidenceEvent e)
    {
        w.WriteStartObject();
        if (e.Timestamp == DateTime.MinValue)
            w.WriteNull("timestamp");
        else
            w.WriteString("timestamp", Iso.Format(e.Timestamp));
        w.WriteString("tenant", e.Tenant);
        w.WriteString("host", e.Host);
        w.WriteString("kind", SourceKindNames.Of(e.Kind));
        w.WriteString("channel", e.Channel);
        w.WriteString("provider", e.Provider);
        WriteIds(w, e);
        w.WriteStartObject("fields");
        foreach (var (name, value) in e.Fields)
            w.WriteString(name, value);
        w.WriteEndObject();
        ProvenanceJson.Write(w, e.Provenance);
        w.WriteEndObject();
    }

    /// <summary><c>eventId</c> and <c>recordId</c>, null when the source has none.</summary>
    public static void WriteIds(Utf8JsonWriter w, EvidenceEvent e)
    {
        if (e.EventId is { } id)
            w.WriteNumber("eventId", id);
        else
            w.WriteNull("eventId");
        if (e.RecordId is { } record)
            w.WriteNumber("recordId", record);
        else
            w.WriteNull("recordId");
    }
}
