using System.Globalization;
using System.Text;
using System.Xml;
using Ooda.Investigation.ProcessTrees.Internal;

namespace Ooda.Investigation.ProcessTrees;

/// <summary>
/// A process tree as a self-contained SVG for reports: one row per process (start time, image, pid, user, clipped command
/// line) indented under its parent with connector lines, a tooltip with the details, and "… N more" where limits cut.
/// No scripts, links, fonts or images from elsewhere; every evidence string is cleaned of control characters and written
/// through an XML writer, which escapes it.
/// </summary>
public static class ProcessTreeSvg
{
    private const int RowHeight = 20;
    private const int Indent = 18;
    private const int Left = 12;
    private const int Top = 16;
    private const double CharWidth = 7.3;
    private const int MaxCommandLine = 110;
    private const int MaxName = 60;
    private const int MaxUser = 40;
    private const int MaxTooltip = 2000;

    private const string Style =
        "text{font-family:ui-monospace,Menlo,Consolas,'DejaVu Sans Mono',monospace;font-size:12px;fill:#1f2328}" +
        ".h{font-weight:bold;font-size:14px}.g{fill:#6e7781}.n{font-weight:bold}.c{fill:#57606a}.d{fill:#bc4c00}" +
        ".l{stroke:#afb8c1;stroke-width:1;fill:none}" +
        ".sysmon{fill:#0969da}.security{fill:#1a7f37}.both{fill:#8250df}.inferred{fill:#ffffff;stroke:#6e7781;stroke-dasharray:2 1}";

    private static readonly XmlWriterSettings _settings = new() { OmitXmlDeclaration = true, Indent = false, CheckCharacters = true };

    public static string Render(ProcessTree tree)
    {
        var text = new StringBuilder();
        using (var writer = new StringWriter(text, CultureInfo.InvariantCulture))
            Write(writer, tree);
        return text.ToString();
    }

    public static void Write(TextWriter output, ProcessTree tree)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(tree);
        var header = Header(tree);
        var rows = Rows(tree);
        var width = Math.Max(header.Max(h => h.Text.Length), 60) * CharWidth + 2 * Left;
        foreach (var row in rows)
            width = Math.Max(width, TextX(row.Depth) + row.Length * CharWidth + Left);
        var height = Top + (header.Count + rows.Count) * RowHeight + RowHeight / 2;

