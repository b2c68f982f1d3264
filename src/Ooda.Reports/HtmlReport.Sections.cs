using System.Globalization;
using System.Text;
using Ooda.Reports.Internal;

namespace Ooda.Reports;

public static partial class HtmlReport
{
    private static void Attack(StringBuilder html, ReportAttackMatrix matrix)
    {
        html.Append("<section class=\"nobreak\"><h2>4. ATT&amp;CK techniques</h2>");
        var observed = matrix.Observed.Count;
        html.Append("<p class=\"muted\">").Append(Html.Text(string.Create(CultureInfo.InvariantCulture,
            $"{observed} technique{(observed == 1 ? string.Empty : "s")} observed, by tactic ({matrix.Release})."), 300)).Append("</p>");
        html.Append("<div class=\"matrix\">");
        foreach (var tactic in matrix.Tactics)
        {
            html.Append("<div class=\"tactic").Append(tactic.Techniques.Count == 0 ? " tactic-none" : string.Empty).Append("\"><h4>")
                .Append(Html.Text(tactic.Name, 60)).Append("<span>").Append(Html.Text(tactic.Id, 12)).Append("</span></h4>");
            foreach (var t in tactic.Techniques)
            {
                html.Append("<div class=\"tech ").Append(t.Observed ? "tech-observed" : "tech-expected").Append("\"><b>").Append(Html.Text(t.Id, 16)).Append("</b>")
                    .Append(Html.Text(t.Name, 80));
                if (t.Observed)
                {
                    html.Append("<br>").Append(Html.Text(string.Create(CultureInfo.InvariantCulture,
                        $"{t.Findings} finding{(t.Findings == 1 ? string.Empty : "s")} · {string.Join(", ", t.Hosts)}"), 120));
                }

                html.Append("</div>");
            }

            html.Append("</div>");
        }

        html.Append("</div><p class=\"legend\"><i style=\"background:#cf222e\"></i>observed in the evidence<i style=\"border:1px dashed #8c959f\"></i>")
            .Append("expected by the runbooks, not seen</p></section>\n");
    }

    private static void Findings(StringBuilder html, CaseReport report)
    {
        html.Append("<section class=\"pagebreak\"><h2>7. Findings and evidence</h2>");
        if (report.Findings.Count == 0)
            html.Append("<p class=\"empty\">No finding is linked to the case.</p>");
        foreach (var f in report.Findings)
        {
            html.Append("<article class=\"finding finding-").Append(Html.Class(f.Severity)).Append("\"><h3><span class=\"sev sev-").Append(Html.Class(f.Severity)).Append("\">")
                .Append(Html.Text(f.Severity, 20)).Append("</span> ").Append(Html.Text(f.Title, 300)).Append("</h3>")
                .Append("<p class=\"muted\">").Append(Html.Text(string.Join(" · ", new[]
                {
                    f.Host, ReportText.Time(f.Time), f.Detector + (f.Rule is { } rule ? ": " + rule : string.Empty), f.Runbook ?? string.Empty,
                    f.Techniques.Count > 0 ? string.Join(", ", f.Techniques) : string.Empty, "finding " + Short(f.Id),
                    f.Alike > 1 ? string.Create(CultureInfo.InvariantCulture, $"and {f.Alike - 1} more alike{(f.LastTime is { } last ? " until " + ReportText.Time(last) : string.Empty)}") : string.Empty,
                }.Where(p => p.Length > 0)), 600)).Append("</p>");
            if (f.OriginalPath is not null || f.Details.Count > 0)
            {
                html.Append("<table>");
                if (f.OriginalPath is { } path)
                    html.Append("<tr><td class=\"k\">Path on host</td><td class=\"v\">").Append(Html.Text(path, 600)).Append("</td></tr>");
                foreach (var (key, value) in f.Details)
                    html.Append("<tr><td class=\"k\">").Append(Html.Text(key, 80)).Append("</td><td class=\"v\">").Append(Html.Text(value)).Append("</td></tr>");
                html.Append("</table>");
            }

            var p = f.Provenance;
            html.Append("<p class=\"prov\">Evidence: <span class=\"mono\">").Append(Html.Text(p.File, 400)).Append("</span>")
                .Append(p.Location.Length > 0 ? ", " + Html.Escape(p.Location) : string.Empty)
                .Append(" · SHA-256 <span class=\"mono\">").Append(Html.Text(p.Sha256.Length > 0 ? p.Sha256 : "— (concluded over the store)", 80)).Append("</span></p></article>");
        }

        html.Append("</section>\n");
    }

