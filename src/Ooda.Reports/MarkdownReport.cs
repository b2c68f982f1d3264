using System.Globalization;
using System.Text;
using Ooda.Reports.Internal;

namespace Ooda.Reports;

/// <summary>
/// The report as CommonMark/GFM: the same sections as the HTML report, tables for rows. Evidence is made visible, HTML-escaped and
/// Markdown-escaped (emphasis, code, links, images, autolinks and <c>|</c> in table cells), so it renders as the literal text it is.
/// The drawings (timeline, process tree, graph) are only in the HTML and PDF reports.
/// </summary>
public static class MarkdownReport
{
    public static string Render(CaseReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var h = report.Header;
        var md = new StringBuilder(32 * 1024);
        md.Append("**").Append(Tlp.Label(h.Tlp)).Append("**: ").Append(Tlp.Rule(h.Tlp)).Append("\n\n");
        md.Append("# ").Append(Markdown.Text(h.Title, 300)).Append("\n\n");
        Table(md, ["Case", "Customer", "Severity", "Status", "Opened", "Last change", "Analyst"],
            [[h.CaseId, h.Tenant, h.Severity, h.Status, ReportText.Time(h.OpenedAt), ReportText.Time(h.UpdatedAt), h.Assignee ?? h.OpenedBy]]);

        md.Append("## 1. Executive summary\n\n");
        foreach (var sentence in SummaryText.Sentences(report))
            md.Append("- ").Append(Markdown.Text(sentence, 1000)).Append('\n');
        if (report.Summary.Notes.Count > 0)
        {
            md.Append("\n### Analyst notes\n\n");
            foreach (var note in report.Summary.Notes)
                md.Append("- ").Append(Markdown.Text(note)).Append('\n');
        }

        md.Append("\n## 2. Scope\n\n");
        if (report.Scope.Count == 0)
            md.Append("No host is in scope.\n\n");
        else
            Table(md, ["Host", "Role", "Why", "Exchange build", "Response mode", "Added"],
                [.. report.Scope.Select(s => new[] { s.Host, s.Role, s.Reason, s.Build ?? "—", s.ResponseMode ?? "—", $"{ReportText.Time(s.AddedAt)} by {s.AddedBy}" })]);

        md.Append("## 3. Timeline\n\n");
        if (report.Timeline is { } timeline)
        {
            md.Append(Markdown.Text(string.Create(CultureInfo.InvariantCulture,
                $"{ReportText.Time(timeline.From)} to {ReportText.Time(timeline.To)}: {timeline.Rows.Count} of {timeline.TotalRows} events carry findings."), 400)).Append("\n\n");
            if (timeline.Rows.Count > 0)
                Table(md, ["Time (UTC)", "Host", "Source", "What happened", "Severity", "Finding"],
                    [.. TimelineRuns.Fold(timeline.Rows).Take(TimelineRuns.MaxLines).Select(run => new[]
                    {
                        ReportText.Time(run.First.Time), run.First.Host, run.First.Source, TimelineRuns.Summary(run), run.First.Severity, run.First.FindingTitle,
                    })]);
        }
        else
        {
            md.Append("No timeline: no linked finding says when its evidence happened.\n\n");
        }

        md.Append("## 4. ATT&CK techniques\n\n");
        var observed = report.Attack.Tactics.Where(t => t.Techniques.Any(x => x.Observed)).ToList();
        if (observed.Count == 0)
            md.Append("No technique observed.\n\n");
        else
            Table(md, ["Tactic", "Technique", "Findings", "Hosts", "First seen"],
                [.. observed.SelectMany(t => t.Techniques.Where(x => x.Observed).Select(x => new[]
                {
                    t.Name, $"{x.Id} {x.Name}", x.Findings.ToString(CultureInfo.InvariantCulture), string.Join(", ", x.Hosts), ReportText.Time(x.FirstSeen),
                }))]);
        md.Append(Markdown.Text(report.Attack.Copyright, 600)).Append("\n\n");

        md.Append("## 5. Process tree and 6. Lateral movement\n\n")
            .Append(Markdown.Text(report.ProcessTreeCaption ?? "No process tree.", 600)).Append("\n\n")
            .Append(Markdown.Text(report.LateralGraphCaption ?? "No lateral-movement graph.", 600)).Append("\n\n")
            .Append("The drawings are in the HTML and PDF reports.\n\n");

        md.Append("## 7. Findings and evidence\n\n");
        if (report.Findings.Count == 0)
            md.Append("No finding is linked to the case.\n\n");
        foreach (var f in report.Findings)
        {
            md.Append("### ").Append(Markdown.Text(f.Severity, 20)).Append(": ").Append(Markdown.Text(f.Title, 300)).Append("\n\n");
            var rows = new List<string[]>
            {
                new[] { "Host", f.Host },
                new[] { "Time", ReportText.Time(f.Time) },
                new[] { "Detector", f.Detector + (f.Rule is { } rule ? ": " + rule : string.Empty) },
            };
            if (f.Runbook is { } runbook)
                rows.Add(["Runbook", runbook]);
            if (f.Techniques.Count > 0)
                rows.Add(["ATT&CK", string.Join(", ", f.Techniques)]);
            if (f.OriginalPath is { } path)
                rows.Add(["Path on host", path]);
            rows.AddRange(f.Details.Select(d => new[] { d.Key, d.Value }));
            rows.Add(["Evidence file", f.Provenance.File]);
            rows.Add(["SHA-256", f.Provenance.Sha256.Length > 0 ? f.Provenance.Sha256 : "— (concluded over the store)"]);
            if (f.Provenance.Location.Length > 0)
                rows.Add(["Location", f.Provenance.Location]);
            rows.Add(["Finding id", f.Id]);
            if (f.Alike > 1)
                rows.Add(["Alike", string.Create(CultureInfo.InvariantCulture, $"{f.Alike - 1} more{(f.LastTime is { } last ? " until " + ReportText.Time(last) : string.Empty)}")]);
            Table(md, ["Field", "Value"], rows);
        }

        md.Append("## 8. Indicators of compromise\n\n");
        if (report.Iocs.Count == 0)
            md.Append("No indicator was extracted from the findings.\n\n");
        else
            Table(md, ["Type", "Value", "First seen", "Last seen", "Where seen"],
                [.. report.Iocs.Select(i => new[]
                {
                    IocKinds.Label(i.Kind), i.Value, ReportText.Time(i.FirstSeen), ReportText.Time(i.LastSeen),
                    string.Join("; ", i.Seen.Select(s => s.Host).Distinct(StringComparer.OrdinalIgnoreCase)),
                })]);

        md.Append("## 9. Response actions\n\n");
        if (report.Actions.Count == 0)
            md.Append("No response action is recorded for this case.\n\n");
        else
            Table(md, ["Action", "Carried out by", "On", "State", "Last change", "Why"],
                [.. report.Actions.Select(a => new[] { a.Kind, a.Target, a.Subject, a.State, ReportText.Time(a.LastChange), a.Reason ?? string.Empty })]);

        md.Append("## 10. Recommendations\n\n");
        if (report.Recommendations.Count == 0)
            md.Append("No recommendation.\n\n");
        var n = 1;
        foreach (var r in report.Recommendations)
        {
            md.Append(n++.ToString(CultureInfo.InvariantCulture)).Append(". ");
            if (r.Host is { } host)
                md.Append("**").Append(Markdown.Text(host, 80)).Append("**: ");
            md.Append(Markdown.Text(r.Text, 1000));
            if (r.Reference is { } reference)
                md.Append(" (").Append(Markdown.Text(reference, 200)).Append(')');
            md.Append('\n');
        }

        md.Append("\n---\n\n").Append(Markdown.Text($"{h.CaseId} · {h.Tenant} · generated {ReportText.Time(report.GeneratedAt)} by {report.GeneratedBy}. All times are UTC.", 400))
            .Append("\n\n**").Append(Tlp.Label(h.Tlp)).Append("**\n");
        return md.ToString();
    }

    public static void Write(TextWriter output, CaseReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Render(report));
    }

    /// <summary>A GFM table; every cell is untrusted text, escaped (its <c>|</c> too) and kept on one line.</summary>
    private static void Table(StringBuilder md, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        md.Append('|');
        foreach (var header in headers)
            md.Append(' ').Append(Markdown.Escape(header)).Append(" |");
        md.Append("\n|");
        foreach (var _ in headers)
            md.Append(" --- |");
        md.Append('\n');
        foreach (var row in rows)
        {
            md.Append('|');
            foreach (var cell in row)
                md.Append(' ').Append(Markdown.Text(cell, 600)).Append(" |");
            md.Append('\n');
        }

        md.Append('\n');
    }
}
