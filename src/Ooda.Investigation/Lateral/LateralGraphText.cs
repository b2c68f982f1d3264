using System.Globalization;
using Ooda.Investigation.Lateral.Internal;

namespace Ooda.Investigation.Lateral;

/// <summary>The graph as readable text: edges grouped by source host, each with when, how, why and its evidence; then the reached hosts.</summary>
public static class LateralGraphText
{
    private const int SummaryLength = 160;

    // A routine edge is context; its first few events say enough.
    private const int RoutineEvidence = 3;

    /// <summary>Renders the graph; routine edges only with <paramref name="includeRoutine"/>. Evidence text is cleaned of control characters.</summary>
    public static string Render(LateralGraph graph, bool includeRoutine = false)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(writer, graph, includeRoutine);
        return writer.ToString();
    }

    public static void Write(TextWriter writer, LateralGraph graph, bool includeRoutine = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(graph);
        var shown = includeRoutine ? graph : graph.WithoutRoutine();
        var nodes = graph.Nodes.ToDictionary(n => n.Name, StringComparer.OrdinalIgnoreCase);
        writer.WriteLine($"Lateral movement in {P(graph.Tenant)}, {Window(graph)}");
        writer.WriteLine($"Starting from: {(graph.SeedHosts.Count == 0 ? "(no hosts)" : string.Join(", ", graph.SeedHosts.Select(P)))}");
        var suspicious = shown.Edges.Count(e => e.Suspicious);
        writer.WriteLine(includeRoutine
            ? $"{Plural(shown.Edges.Count, "edge")}: {suspicious} suspicious, {shown.Edges.Count - suspicious} routine."
            : $"{Plural(suspicious, "suspicious edge")}; {Plural(graph.RoutineEdgeCount, "routine edge")} hidden (--all shows them).");

        foreach (var group in shown.Edges.GroupBy(e => e.Source, StringComparer.OrdinalIgnoreCase))
        {
            writer.WriteLine();
            writer.WriteLine(P(group.Key) + Tags(nodes.GetValueOrDefault(group.Key)));
            foreach (var edge in group)
                WriteEdge(writer, edge, nodes.GetValueOrDefault(edge.Target));
        }

        if (graph.Reached.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Reached hosts, proposed for the case's scope:");
            foreach (var r in graph.Reached)
            {
                writer.WriteLine($"  {P(r.Host)}  hop {r.Hops.ToString(CultureInfo.InvariantCulture)} from {P(r.From)} as {P(r.Account)} " +
                    $"({string.Join(", ", r.Techniques)}) at {Iso(r.First)}: {Printable.Clip(r.Reason, SummaryLength)}");
            }
        }

        if (graph.UnattributedArtefacts.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Execution artefacts no remote logon could be tied to:");
            foreach (var e in graph.UnattributedArtefacts)
                WriteEvidence(writer, e, "  ");
        }
    }

    private static void WriteEdge(TextWriter writer, LateralEdge edge, LateralNode? target)
    {
        writer.WriteLine($"  → {P(edge.Target)}{Tags(target)}  as {P(edge.Account)}  {(edge.Suspicious ? "SUSPICIOUS" : "routine")}");
        writer.WriteLine($"      when   {Iso(edge.First)} … {Iso(edge.Last)} ({Plural(edge.Count, "event")}; pair seen on {Plural(edge.BaselineDays, "day")})");
        writer.WriteLine($"      how    {string.Join(", ", edge.Techniques.Select(t => t + " " + LateralTechniques.Name(t)))}");
        if (edge.Tools.Count > 0)
            writer.WriteLine($"      tools  {string.Join(", ", edge.Tools.Select(t => Printable.Clip(t, SummaryLength)))}");
        var first = true;
        foreach (var reason in edge.Reasons)
        {
            writer.WriteLine($"      {(first ? "why   " : "      ")} {(reason.Suspicious ? '+' : '-')} {Printable.Clip(reason.Text, SummaryLength * 2)}");
            first = false;
        }

        writer.WriteLine("      evidence");
        var shown = edge.Suspicious ? edge.Evidence.Count : Math.Min(edge.Evidence.Count, RoutineEvidence);
        foreach (var e in edge.Evidence.Take(shown))
            WriteEvidence(writer, e, "        ");
        if (edge.Count > shown)
            writer.WriteLine($"        … {Plural(edge.Count - shown, "more event")}{(edge.Evidence.Count > shown ? $" (--format json lists the first {edge.Evidence.Count.ToString(CultureInfo.InvariantCulture)})" : string.Empty)}");
    }

    private static void WriteEvidence(TextWriter writer, LateralEvidence e, string indent)
    {
        var record = e.RecordId is { } id ? " record " + id.ToString(CultureInfo.InvariantCulture) : string.Empty;
        writer.WriteLine($"{indent}{Iso(e.Time)}  {P(e.Host)}  {P(e.Source)}{record}  {Printable.Clip(e.Summary, SummaryLength)}");
        writer.WriteLine($"{indent}    at {Printable.Clip(e.Provenance.ToString(), SummaryLength)} (sha256 {P(e.Provenance.Sha256)})");
    }

    private static string Tags(LateralNode? node)
    {
        if (node is null)
            return string.Empty;
        var tags = new List<string>();
        if (node.InScope)
            tags.Add("in scope");
        if (node.Reached)
            tags.Add($"reached, hop {node.Hop?.ToString(CultureInfo.InvariantCulture) ?? "?"}");
        if (!node.Resolved)
            tags.Add("unresolved");
        if (node.Aliases.Count > 0)
            tags.Add("also " + string.Join(", ", node.Aliases.Take(4).Select(P)) + (node.Aliases.Count > 4 ? ", …" : string.Empty));
        return tags.Count == 0 ? string.Empty : " [" + string.Join("; ", tags) + "]";
    }

    private static string Window(LateralGraph graph) =>
        $"{(graph.From is { } from ? Iso(from) : "start of evidence")} to {(graph.To is { } to ? Iso(to) : "end of evidence")}";

    private static string Plural(long count, string noun) => count.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string P(string? text) => Printable.Clip(text, SummaryLength);
}