    private static void Iocs(StringBuilder html, CaseReport report)
    {
        html.Append("<section><h2>8. Indicators of compromise</h2>");
        if (report.Iocs.Count == 0)
        {
            html.Append("<p class=\"empty\">No indicator was extracted from the findings.</p></section>\n");
            return;
        }

        html.Append("<table><thead><tr><th>Type</th><th>Value</th><th>First seen</th><th>Last seen</th><th>Where seen</th></tr></thead><tbody>");
        foreach (var ioc in report.Iocs)
        {
            var where = ioc.Seen.GroupBy(s => s.Host, StringComparer.OrdinalIgnoreCase)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} ({g.Count()}× in {string.Join(", ", g.Select(s => s.Field).Distinct(StringComparer.OrdinalIgnoreCase))})"));
            html.Append("<tr><td>").Append(Html.Escape(IocKinds.Label(ioc.Kind))).Append("</td><td class=\"v\">").Append(Html.Text(ioc.Value, 1000))
                .Append("</td><td class=\"t\">").Append(ReportText.Time(ioc.FirstSeen)).Append("</td><td class=\"t\">").Append(ReportText.Time(ioc.LastSeen))
                .Append("</td><td>").Append(Html.Text(string.Join("; ", where), 400)).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void Actions(StringBuilder html, CaseReport report)
    {
        html.Append("<section><h2>9. Response actions</h2>");
        if (report.Actions.Count == 0)
        {
            html.Append("<p class=\"empty\">No response action is recorded for this case.</p></section>\n");
            return;
        }

        html.Append("<table><thead><tr><th>Action</th><th>Carried out by</th><th>On</th><th>State</th><th>Last change</th><th>Why</th></tr></thead><tbody>");
        foreach (var a in report.Actions)
        {
            html.Append("<tr><td>").Append(Html.Text(a.Kind, 60)).Append("</td><td>").Append(Html.Text(a.Target, 40)).Append("</td><td class=\"v\">")
                .Append(Html.Text(a.Subject, 400)).Append("</td><td><span class=\"state state-").Append(Html.Class(a.State)).Append("\">").Append(Html.Text(a.State, 40))
                .Append("</span></td><td class=\"t\">").Append(ReportText.Time(a.LastChange)).Append("</td><td>").Append(Html.Text(a.Reason ?? string.Empty, 400)).Append("</td></tr>");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void Recommendations(StringBuilder html, CaseReport report)
    {
        html.Append("<section><h2>10. Recommendations</h2>");
        if (report.Recommendations.Count == 0)
        {
            html.Append("<p class=\"empty\">No recommendation.</p></section>\n");
            return;
        }

        html.Append("<ol>");
        foreach (var r in report.Recommendations)
        {
            html.Append("<li>").Append(r.Host is { } host ? "<b>" + Html.Text(host, 80) + ":</b> " : string.Empty).Append(Html.Text(r.Text, 1000));
            if (r.Reference is { } reference)
                html.Append(" <span class=\"muted\">(").Append(Html.Text(reference, 200)).Append(")</span>");
            html.Append("</li>");
        }

        html.Append("</ol></section>\n");
    }

    private static string Short(string id) => id.Length <= 12 ? id : id[..12];
}
