using System.Globalization;
using System.Text;

namespace Ooda.Reports.Internal;

/// <summary>
/// The report's timeline drawing: one lane per host, a UTC time axis over the window, a dot per marked row coloured by severity
/// with its details as a tooltip, and the anchor as a dashed line. Every label goes through <see cref="Html.Text"/>.
/// </summary>
internal static class TimelineSvg
{
    private const double Width = 980;
    private const double Left = 150;
    private const double Right = 24;
    private const double Top = 34;
    private const double LaneHeight = 30;
    private const int MaxLanes = 10;
    private const int HostLabelLength = 22;

    private static readonly TimeSpan[] _steps =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
        TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7),
        TimeSpan.FromDays(14), TimeSpan.FromDays(30), TimeSpan.FromDays(90), TimeSpan.FromDays(365),
    ];

    public static string Render(ReportTimeline timeline)
    {
        var hosts = timeline.Rows.GroupBy(r => r.Host, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Min(r => r.Time)).Select(g => g.Key).ToList();
        var other = hosts.Count > MaxLanes;
        var lanes = other ? [.. hosts.Take(MaxLanes - 1), "(other hosts)"] : hosts;
        if (lanes.Count == 0)
            lanes = ["(no marked rows)"];
        var height = Top + lanes.Count * LaneHeight + 26;
        var from = timeline.From;
        var to = timeline.To > timeline.From ? timeline.To : timeline.From.AddMinutes(1);
        var span = (to - from).Ticks;
        double X(DateTime t) => Left + (Width - Left - Right) * Math.Clamp((double)(t - from).Ticks / span, 0, 1);
        int Lane(string host)
        {
            var i = lanes.FindIndex(l => string.Equals(l, host, StringComparison.OrdinalIgnoreCase));
            return i >= 0 ? i : lanes.Count - 1;
        }

        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" class=\"timeline\">"));
        svg.Append("<title>Timeline of the marked events, UTC</title>");
        // Inline SVG styles apply to the whole page: every rule is scoped to this drawing.
        svg.Append("<style>svg.timeline text{font-family:'DejaVu Sans',Arial,sans-serif;font-size:11px;fill:#1f2328}svg.timeline .ax{fill:#57606a;font-size:10px}"
            + "svg.timeline .lane{fill:#f6f8fa}svg.timeline .tick{stroke:#d0d7de;stroke-width:1}svg.timeline .anchor{stroke:#0969da;stroke-width:1.5;stroke-dasharray:4 3}"
            + "svg.timeline .critical{fill:#8b0a0a}svg.timeline .high{fill:#cf222e}svg.timeline .medium{fill:#bf8700}svg.timeline .low{fill:#1a7f37}"
            + "svg.timeline .informational,svg.timeline .other{fill:#6e7781}</style>");
        for (var i = 0; i < lanes.Count; i++)
        {
            var y = Top + i * LaneHeight;
            if (i % 2 == 0)
                svg.Append(Inv($"<rect class=\"lane\" x=\"0\" y=\"{y:0.#}\" width=\"{Width}\" height=\"{LaneHeight}\"/>"));
            svg.Append(Inv($"<text x=\"8\" y=\"{y + LaneHeight / 2 + 4:0.#}\">")).Append(Html.Text(lanes[i], HostLabelLength)).Append("</text>");
        }

        var step = _steps.FirstOrDefault(s => span / s.Ticks <= 8, _steps[^1]);
        var first = new DateTime(from.Ticks - from.Ticks % step.Ticks + (from.Ticks % step.Ticks == 0 ? 0 : step.Ticks), DateTimeKind.Utc);
        var axisY = Top + lanes.Count * LaneHeight;
        var showDate = step >= TimeSpan.FromDays(1) || from.Date != to.Date;
        for (var t = first; t <= to; t = t.Add(step))
        {
            var x = X(t);
            svg.Append(Inv($"<line class=\"tick\" x1=\"{x:0.#}\" y1=\"{Top - 4}\" x2=\"{x:0.#}\" y2=\"{axisY:0.#}\"/>"));
            var label = t.ToString(step >= TimeSpan.FromDays(1) ? "yyyy-MM-dd" : showDate ? "MM-dd HH:mm" : step < TimeSpan.FromMinutes(1) ? "HH:mm:ss" : "HH:mm",
                CultureInfo.InvariantCulture);
            svg.Append(Inv($"<text class=\"ax\" x=\"{x:0.#}\" y=\"{Top - 10}\" text-anchor=\"middle\">{label}</text>"));
        }

        svg.Append(Inv($"<text class=\"ax\" x=\"{Left}\" y=\"{axisY + 18:0.#}\">{ReportText.Time(from)}</text>"));
        svg.Append(Inv($"<text class=\"ax\" x=\"{Width - Right}\" y=\"{axisY + 18:0.#}\" text-anchor=\"end\">{ReportText.Time(to)} (UTC)</text>"));
        if (timeline.Anchor is { } anchor && anchor >= from && anchor <= to)
        {
            var x = X(anchor);
            svg.Append(Inv($"<line class=\"anchor\" x1=\"{x:0.#}\" y1=\"{Top - 2}\" x2=\"{x:0.#}\" y2=\"{axisY:0.#}\"/>"));
        }

        // The most severe dots are drawn last, so they stay on top where several overlap.
        foreach (var row in timeline.Rows.OrderBy(r => Core.SeverityLevels.Rank(r.Severity)).ThenBy(r => r.Time))
        {
            var y = Top + Lane(row.Host) * LaneHeight + LaneHeight / 2;
            svg.Append(Inv($"<circle class=\"{Html.Class(row.Severity)}\" cx=\"{X(row.Time):0.#}\" cy=\"{y:0.#}\" r=\"5\"><title>"))
                .Append(Html.Text($"{ReportText.Time(row.Time)} {row.Host} {row.Source}: {row.FindingTitle} — {row.Summary}", 400))
                .Append("</title></circle>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
