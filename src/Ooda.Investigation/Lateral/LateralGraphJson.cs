using System.Globalization;
using System.Text;
using System.Text.Json;
using Ooda.Investigation.Lateral.Internal;

namespace Ooda.Investigation.Lateral;

/// <summary>The graph as one JSON document: nodes, edges with reasons and evidence (with provenance), reached hosts, unattributed artefacts.</summary>
public static class LateralGraphJson
{
    public static string Render(LateralGraph graph, bool includeRoutine = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            Write(writer, graph, includeRoutine);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes the graph as one object; routine edges only with <paramref name="includeRoutine"/> (their number is written either way).</summary>
    public static void Write(Utf8JsonWriter writer, LateralGraph graph, bool includeRoutine = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(graph);
        var shown = includeRoutine ? graph : graph.WithoutRoutine();
        writer.WriteStartObject();
        writer.WriteString("tenant", W(graph.Tenant));
        Time(writer, "from", graph.From);
        Time(writer, "to", graph.To);
        Strings(writer, "seedHosts", graph.SeedHosts);
        writer.WriteBoolean("routineIncluded", includeRoutine);
        writer.WriteNumber("routineEdges", graph.RoutineEdgeCount);
        writer.WriteStartArray("nodes");
        foreach (var node in shown.Nodes)
        {
            writer.WriteStartObject();
            writer.WriteString("name", W(node.Name));
            writer.WriteBoolean("resolved", node.Resolved);
            writer.WriteBoolean("inScope", node.InScope);
            writer.WriteBoolean("reached", node.Reached);
            if (node.Hop is { } hop)
                writer.WriteNumber("hop", hop);
            else
                writer.WriteNull("hop");
            Strings(writer, "aliases", node.Aliases);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("edges");
        foreach (var edge in shown.Edges)
            WriteEdge(writer, edge);
        writer.WriteEndArray();
        writer.WriteStartArray("reached");
        foreach (var r in graph.Reached)
        {
            writer.WriteStartObject();
            writer.WriteString("host", W(r.Host));
            writer.WriteNumber("hops", r.Hops);
            writer.WriteString("from", W(r.From));
            writer.WriteString("account", W(r.Account));
            Strings(writer, "techniques", r.Techniques);
            Time(writer, "first", r.First);
            writer.WriteString("reason", W(r.Reason));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("unattributedArtefacts");
        foreach (var e in graph.UnattributedArtefacts)
            WriteEvidence(writer, e);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteEdge(Utf8JsonWriter writer, LateralEdge edge)
    {
        writer.WriteStartObject();
        writer.WriteString("source", W(edge.Source));
        writer.WriteString("target", W(edge.Target));
        writer.WriteString("account", W(edge.Account));
        writer.WriteBoolean("suspicious", edge.Suspicious);
        writer.WriteStartArray("techniques");
        foreach (var id in edge.Techniques)
        {
            writer.WriteStartObject();
            writer.WriteString("id", W(id));
            writer.WriteString("name", W(LateralTechniques.Name(id)));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Time(writer, "first", edge.First);
        Time(writer, "last", edge.Last);
        writer.WriteNumber("count", edge.Count);
        writer.WriteNumber("baselineDays", edge.BaselineDays);
        writer.WriteStartArray("reasons");
        foreach (var reason in edge.Reasons)
        {
            writer.WriteStartObject();
            writer.WriteString("code", W(reason.Code));
            writer.WriteBoolean("suspicious", reason.Suspicious);
            writer.WriteString("text", W(reason.Text));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        Strings(writer, "tools", edge.Tools);
        writer.WriteStartArray("evidence");
        foreach (var e in edge.Evidence)
            WriteEvidence(writer, e);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter writer, LateralEvidence e)
    {
        writer.WriteStartObject();
        Time(writer, "time", e.Time);
        writer.WriteString("host", W(e.Host));
        writer.WriteString("source", W(e.Source));
        writer.WriteString("summary", W(e.Summary));
        if (e.RecordId is { } id)
            writer.WriteNumber("recordId", id);
        else
            writer.WriteNull("recordId");
        writer.WriteString("file", W(e.Provenance.File));
        writer.WriteString("sha256", W(e.Provenance.Sha256));
        if (e.Provenance.Offset >= 0)
            writer.WriteNumber("offset", e.Provenance.Offset);
        if (e.Provenance.Line > 0)
            writer.WriteNumber("line", e.Provenance.Line);
        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteStringValue(W(value));
        writer.WriteEndArray();
    }

    private static string W(string text) => Printable.WellFormed(text);

    private static void Time(Utf8JsonWriter writer, string name, DateTime? time)
    {
        if (time is { } t)
            writer.WriteString(name, t.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        else
            writer.WriteNull(name);
    }
}
