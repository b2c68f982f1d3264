using System.Globalization;
using System.Text;
using System.Xml;
using Ooda.Investigation.Lateral.Internal;

namespace Ooda.Investigation.Lateral;

/// <summary>
/// The graph as a self-contained SVG (no scripts, styles or references outside it): hosts in columns by hop distance from the
/// seed hosts, edges as labelled arrows, red when suspicious. Text goes through an XML writer, so evidence cannot break out.
/// </summary>
public static class LateralGraphSvg
{
    private const double NodeWidth = 230;
    private const double NodeHeight = 50;
    private const double ColumnGap = 250;
    private const double RowPitch = 90;
    private const double Margin = 24;
    private const double Header = 54;
    private const double SameColumnBulge = 90;
    private const double ParallelSpacing = 34;
    private const int NameLength = 30;
    private const int LabelLength = 36;

    // Labels sit before the middle of their curve, so the labels of many edges into one host spread out with their sources.
    private const double LabelAt = 0.4;
    private const string SuspiciousColour = "#c62828";
    private const string RoutineColour = "#9e9e9e";
    private const string ReachedColour = "#ef6c00";

    /// <summary>Renders the graph; routine edges only with <paramref name="includeRoutine"/>.</summary>
    public static string Render(LateralGraph graph, bool includeRoutine = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var shown = includeRoutine ? graph : graph.WithoutRoutine();
        var layout = new GraphLayout(shown.Nodes, shown.Edges, graph.SeedHosts);
        var width = Margin * 2 + Math.Max(1, layout.Columns) * NodeWidth + Math.Max(0, layout.Columns - 1) * ColumnGap + SameColumnBulge;
        var height = Header + Margin * 2 + Math.Max(1, layout.Rows) * RowPitch;

        var output = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true, IndentChars = "  ", NewLineChars = "\n", CheckCharacters = true };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartElement("svg", "http://www.w3.org/2000/svg");
            Attr(xml, "width", width);
            Attr(xml, "height", height);
            xml.WriteAttributeString("viewBox", $"0 0 {N(width)} {N(height)}");
            xml.WriteAttributeString("font-family", "Helvetica, Arial, sans-serif");
            xml.WriteAttributeString("font-size", "12");
            xml.WriteElementString("title", Printable.Clip($"Lateral movement in {graph.Tenant}", 200));
            xml.WriteStartElement("defs");
            Marker(xml, "arrow-suspicious", SuspiciousColour);
            Marker(xml, "arrow-routine", RoutineColour);
            xml.WriteEndElement();
            Rect(xml, 0, 0, width, height, "#ffffff", "none", 0);
            Text(xml, Margin, Margin + 16, $"Lateral movement in {graph.Tenant}", "15", "bold");
            var suspicious = shown.Edges.Count(e => e.Suspicious);
            Text(xml, Margin, Margin + 34,
                $"{suspicious.ToString(CultureInfo.InvariantCulture)} suspicious edges" +
                (includeRoutine ? $", {(shown.Edges.Count - suspicious).ToString(CultureInfo.InvariantCulture)} routine" : $"; {graph.RoutineEdgeCount.ToString(CultureInfo.InvariantCulture)} routine hidden"),
                "11", "normal");

