using System.Text.Json;

namespace Ooda.Reports.Tests;

public sealed class MispEventTests
{
    private static JsonElement Event(CaseReport? report = null) => JsonDocument.Parse(MispEvent.Render(report ?? HostileReport.Build())).RootElement.GetProperty("Event");

    [Fact]
    public void The_event_has_the_fields_misp_requires_to_import_it()
    {
        var e = Event();

        Assert.StartsWith("C-0001: ", e.GetProperty("info").GetString(), StringComparison.Ordinal);
        Assert.Equal("2021-08-07", e.GetProperty("date").GetString());
        Assert.Equal("1", e.GetProperty("threat_level_id").GetString());
        Assert.Equal("1", e.GetProperty("analysis").GetString());
        Assert.Equal("0", e.GetProperty("distribution").GetString());
        Assert.True(Guid.TryParse(e.GetProperty("uuid").GetString(), out _));
        Assert.Contains("tlp:amber+strict", e.GetProperty("Tag").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Contains("misp-galaxy:mitre-attack-pattern=\"Web Shell - T1505.003\"", e.GetProperty("Tag").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public void Each_indicator_is_an_attribute_of_the_right_type_and_category()
    {
        var attributes = Event().GetProperty("Attribute").EnumerateArray()
            .Select(a => (Type: a.GetProperty("type").GetString(), Category: a.GetProperty("category").GetString(), ToIds: a.GetProperty("to_ids").GetBoolean()))
            .ToList();

        Assert.Equal(
            [("user-agent", "Network activity", false), ("url", "Network activity", true), ("filename", "Artifacts dropped", false), ("ip-src", "Network activity", true),
             ("sha256", "Payload delivery", true)],
            attributes);
        Assert.All(Event().GetProperty("Attribute").EnumerateArray(), a => Assert.True(Guid.TryParse(a.GetProperty("uuid").GetString(), out _)));
    }

    [Theory]
    [InlineData("clear", "3")]
    [InlineData("green", "1")]
    [InlineData("amber", "0")]
    [InlineData("red", "0")]
    public void Distribution_follows_the_tlp(string tlp, string distribution)
    {
        var report = HostileReport.Build();

        Assert.Equal(distribution, Event(report with { Header = report.Header with { Tlp = tlp } }).GetProperty("distribution").GetString());
    }

    [Fact]
    public void The_analysts_evidence_folders_stay_out_of_the_event()
    {
        var provenance = new ReportProvenance("/home/analyst/cases/acme/Security.evtx", new string('d', 64), 4711, null, null);
        var report = HostileReport.Build() with { Iocs = [new ReportIoc(IocKind.Ipv4, "203.0.113.104", [new ReportIocSighting("acme-ex01", "f-1", HostileReport.T0, "c-ip", provenance)])] };

        Assert.DoesNotContain("/home/analyst", MispEvent.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Exporting_again_gives_the_same_uuids()
    {
        var report = HostileReport.Build();

        Assert.Equal(MispEvent.Render(report), MispEvent.Render(report with { GeneratedAt = DateTime.UtcNow }));
    }
}
