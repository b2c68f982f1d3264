using System.Globalization;
using System.Text;
using Ooda.Reports.Internal;

namespace Ooda.Reports;

/// <summary>
/// The report as one self-contained HTML page: inline CSS, inline SVG, no script, no link, no font or image from elsewhere, and a
/// Content-Security-Policy that forbids them should any slip in. Every evidence string is made visible (control and bidi characters
/// shown as such) and HTML-escaped, in text and attributes alike. Prints to A4.
/// </summary>
public static partial class HtmlReport
{
    /// <summary>The policy in the page's meta tag: nothing may load but the page's own inline styles and data: images.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    public static string Render(CaseReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var h = report.Header;
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Text($"{h.CaseId} — {h.Title}", 200)).Append("</title>\n")
            .Append("<style>").Append(ReportCss.Sheet).Append("</style>\n</head>\n<body>\n");
        Cover(html, report);
        Summary(html, report);
        Scope(html, report);
        Timeline(html, report);
        Attack(html, report.Attack);
        Figures(html, report);
        Findings(html, report);
        Iocs(html, report);
        Actions(html, report);
        Recommendations(html, report);
        html.Append("<footer><p>").Append(Html.Text($"{h.CaseId} · {h.Tenant} · generated {ReportText.Time(report.GeneratedAt)} by {report.GeneratedBy}"))
            .Append(". All times are UTC.</p><p>").Append(Html.Text(report.Attack.Copyright, 600)).Append("</p>")
            .Append("<p><span class=\"tlp ").Append(Tlp.CssClass(h.Tlp)).Append("\">").Append(Tlp.Label(h.Tlp)).Append("</span></p></footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    public static void Write(TextWriter output, CaseReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Render(report));
    }

    private static void Cover(StringBuilder html, CaseReport report)
    {
        var h = report.Header;
        html.Append("<header class=\"tlpbar\"><span class=\"tlp ").Append(Tlp.CssClass(h.Tlp)).Append("\">").Append(Tlp.Label(h.Tlp)).Append("</span>")
            .Append("<span class=\"tlpnote\">").Append(Html.Escape(Tlp.Rule(h.Tlp))).Append("</span></header>\n");
        html.Append("<section class=\"cover\"><p class=\"muted\">Incident report · ").Append(Html.Text(h.Tenant)).Append("</p>")
            .Append("<h1>").Append(Html.Text(h.Title, 300)).Append("</h1>")
            .Append("<div class=\"facts\">");
        Fact(html, "Case", Html.Text(h.CaseId));
        Fact(html, "Severity", $"<span class=\"sev sev-{Html.Class(h.Severity)}\">{Html.Text(h.Severity, 20)}</span>");
        Fact(html, "Status", Html.Text(h.Status));
        Fact(html, "Customer", Html.Text(h.Tenant));
        Fact(html, "Opened", Html.Escape(ReportText.Time(h.OpenedAt)));
        Fact(html, "Last change", Html.Escape(ReportText.Time(h.UpdatedAt)));
        Fact(html, "Analyst", Html.Text(h.Assignee ?? h.OpenedBy));
        Fact(html, "Report", Html.Escape(ReportText.Time(report.GeneratedAt)));
        html.Append("</div></section>\n");
    }

    private static void Fact(StringBuilder html, string label, string escapedValue) =>
        html.Append("<div><small>").Append(label).Append("</small><b>").Append(escapedValue).Append("</b></div>");

    private static void Summary(StringBuilder html, CaseReport report)
    {
        html.Append("<section><h2>1. Executive summary</h2><ul class=\"summary\">");
        foreach (var sentence in SummaryText.Sentences(report))
            html.Append("<li>").Append(Html.Text(sentence, 1000)).Append("</li>");
        html.Append("</ul>");
        if (report.Summary.Notes.Count > 0)
        {
            html.Append("<h3>Analyst notes</h3><ul>");
            foreach (var note in report.Summary.Notes)
                html.Append("<li>").Append(Html.Text(note)).Append("</li>");
            html.Append("</ul>");
        }

        html.Append("</section>\n");
    }

    private static void Scope(StringBuilder html, CaseReport report)
    {
        html.Append("<section><h2>2. Scope</h2>");
        if (report.Scope.Count == 0)
        {
            html.Append("<p class=\"empty\">No host is in scope.</p></section>\n");
            return;
        }

        html.Append("<table><thead><tr><th>Host</th><th>Role</th><th>Why it is in scope</th><th>Exchange build</th><th>Response mode</th><th>Added</th></tr></thead><tbody>");
        foreach (var s in report.Scope)
        {
            html.Append("<tr><td class=\"v host\">").Append(Html.Text(s.Host, 200)).Append("</td><td>").Append(Html.Text(s.Role, 40))
                .Append("</td><td>").Append(Html.Text(s.Reason, 400)).Append("</td><td class=\"v\">").Append(Html.Text(s.Build ?? "—", 40))
                .Append("</td><td>").Append(Html.Text(s.ResponseMode ?? "—", 40))
                .Append("</td><td class=\"t\">").Append(ReportText.Time(s.AddedAt)).Append("<br><span class=\"muted\">").Append(Html.Text(s.AddedBy, 80)).Append("</span></td></tr>");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void Timeline(StringBuilder html, CaseReport report)
    {
        html.Append("<section><h2>3. Timeline</h2>");
        if (report.Timeline is not { } timeline)
        {
            html.Append("<p class=\"empty\">No timeline: no linked finding says when its evidence happened.</p></section>\n");
            return;
        }

        html.Append("<p class=\"muted\">").Append(Html.Text(string.Create(CultureInfo.InvariantCulture,
            $"{ReportText.Time(timeline.From)} to {ReportText.Time(timeline.To)}: {timeline.Rows.Count} of {timeline.TotalRows} events carry findings; alike events in a row are folded into one line")
            + (timeline.AnchorLabel is { } label ? $"; pivot: {label}" : string.Empty), 600)).Append(".</p>");
        html.Append("<figure>").Append(TimelineSvg.Render(timeline)).Append("<figcaption>One lane per host; dot colour is the finding's severity; the dashed line is the pivot.</figcaption></figure>");
        if (timeline.Rows.Count > 0)
        {
            html.Append("<table><thead><tr><th>Time (UTC)</th><th>Host</th><th>Source</th><th>What happened</th><th>Finding</th></tr></thead><tbody>");
            var runs = TimelineRuns.Fold(timeline.Rows);
            foreach (var run in runs.Take(TimelineRuns.MaxLines))
            {
                var r = run.First;
                html.Append("<tr><td class=\"t\">").Append(ReportText.Time(r.Time)).Append("</td><td class=\"v host\">").Append(Html.Text(r.Host, 80))
                    .Append("</td><td>").Append(Html.Text(r.Source, 60)).Append("</td><td class=\"v\">").Append(Html.Text(TimelineRuns.Summary(run), 340))
                    .Append("</td><td><span class=\"sev sev-").Append(Html.Class(r.Severity)).Append("\">").Append(Html.Text(r.Severity, 20)).Append("</span> ")
                    .Append(Html.Text(r.FindingTitle, 200)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
            if (runs.Count > TimelineRuns.MaxLines)
                html.Append("<p class=\"muted\">").Append(runs.Count - TimelineRuns.MaxLines).Append(" more lines: ooda case timeline ").Append(Html.Text(report.Header.CaseId, 40)).Append(" lists them all.</p>");
        }

        html.Append("</section>\n");
    }

    private static void Figures(StringBuilder html, CaseReport report)
    {
        html.Append("<section class=\"pagebreak\"><h2>5. Process tree</h2>");
        Figure(html, "process-tree", report.ProcessTreeSvg, report.ProcessTreeCaption, "No process tree: the evidence has no process creation events for the lead host in the window.");
        html.Append("</section>\n<section><h2>6. Lateral movement</h2>");
        Figure(html, "lateral-graph", report.LateralGraphSvg, report.LateralGraphCaption, "No lateral-movement graph for this case.");
        html.Append("</section>\n");
    }

    // The SVGs come from the Investigation renderers, which write every evidence string through an XML writer (escaped, no script).
    private static void Figure(StringBuilder html, string id, string? svg, string? caption, string none)
    {
        if (string.IsNullOrWhiteSpace(svg))
        {
            html.Append("<p class=\"empty\">").Append(Html.Text(caption ?? none, 600)).Append("</p>");
            return;
        }

        var refusal = svg.TrimStart().StartsWith("<svg", StringComparison.Ordinal) ? SvgGuard.Refuse(svg) : "it is not an SVG";
        if (refusal is not null)
        {
            html.Append("<p class=\"empty\">Figure left out: ").Append(Html.Text(refusal, 300)).Append(".</p>");
            return;
        }

        html.Append("<figure id=\"").Append(id).Append("\">").Append(SvgStyleScope.Apply(svg, id));
        if (caption is not null)
            html.Append("<figcaption>").Append(Html.Text(caption, 600)).Append("</figcaption>");
        html.Append("</figure>");
    }
}
