using System.Text.Json;
using Ooda.Investigation.ProcessTrees;

namespace Ooda.Investigation.Tests.ProcessTrees;

public sealed class ProcessTreeJsonTests
{
    private const string W3wp = @"C:\Windows\System32\inetsrv\w3wp.exe";
    private const string Cmd = @"C:\Windows\System32\cmd.exe";

    internal const string Hostile = "\"cmd.exe\" /c echo <script>alert('x&y')</script> \u0001\u001b[31m \u202egnp.exe\r\nnext ]]> &amp;";

    private static string G(int n) => ProcessTreeBuilderTests.G(n);

    private static JsonElement Json(ProcessTree tree)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            ProcessTreeJson.Write(writer, tree);
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    [Fact]
    public void The_document_nests_children_under_their_parent_with_provenance_and_counts()
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 4684, G(3), W3wp, "w3wp.exe -ap DefaultAppPool", 1100, G(2), @"C:\Windows\System32\svchost.exe")
            .Security4688(0, 4684, W3wp, 1100, @"C:\Windows\System32\svchost.exe", "w3wp.exe -ap DefaultAppPool")
            .Sysmon1(30, 2196, G(4), Cmd, "cmd.exe /c whoami", 4684, G(3), W3wp)
            .Sysmon1(31, 2200, G(5), @"C:\Windows\System32\whoami.exe", "whoami", 2196, G(4), Cmd)
            .Sysmon1(32, 2204, G(6), @"C:\Windows\System32\net.exe", "net user", 2196, G(4), Cmd);
        var tree = log.Graph(from: -10, to: 100).Select(new ProcessSelection { RootImage = "w3wp.exe" }, new ProcessTreeLimits { MaxDepth = 5, MaxNodes = 3 });
        var json = Json(tree);

        Assert.Equal("acme", json.GetProperty("tenant").GetString());
        Assert.Equal("HOST1", json.GetProperty("host").GetString());
        Assert.Equal("2021-08-07T02:59:50.0000000Z", json.GetProperty("from").GetString());
        Assert.Equal("2021-08-07T03:01:40.0000000Z", json.GetProperty("to").GetString());
        Assert.Equal("w3wp.exe", json.GetProperty("selection").GetProperty("rootImage").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("selection").GetProperty("pid").ValueKind);
        Assert.Equal(3, json.GetProperty("limits").GetProperty("maxNodes").GetInt32());
        Assert.Equal(5, json.GetProperty("processes").GetInt32());
        Assert.Equal(3, json.GetProperty("shown").GetInt32());
        Assert.Equal(1, json.GetProperty("hidden").GetInt32());

        var root = Assert.Single(json.GetProperty("roots").EnumerateArray());
        Assert.Equal("w3wp.exe", root.GetProperty("name").GetString());
        Assert.Equal(W3wp, root.GetProperty("image").GetString());
        Assert.Equal(4684, root.GetProperty("pid").GetInt64());
        Assert.Equal(G(3), root.GetProperty("guid").GetString());
        Assert.Equal("both", root.GetProperty("source").GetString());
        Assert.Equal("inferred", root.GetProperty("parentLink").GetString());
        Assert.Equal("2021-08-07T03:00:00.0000000Z", root.GetProperty("start").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("end").ValueKind);
        var evidence = root.GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal([1, 4688], evidence.Select(e => e.GetProperty("eventId").GetInt32()).Order());
        Assert.All(evidence, e => Assert.Equal(64, e.GetProperty("sha256").GetString()!.Length));
        Assert.All(evidence, e => Assert.Equal(JsonValueKind.Number, e.GetProperty("recordId").ValueKind));
        var ancestor = Assert.Single(root.GetProperty("ancestors").EnumerateArray());
        Assert.Equal("svchost.exe", ancestor.GetProperty("name").GetString());
        Assert.Equal("inferred", ancestor.GetProperty("source").GetString());
        Assert.False(ancestor.TryGetProperty("evidence", out _));

        var cmd = Assert.Single(root.GetProperty("children").EnumerateArray());
        Assert.Equal("cmd.exe /c whoami", cmd.GetProperty("commandLine").GetString());
        Assert.Equal("guid", cmd.GetProperty("parentLink").GetString());
        Assert.False(cmd.TryGetProperty("ancestors", out _));
        Assert.Equal("whoami.exe", Assert.Single(cmd.GetProperty("children").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(1, cmd.GetProperty("hiddenChildren").GetInt32());
        Assert.Equal(1, cmd.GetProperty("hiddenProcesses").GetInt32());
    }

    [Fact]
    public void Hostile_strings_round_trip_exactly()
    {
        using var log = new ProcessLog();
        log.Sysmon1(0, 2196, G(4), @"C:\x\<b>&""'.exe", Hostile, 4684, G(3), W3wp, user: "ACME\\<img src=x>");
        var json = Json(log.Graph().Select(new ProcessSelection { Pid = 2196 }));

        var root = Assert.Single(json.GetProperty("roots").EnumerateArray());
        Assert.Equal(Hostile, root.GetProperty("commandLine").GetString());
        Assert.Equal(@"C:\x\<b>&""'.exe", root.GetProperty("image").GetString());
        Assert.Equal("ACME\\<img src=x>", root.GetProperty("user").GetString());
    }

    [Fact]
    public void An_empty_tree_is_a_valid_document()
    {
        using var log = new ProcessLog();
        var json = Json(log.Graph().Select(ProcessSelection.All));
        Assert.Empty(json.GetProperty("roots").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("from").ValueKind);
        Assert.Equal("all processes", json.GetProperty("selection").GetProperty("description").GetString());
    }
}
