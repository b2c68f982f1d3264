using System.Text.Json;

namespace Ooda.Reports.Tests;

public sealed class NavigatorLayerTests
{
    [Fact]
    public void The_layer_has_the_fields_layer_format_4_5_requires()
    {
        var layer = JsonDocument.Parse(NavigatorLayer.Render(HostileReport.Build())).RootElement;

        Assert.StartsWith("C-0001: ", layer.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("enterprise-attack", layer.GetProperty("domain").GetString());
        var versions = layer.GetProperty("versions");
        Assert.Equal(("4.5", "18"), (versions.GetProperty("layer").GetString(), versions.GetProperty("attack").GetString()));
        Assert.True(Version.Parse(versions.GetProperty("navigator").GetString()!) >= new Version(4, 9, 0));
        var gradient = layer.GetProperty("gradient");
        Assert.True(gradient.GetProperty("maxValue").GetDouble() > gradient.GetProperty("minValue").GetDouble());
        Assert.True(gradient.GetProperty("colors").GetArrayLength() >= 2);
    }

    [Fact]
    public void Observed_techniques_are_scored_by_findings_and_expected_ones_are_listed_unscored_in_colour()
    {
        var techniques = JsonDocument.Parse(NavigatorLayer.Render(HostileReport.Build())).RootElement.GetProperty("techniques").EnumerateArray().ToList();

        Assert.Equal(["T1190", "T1505.003", "T1486"], techniques.Select(t => t.GetProperty("techniqueID").GetString()));
        Assert.Equal([2.0, 1.0, 0.0], techniques.Select(t => t.GetProperty("score").GetDouble()));
        Assert.Equal([NavigatorLayer.ObservedColour, NavigatorLayer.ObservedColour, NavigatorLayer.ExpectedColour], techniques.Select(t => t.GetProperty("color").GetString()));
        Assert.Contains("2 findings on acme-ex01", techniques[0].GetProperty("comment").GetString(), StringComparison.Ordinal);
        Assert.All(techniques, t => Assert.Matches(@"^T\d{4}(\.\d{3})?$", t.GetProperty("techniqueID").GetString()!));
    }
}