            foreach (var (edge, index, of) in Parallel(shown.Edges).OrderBy(p => p.Edge.Suspicious))
                DrawEdge(xml, layout, edge, index, of);
            foreach (var node in shown.Nodes)
                DrawNode(xml, layout, node);
            xml.WriteEndElement();
        }

        return output.Append('\n').ToString();
    }

    private static void DrawNode(XmlWriter xml, GraphLayout layout, LateralNode node)
    {
        var (x, y) = Position(layout.Cell(node.Name));
        var stroke = node.InScope ? SuspiciousColour : node.Reached ? ReachedColour : "#424242";
        var fill = node.InScope ? "#ffebee" : node.Reached ? "#fff3e0" : "#fafafa";
        xml.WriteStartElement("g");
        xml.WriteAttributeString("class", "host");
        xml.WriteElementString("title", Printable.Clip(node.Name + (node.Aliases.Count > 0 ? " (also " + string.Join(", ", node.Aliases) + ")" : string.Empty), 400));
        xml.WriteStartElement("rect");
        Attr(xml, "x", x);
        Attr(xml, "y", y);
        Attr(xml, "width", NodeWidth);
        Attr(xml, "height", NodeHeight);
        xml.WriteAttributeString("rx", "8");
        xml.WriteAttributeString("fill", fill);
        xml.WriteAttributeString("stroke", stroke);
        xml.WriteAttributeString("stroke-width", node.InScope || node.Reached ? "2" : "1");
        if (!node.Resolved)
            xml.WriteAttributeString("stroke-dasharray", "5 3");
        xml.WriteEndElement();
        Text(xml, x + 10, y + 21, Printable.Clip(node.Name, NameLength), "13", "bold");
        var notes = new List<string>();
        if (node.InScope)
            notes.Add("in scope");
        if (node.Reached)
            notes.Add("reached, hop " + node.Hop?.ToString(CultureInfo.InvariantCulture));
        if (!node.Resolved)
            notes.Add("unresolved");
        if (notes.Count > 0)
            Text(xml, x + 10, y + 38, string.Join(" · ", notes), "11", "normal");
        xml.WriteEndElement();
    }

    private static void DrawEdge(XmlWriter xml, GraphLayout layout, LateralEdge edge, int index, int of)
    {
        var from = layout.Cell(edge.Source);
        var to = layout.Cell(edge.Target);
        var (sx, sy) = Position(from);
        var (tx, ty) = Position(to);
        double x1, y1 = sy + NodeHeight / 2, x2, y2 = ty + NodeHeight / 2, cx, cy;
        var spread = (index - (of - 1) / 2.0) * ParallelSpacing;
        if (from.Column == to.Column)
        {
            // Within one column: leave and enter on the right, bulging outwards.
            x1 = sx + NodeWidth;
            x2 = tx + NodeWidth;
            cx = x1 + SameColumnBulge + Math.Abs(spread);
            cy = (y1 + y2) / 2 + spread;
        }
        else
        {
            var forward = to.Column > from.Column;
            x1 = forward ? sx + NodeWidth : sx;
            x2 = forward ? tx : tx + NodeWidth;
            cx = (x1 + x2) / 2;
            cy = (y1 + y2) / 2 + spread + (forward ? 0 : RowPitch / 2);
        }

        var colour = edge.Suspicious ? SuspiciousColour : RoutineColour;
        xml.WriteStartElement("g");
        xml.WriteAttributeString("class", edge.Suspicious ? "edge suspicious" : "edge routine");
        xml.WriteElementString("title", Printable.Clip(
            $"{edge.Source} → {edge.Target} as {edge.Account}: " + string.Join("; ", edge.Reasons.Select(r => (r.Suspicious ? "+ " : "- ") + r.Text)), 1000));
        xml.WriteStartElement("path");
        xml.WriteAttributeString("d", $"M {N(x1)} {N(y1)} Q {N(cx)} {N(cy)} {N(x2)} {N(y2)}");
        xml.WriteAttributeString("fill", "none");
        xml.WriteAttributeString("stroke", colour);
        xml.WriteAttributeString("stroke-width", edge.Suspicious ? "2" : "1");
        if (!edge.Suspicious)
            xml.WriteAttributeString("stroke-dasharray", "6 4");
        xml.WriteAttributeString("marker-end", edge.Suspicious ? "url(#arrow-suspicious)" : "url(#arrow-routine)");
        xml.WriteEndElement();

        // A point of the quadratic curve: B(t) = (1-t)²·P0 + 2(1-t)t·C + t²·P2.
        var lx = (1 - LabelAt) * (1 - LabelAt) * x1 + 2 * (1 - LabelAt) * LabelAt * cx + LabelAt * LabelAt * x2;
        var ly = (1 - LabelAt) * (1 - LabelAt) * y1 + 2 * (1 - LabelAt) * LabelAt * cy + LabelAt * LabelAt * y2;
        xml.WriteStartElement("text");
        Attr(xml, "x", lx);
        Attr(xml, "y", ly - 16);
        xml.WriteAttributeString("text-anchor", "middle");
        xml.WriteAttributeString("font-size", "10");
        xml.WriteAttributeString("fill", colour);
        xml.WriteAttributeString("stroke", "#ffffff");
        xml.WriteAttributeString("stroke-width", "3");
        xml.WriteAttributeString("paint-order", "stroke");
        xml.WriteString(Printable.Clip(edge.Account, LabelLength));
        foreach (var line in new[]
        {
            string.Join(" ", edge.Techniques),
            edge.First.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z ×" + edge.Count.ToString(CultureInfo.InvariantCulture),
        })
        {
            xml.WriteStartElement("tspan");
            Attr(xml, "x", lx);
            xml.WriteAttributeString("dy", "12");
            xml.WriteString(Printable.Clip(line, LabelLength));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>Each edge with its place among the edges between the same two hosts (either direction), so parallel arrows fan out.</summary>
    private static IEnumerable<(LateralEdge Edge, int Index, int Of)> Parallel(IReadOnlyList<LateralEdge> edges)
    {
        static string Pair(LateralEdge e) => string.Compare(e.Source, e.Target, StringComparison.OrdinalIgnoreCase) <= 0
            ? e.Source.ToUpperInvariant() + "\n" + e.Target.ToUpperInvariant()
            : e.Target.ToUpperInvariant() + "\n" + e.Source.ToUpperInvariant();
        foreach (var group in edges.GroupBy(Pair, StringComparer.Ordinal))
        {
            var list = group.ToList();
            for (var i = 0; i < list.Count; i++)
                yield return (list[i], i, list.Count);
        }
    }

    private static (double X, double Y) Position((int Column, int Row) cell) =>
        (Margin + cell.Column * (NodeWidth + ColumnGap), Header + Margin + cell.Row * RowPitch);

    private static void Marker(XmlWriter xml, string id, string colour)
    {
        xml.WriteStartElement("marker");
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("viewBox", "0 0 10 10");
        xml.WriteAttributeString("refX", "10");
        xml.WriteAttributeString("refY", "5");
        xml.WriteAttributeString("markerWidth", "8");
        xml.WriteAttributeString("markerHeight", "8");
        xml.WriteAttributeString("orient", "auto-start-reverse");
        xml.WriteStartElement("path");
        xml.WriteAttributeString("d", "M 0 0 L 10 5 L 0 10 z");
        xml.WriteAttributeString("fill", colour);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Rect(XmlWriter xml, double x, double y, double width, double height, string fill, string stroke, double strokeWidth)
    {
        xml.WriteStartElement("rect");
        Attr(xml, "x", x);
        Attr(xml, "y", y);
        Attr(xml, "width", width);
        Attr(xml, "height", height);
        xml.WriteAttributeString("fill", fill);
        xml.WriteAttributeString("stroke", stroke);
        Attr(xml, "stroke-width", strokeWidth);
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, double x, double y, string text, string size, string weight)
    {
        xml.WriteStartElement("text");
        Attr(xml, "x", x);
        Attr(xml, "y", y);
        xml.WriteAttributeString("font-size", size);
        xml.WriteAttributeString("font-weight", weight);
        xml.WriteString(Printable.Clean(text));
        xml.WriteEndElement();
    }

    private static void Attr(XmlWriter xml, string name, double value) => xml.WriteAttributeString(name, N(value));

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
