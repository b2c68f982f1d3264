using System.Text.Json;
using Ooda.Investigation.Lateral;

namespace Ooda.Investigation.Tests.Lateral;

public sealed class LateralGraphJsonTests
{
    [Fact]
    public void Writes_nodes_edges_reasons_evidence_and_reached_hosts()
    {
        using var doc = JsonDocument.Parse(LateralGraphJson.Render(LateralGraphSamples.Ordinary()));
        var root = doc.RootElement;

        Assert.Equal("acme", root.GetProperty("tenant").GetString());
        Assert.Equal("2021-08-06T04:12:16.250000Z", root.GetProperty("from").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("to").ValueKind);
        Assert.Equal(1, root.GetProperty("routineEdges").GetInt32());
        Assert.False(root.GetProperty("routineIncluded").GetBoolean());
        var edge = Assert.Single(root.GetProperty("edges").EnumerateArray());
        Assert.Equal("acme-ex01", edge.GetProperty("source").GetString());
        Assert.True(edge.GetProperty("suspicious").GetBoolean());
        Assert.Equal(["T1021.002", "T1569.002"], edge.GetProperty("techniques").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal("Service Execution", edge.GetProperty("techniques")[1].GetProperty("name").GetString());
        Assert.Equal(["execution", "rare"], edge.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        var evidence = Assert.Single(edge.GetProperty("evidence").EnumerateArray());
        Assert.Equal((42, "dc01/System.evtx", 0x1a2b), (evidence.GetProperty("recordId").GetInt64(), evidence.GetProperty("file").GetString(), evidence.GetProperty("offset").GetInt64()));
        Assert.False(evidence.TryGetProperty("line", out _));
        Assert.Equal(2, root.GetProperty("nodes").GetArrayLength());
        Assert.Equal("acme-dc01", root.GetProperty("reached")[0].GetProperty("host").GetString());
        Assert.Equal("acme-fs01", root.GetProperty("unattributedArtefacts")[0].GetProperty("host").GetString());
    }

    [Fact]
    public void Hostile_strings_round_trip_and_lone_surrogates_become_replacement_characters()
    {
        var graph = LateralGraphSamples.Hostile();
        graph = graph with { Tenant = "bad\ud800tenant" };

        using var doc = JsonDocument.Parse(LateralGraphJson.Render(graph, includeRoutine: true));

        Assert.Equal("bad\ufffdtenant", doc.RootElement.GetProperty("tenant").GetString());
        Assert.Equal(LateralGraphSamples.HostileHost, doc.RootElement.GetProperty("edges")[0].GetProperty("source").GetString());
        Assert.Equal(LateralGraphSamples.HostileAccount, doc.RootElement.GetProperty("edges")[0].GetProperty("account").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("edges").GetArrayLength());
    }
}
