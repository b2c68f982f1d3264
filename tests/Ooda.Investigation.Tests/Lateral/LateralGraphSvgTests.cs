using System.Xml.Linq;
using Ooda.Investigation.Lateral;

namespace Ooda.Investigation.Tests.Lateral;

public sealed class LateralGraphSvgTests
{
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Is_well_formed_self_contained_svg_with_a_box_per_host_and_an_arrow_per_edge()
    {
        var svg = LateralGraphSvg.Render(LateralGraphSamples.Ordinary(), includeRoutine: true);

        var doc = XDocument.Parse(svg);
        Assert.Equal(_svg + "svg", doc.Root!.Name);
        Assert.Equal(3, doc.Descendants(_svg + "g").Count(g => (string?)g.Attribute("class") == "host"));
        Assert.Equal(2, doc.Descendants(_svg + "g").Count(g => ((string?)g.Attribute("class"))?.StartsWith("edge", StringComparison.Ordinal) == true));
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "script" or "image" or "foreignObject" or "style");
        Assert.DoesNotContain(doc.Descendants().Attributes(), a => a.Value.Contains("http", StringComparison.OrdinalIgnoreCase) && a.Name.LocalName != "xmlns");
    }

    [Fact]
    public void Routine_edges_are_left_out_unless_asked_for()
    {
        var doc = XDocument.Parse(LateralGraphSvg.Render(LateralGraphSamples.Ordinary()));

        Assert.Single(doc.Descendants(_svg + "g"), g => ((string?)g.Attribute("class"))?.StartsWith("edge", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(doc.Descendants(_svg + "text"), t => t.Value.Contains("10.0.5.50", StringComparison.Ordinal));
    }

    [Fact]
    public void Hostile_host_names_and_accounts_stay_text()
    {
        var svg = LateralGraphSvg.Render(LateralGraphSamples.Hostile(), includeRoutine: true);

        var doc = XDocument.Parse(svg);
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "script" or "img" or "b");
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(svg, c => c < 0x20 && c != '\n');
        Assert.DoesNotContain('\u202e', svg);
        var texts = string.Join("\n", doc.Descendants(_svg + "text").Select(t => t.Value));
        Assert.Contains("evil\"];\\n<script>", texts, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_graph_renders_to_the_same_bytes()
    {
        Assert.Equal(LateralGraphSvg.Render(LateralGraphSamples.Hostile(), true), LateralGraphSvg.Render(LateralGraphSamples.Hostile(), true));
    }

    [Fact]
    public void Hosts_sit_in_columns_by_hop_from_the_seed()
    {
        var doc = XDocument.Parse(LateralGraphSvg.Render(LateralGraphSamples.Ordinary(), includeRoutine: true));

        double X(string host) => (double)doc.Descendants(_svg + "g").Single(g => (string?)g.Attribute("class") == "host" && g.Element(_svg + "title")!.Value.StartsWith(host, StringComparison.Ordinal))
            .Element(_svg + "rect")!.Attribute("x")!;
        Assert.True(X("acme-ex01") < X("acme-dc01"));
        Assert.Equal(X("acme-ex01"), X("10.0.5.50"));
    }

    [Fact]
    public void An_empty_graph_is_still_a_valid_picture()
    {
        var graph = new LateralGraph("acme", null, null, [], [], [], [], []);

        Assert.Equal(_svg + "svg", XDocument.Parse(LateralGraphSvg.Render(graph)).Root!.Name);
    }
}
