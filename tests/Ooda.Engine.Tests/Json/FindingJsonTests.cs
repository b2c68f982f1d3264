using System.Text;
using System.Text.Json;
using Ooda.Core;
using Ooda.Engine.Json;

namespace Ooda.Engine.Tests.Json;

public sealed class FindingJsonTests
{
    private static readonly Finding _finding = new()
    {
        Id = "0123456789abcdef0123",
        Title = "IIS worker starts a shell",
        Severity = "critical",
        Detector = "sigma",
        RuleId = "w3wp-spawns-shell",
        Sources = [new FindingSource("owassrf", "1.0.0", "w3wp-spawns-shell"), new FindingSource("proxyshell", "1.1.0", "w3wp-spawns-shell")],
        Techniques = ["T1505.003"],
        Tenant = "acme",
        Host = "acme-ex01",
        Timestamp = new DateTime(2021, 8, 7, 3, 1, 0, DateTimeKind.Utc),
        Channel = "Microsoft-Windows-Sysmon/Operational",
        EventId = 1,
        RecordId = 42,
        Provenance = new Provenance("sysmon.evtx", new string('a', 64), 4096, 0),
        Details = [new("Image", @"C:\Windows\System32\cmd.exe")],
    };

    private static JsonElement Written(Finding finding)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            FindingJson.Write(writer, finding);
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    [Fact]
    public void Writes_every_source_and_reads_the_finding_back_whole()
    {
        var json = Written(_finding);
        Assert.Equal(["owassrf", "proxyshell"], json.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("runbook").GetString()));
        var read = FindingJson.Read(json);
        Assert.Equal(_finding.Sources, read.Sources);
        Assert.Equal(_finding with { Sources = read.Sources, Techniques = read.Techniques, Details = read.Details }, read);
        Assert.Equal(_finding.Techniques, read.Techniques);
        Assert.Equal(_finding.Details, read.Details);
    }

    [Fact]
    public void Reads_a_findings_file_written_before_findings_had_several_sources()
    {
        var old = """
            {"findingId":"f1","severity":"high","title":"t","detector":"sigma","runbook":"proxyshell","runbookVersion":"1.0.0",
             "hunt":"webshell-posts","ruleId":null,"techniques":[],"tenant":"acme","host":"ex01"}
            """;
        var read = FindingJson.Read(JsonDocument.Parse(Encoding.UTF8.GetBytes(old)).RootElement);
        Assert.Equal([new FindingSource("proxyshell", "1.0.0", "webshell-posts")], read.Sources);
    }

    [Fact]
    public void A_finding_outside_runbooks_has_an_empty_source_list()
    {
        var json = Written(_finding with { Sources = [] });
        Assert.Empty(json.GetProperty("sources").EnumerateArray());
        Assert.Empty(FindingJson.Read(json).Sources);
    }
}