        using var xml = XmlWriter.Create(output, _settings);
        xml.WriteStartElement("svg", "http://www.w3.org/2000/svg");
        Attribute(xml, "width", Math.Ceiling(width));
        Attribute(xml, "height", height);
        xml.WriteAttributeString("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {Math.Ceiling(width)} {height}"));
        xml.WriteAttributeString("role", "img");
        xml.WriteElementString("title", header[0].Text);
        xml.WriteElementString("style", Style);
        xml.WriteStartElement("rect");
        xml.WriteAttributeString("width", "100%");
        xml.WriteAttributeString("height", "100%");
        xml.WriteAttributeString("fill", "#ffffff");
        xml.WriteEndElement();

        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Class == "legend")
                WriteLegend(xml, Y(i));
            else
                WriteText(xml, Left, Y(i), header[i].Class, header[i].Text);
        }

        var first = header.Count;
        WriteConnectors(xml, rows, first);
        for (var i = 0; i < rows.Count; i++)
            WriteRow(xml, rows[i], Y(first + i));
        xml.WriteEndElement();
    }

    private static int Y(int row) => Top + row * RowHeight;

    private static double MarkerX(int depth) => Left + depth * Indent + 4;

    private static double TextX(int depth) => Left + depth * Indent + 14;

    private static List<(string Class, string Text)> Header(ProcessTree tree)
    {
        var window = tree.From is null && tree.To is null ? "all time"
            : $"{(tree.From is { } from ? IsoTime.Short(from) : "…")} – {(tree.To is { } to ? IsoTime.Short(to) : "…")}";
        var counts = string.Create(CultureInfo.InvariantCulture, $"{tree.Shown} shown of {tree.Processes} processes") +
            (tree.Hidden > 0 ? string.Create(CultureInfo.InvariantCulture, $", {tree.Hidden} cut by limits (depth {tree.Limits.MaxDepth}, nodes {tree.Limits.MaxNodes})") : string.Empty);
        var header = new List<(string, string)>
        {
            ("h", SafeText.Clip($"Process tree · {tree.Tenant}/{tree.Host}", 200)),
            ("g", SafeText.Clip($"{tree.Selection} · {window} · {counts}", 300)),
            ("legend", string.Empty),
        };
        foreach (var diagnostic in tree.Diagnostics)
            header.Add(("d", "! " + SafeText.Clip(diagnostic, 200)));
        if (tree.Roots.Count == 0)
            header.Add(("g", "no process matches"));
        return header;
    }

    private enum RowKind
    {
        Process,
        Ancestry,
        More,
    }

    private sealed record Row(RowKind Kind, int Depth, int Parent, ProcessTreeNode? Node, string Text, int Length);

    /// <summary>The tree in reading order; iterative, so depth costs no stack.</summary>
    private static List<Row> Rows(ProcessTree tree)
    {
        var rows = new List<Row>();
        var stack = new Stack<(ProcessTreeNode Node, int Depth, int Parent, bool MoreMarker)>();
        for (var r = tree.Roots.Count - 1; r >= 0; r--)
            stack.Push((tree.Roots[r], 0, -1, false));
        while (stack.TryPop(out var item))
        {
            var (node, depth, parent, moreMarker) = item;
            if (moreMarker)
            {
                var more = string.Create(CultureInfo.InvariantCulture, $"… {node.HiddenProcesses} more below {SafeText.Clip(Name(node.Process), MaxName)} ({node.HiddenChildren} {(node.HiddenChildren == 1 ? "child" : "children")} not shown)");
                rows.Add(new Row(RowKind.More, depth, parent, null, more, more.Length));
                continue;
            }

            if (node.Ancestors.Count > 0)
            {
                var chain = (node.MoreAncestors ? "… › " : string.Empty) + string.Join(" › ", node.Ancestors.Select(a => SafeText.Clip(Name(a), MaxName) + Pid(a)));
                var text = "↑ " + chain;
                rows.Add(new Row(RowKind.Ancestry, depth, -1, null, text, text.Length));
            }

            var row = rows.Count;
            rows.Add(new Row(RowKind.Process, depth, parent, node, string.Empty, Label(node.Process).Sum(part => part.Text.Length)));
            if (node.HiddenProcesses > 0)
                stack.Push((node, depth + 1, row, true));
            for (var c = node.Children.Count - 1; c >= 0; c--)
                stack.Push((node.Children[c], depth + 1, row, false));
        }

        if (tree.HiddenRoots > 0)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"… {tree.HiddenRoots} more matching root(s) not shown (node limit {tree.Limits.MaxNodes})");
            rows.Add(new Row(RowKind.More, 0, -1, null, text, text.Length));
        }

        return rows;
    }

    private static string Name(ProcessNode p) => p.Name.Length > 0 ? p.Name : "(unknown image)";

    private static string Pid(ProcessNode p) => p.Pid is { } pid ? string.Create(CultureInfo.InvariantCulture, $" ({pid})") : string.Empty;

    private static List<(string Class, string Text)> Label(ProcessNode p)
    {
        var parts = new List<(string, string)>
        {
            ("g", (p.Start is { } start ? IsoTime.Short(start) : "start not logged    ") + " "),
            ("n", SafeText.Clip(Name(p), MaxName)),
            ("g", Pid(p)),
        };
        if (p.User is { Length: > 0 } user)
            parts.Add(("g", " " + SafeText.Clip(user, MaxUser)));
        if (p.CommandLine is { Length: > 0 } commandLine)
            parts.Add(("c", "  " + SafeText.Clip(commandLine, MaxCommandLine)));
        return parts;
    }

    private static string Tooltip(ProcessNode p)
    {
        var lines = new List<string>
        {
            SafeText.Clip(p.Image.Length > 0 ? p.Image : "(unknown image)", 500),
            "pid " + (p.Pid?.ToString(CultureInfo.InvariantCulture) ?? "?") + (p.Guid is null ? string.Empty : " · guid " + SafeText.Clip(p.Guid, 80)),
            "start " + (p.Start is { } start ? IsoTime.Format(start) : "unknown (inferred from its children)") + (p.End is { } end ? " · end " + IsoTime.Format(end) : string.Empty),
            "user " + SafeText.Clip(p.User ?? "?", 200) + " · integrity " + SafeText.Clip(p.Integrity ?? "?", 40),
            "source " + ProcessTreeJson.SourceName(p.Source) + " · parent by " + ProcessTreeJson.LinkName(p.ParentLink),
        };
        if (p.CommandLine is not null)
            lines.Add("command line " + SafeText.Clip(p.CommandLine, MaxTooltip) + (p.CommandLineClipped ? " [cut]" : string.Empty));
        foreach (var e in p.Evidence.Take(4))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"event {e.EventId} · {SafeText.Clip(Path.GetFileName(e.File), 120)} · sha256 {e.FileSha256[..Math.Min(16, e.FileSha256.Length)]}…") +
                (e.RecordId is { } record ? string.Create(CultureInfo.InvariantCulture, $" · record {record}") : e.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $" · line {line}") : string.Empty));
        }

        return string.Join('\n', lines);
    }

    private static void WriteConnectors(XmlWriter xml, List<Row> rows, int first)
    {
        var lastChild = new Dictionary<int, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Parent >= 0)
                lastChild[rows[i].Parent] = i;
        }

        var path = new StringBuilder();
        foreach (var (parent, last) in lastChild)
        {
            var x = MarkerX(rows[parent].Depth);
            path.Append(CultureInfo.InvariantCulture, $"M{x} {Y(first + parent) - 4 + 5}V{Y(first + last) - 4}");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Parent < 0)
                continue;
            var y = Y(first + i) - 4;
            path.Append(CultureInfo.InvariantCulture, $"M{MarkerX(rows[rows[i].Parent].Depth)} {y}H{MarkerX(rows[i].Depth) - 5}");
        }

        if (path.Length == 0)
            return;
        xml.WriteStartElement("path");
        xml.WriteAttributeString("class", "l");
        xml.WriteAttributeString("d", path.ToString());
        xml.WriteEndElement();
    }

    private static void WriteRow(XmlWriter xml, Row row, int y)
    {
        if (row.Kind != RowKind.Process)
        {
            WriteText(xml, row.Kind == RowKind.More ? MarkerX(row.Depth) - 4 : Left, y, "g", row.Text);
            return;
        }

        var p = row.Node!.Process;
        xml.WriteStartElement("g");
        xml.WriteElementString("title", Tooltip(p));
        xml.WriteStartElement("circle");
        xml.WriteAttributeString("class", ProcessTreeJson.SourceName(p.Source));
        Attribute(xml, "cx", MarkerX(row.Depth));
        Attribute(xml, "cy", y - 4);
        xml.WriteAttributeString("r", "4");
        xml.WriteEndElement();
        xml.WriteStartElement("text");
        Attribute(xml, "x", TextX(row.Depth));
        Attribute(xml, "y", y);
        xml.WriteAttributeString("xml", "space", null, "preserve");
        foreach (var (cls, text) in Label(p))
        {
            xml.WriteStartElement("tspan");
            xml.WriteAttributeString("class", cls);
            xml.WriteString(text);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteLegend(XmlWriter xml, int y)
    {
        double x = Left;
        foreach (var (source, label) in new[]
        {
            (ProcessSource.Sysmon, "Sysmon 1"), (ProcessSource.Security, "Security 4688"), (ProcessSource.Both, "both, merged"),
            (ProcessSource.Inferred, "inferred: named by its children, start not logged"),
        })
        {
            xml.WriteStartElement("circle");
            xml.WriteAttributeString("class", ProcessTreeJson.SourceName(source));
            Attribute(xml, "cx", x + 4);
            Attribute(xml, "cy", y - 4);
            xml.WriteAttributeString("r", "4");
            xml.WriteEndElement();
            WriteText(xml, x + 12, y, "g", label);
            x += 12 + ((label.Length + 3) * CharWidth);
        }
    }

    private static void WriteText(XmlWriter xml, double x, int y, string cls, string text)
    {
        xml.WriteStartElement("text");
        Attribute(xml, "x", x);
        Attribute(xml, "y", y);
        xml.WriteAttributeString("class", cls);
        xml.WriteAttributeString("xml", "space", null, "preserve");
        xml.WriteString(text);
        xml.WriteEndElement();
    }

    private static void Attribute(XmlWriter xml, string name, double value) =>
        xml.WriteAttributeString(name, value.ToString("0.#", CultureInfo.InvariantCulture));
}
