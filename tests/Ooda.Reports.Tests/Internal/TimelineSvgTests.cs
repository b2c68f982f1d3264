using System.Text.RegularExpressions;
using Ooda.Reports.Internal;

namespace Ooda.Reports.Tests.Internal;

public sealed class TimelineSvgTests
{
    private static readonly DateTime _t0 = new(2021, 8, 7, 3, 30, 0, DateTimeKind.Utc);

    private static ReportTimelineRow Row(int minute, string host, string severity = "critical") =>
        new(_t0.AddMinutes(minute), host, "IIS", "GET /x", severity, "t", []);

    [Fact]
    public void Draws_a_lane_per_host_and_a_dot_per_row_and_is_well_formed()
    {
        var svg = TimelineSvg.Render(new ReportTimeline(_t0, _t0.AddHours(1), _t0.AddMinutes(5), null,
            [Row(5, "ex01"), Row(10, "ex01", "high"), Row(50, "dc01", "medium")], 10));

        Assert.Null(SvgGuard.Refuse(svg));
        Assert.Equal(3, Regex.Count(svg, "<circle "));
        Assert.Contains(">ex01</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">dc01</text>", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"anchor\"", svg, StringComparison.Ordinal);
        Assert.Contains(">03:40</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Hosts_beyond_the_lane_limit_share_one_lane_and_labels_are_escaped()
    {
        var rows = Enumerable.Range(0, 14).Select(i => Row(i, $"h{i:00}<b>")).ToList();

        var svg = TimelineSvg.Render(new ReportTimeline(_t0, _t0.AddMinutes(20), null, null, rows, 14));

        Assert.Contains(">(other hosts)</text>", svg, StringComparison.Ordinal);
        Assert.Equal(10, Regex.Count(svg, "<text x=\"8\""));
        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
        Assert.Null(SvgGuard.Refuse(svg));
    }
}
