using System.Globalization;
using System.Text;
using Ooda.Investigation.Lateral.Internal;

namespace Ooda.Investigation.Lateral;

/// <summary>The graph in Graphviz DOT: hosts as boxes (seeds and reached hosts marked, unresolved dashed), edges labelled with account, techniques and time.</summary>
public static class LateralGraphDot
{
    private const int LabelLength = 60;
    private const string SuspiciousColour = "#c62828";
    private const string RoutineColour = "#9e9e9e";
    private const string ReachedColour = "#ef6c00";

    /// <summary>Renders the graph; routine edges only with <paramref name="includeRoutine"/>. Every id and label is a quoted, escaped DOT string.</summary>
    public static string Render(LateralGraph graph, bool includeRoutine = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var shown = includeRoutine ? graph : graph.WithoutRoutine();
        var dot = new StringBuilder();
        dot.Append("digraph lateral_movement {\n");
        dot.Append("  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label=").Append(Quote($"Lateral movement in {graph.Tenant}")).Append("];\n");
        dot.Append("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
        dot.Append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        foreach (var node in shown.Nodes)
        {
            var notes = new List<string>();
            if (node.InScope)
                notes.Add("in scope");
            if (node.Reached)
                notes.Add("reached, hop " + node.Hop?.ToString(CultureInfo.InvariantCulture));
            if (!node.Resolved)
                notes.Add("unresolved");
            var label = Lines([node.Name, .. notes.Count == 0 ? Array.Empty<string>() : ["(" + string.Join(", ", notes) + ")"]]);
            var style = node.Resolved ? "rounded" : "rounded,dashed";
            var colour = node.InScope ? SuspiciousColour : node.Reached ? ReachedColour : "black";
            dot.Append("  ").Append(Quote(node.Name)).Append(" [label=").Append(label).Append(", style=\"").Append(style)
                .Append("\", color=\"").Append(colour).Append('"').Append(node.InScope || node.Reached ? ", penwidth=2" : string.Empty).Append("];\n");
        }

        foreach (var edge in shown.Edges)
        {
            var label = Lines([edge.Account, string.Join(" ", edge.Techniques), $"{edge.First.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} ×{edge.Count.ToString(CultureInfo.InvariantCulture)}"]);
            dot.Append("  ").Append(Quote(edge.Source)).Append(" -> ").Append(Quote(edge.Target)).Append(" [label=").Append(label)
                .Append(", color=\"").Append(edge.Suspicious ? SuspiciousColour : RoutineColour).Append('"')
                .Append(edge.Suspicious ? ", penwidth=2" : ", style=dashed").Append("];\n");
        }

        dot.Append("}\n");
        return dot.ToString();
    }

    /// <summary>A DOT quoted string: control characters made visible, backslashes and quotes escaped so nothing is read as an escape sequence.</summary>
    /// <remarks>Not clipped: it names a node, and two long names must stay two nodes.</remarks>
    public static string Quote(string text) =>
        "\"" + Escape(Printable.Clean(text)) + "\"";

    private static string Lines(IEnumerable<string> lines) =>
        "\"" + string.Join("\\n", lines.Select(l => Escape(Printable.Clip(l, LabelLength)))) + "\"";

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
