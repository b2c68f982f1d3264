using System.Text.Json;
using Ooda.Investigation.Stacking;
using Ooda.Store;
using Ooda.Testing;
using static Ooda.Investigation.Tests.Stacking.StackEvidence;

namespace Ooda.Investigation.Tests.Stacking;

public sealed class StackJsonTests
{
    [Fact]
    public void The_document_carries_the_values_and_every_normalisation_rule_applied()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        Ingest(workspace, "acme", "ex01", Process(@"\??\C:\Temp\Tool.exe", 3));
        var report = StackService.Run(workspace, new StackRequest("process") { Where = [FieldFilter.Parse("Image=*tool*")], MaxHosts = 3 });

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            StackJson.Write(writer, report);
        using var json = JsonDocument.Parse(buffer.ToArray());
        var root = json.RootElement;

        Assert.Equal("process", root.GetProperty("preset").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("field").ValueKind);
        Assert.Equal("Image=*tool*", root.GetProperty("scope").GetProperty("where")[0].GetString());
        Assert.Equal(3, root.GetProperty("scope").GetProperty("maxHosts").GetInt32());
        var value = Assert.Single(root.GetProperty("values").EnumerateArray());
        Assert.Equal(@"c:\temp\tool.exe", value.GetProperty("value").GetString());
        Assert.Equal("2021-08-07T03:03:00.0000000Z", value.GetProperty("firstSeen").GetString());
        Assert.Equal("ex01", value.GetProperty("hostNames")[0].GetProperty("host").GetString());
        var sysmon = root.GetProperty("sources").EnumerateArray().First(s => s.GetProperty("name").GetString() == "Sysmon 1 Image");
        Assert.Equal(1, sysmon.GetProperty("eventIds")[0].GetInt32());
        var normalization = sysmon.GetProperty("parts")[0].GetProperty("normalization");
        Assert.Equal("windows-path", normalization.GetProperty("name").GetString());
        Assert.Equal("lower", normalization.GetProperty("case").GetString());
        Assert.Contains(normalization.GetProperty("rewrites").EnumerateArray(),
            r => r.GetProperty("from").GetString() == @"\??\" && r.GetProperty("to").GetString() == string.Empty && r.GetProperty("atStart").GetBoolean());
        Assert.False(string.IsNullOrEmpty(normalization.GetProperty("rule").GetString()));
    }
}
