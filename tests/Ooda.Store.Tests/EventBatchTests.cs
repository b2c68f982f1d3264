using System.Text.Json;
using CsCheck;
using Ooda.Core;

namespace Ooda.Store.Tests;

public sealed class EventBatchTests
{
    [Fact]
    public void An_event_without_fields_encodes_as_an_empty_object()
    {
        var batch = new EventBatch();
        batch.Add(Event());
        Assert.Equal("{}", System.Text.Encoding.UTF8.GetString(batch.Fields(0)));
    }

    [Fact]
    public void Escapes_quotes_backslashes_and_control_characters_and_keeps_unicode()
    {
        var batch = new EventBatch();
        batch.Add(Event(("CommandLine", "cmd /c \"C:\\x\"\r\n\u001b[31m"), ("Name", "Überprüfung – ünïcödé 🦆")));
        var json = System.Text.Encoding.UTF8.GetString(batch.Fields(0));
        Assert.Equal("{\"CommandLine\":\"cmd /c \\\"C:\\\\x\\\"\\r\\n\\u001b[31m\",\"Name\":\"Überprüfung – ünïcödé 🦆\"}", json);
    }

    [Fact]
    public void Every_string_round_trips_through_a_standard_json_reader()
    {
        Gen.String.Select(Gen.String).Sample((name, value) =>
        {
            var batch = new EventBatch();
            batch.Add(Event(("x", "before"), (name + "!", value)));
            using var doc = JsonDocument.Parse(batch.Fields(0).ToArray());
            var expected = System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(value));
            Assert.Equal(expected, doc.RootElement.GetProperty(name + "!").GetString());
        }, seed: "0N0XIzNsQ0O2", iter: 2000);
    }

    [Fact]
    public void Batches_keep_each_events_fields_apart_after_clearing_and_growing()
    {
        var batch = new EventBatch();
        batch.Add(Event(("a", new string('x', 100_000))));
        batch.Clear();
        batch.Add(Event(("a", "1")));
        batch.Add(Event(("b", "2")));
        Assert.Equal(2, batch.Count);
        Assert.Equal("{\"b\":\"2\"}", System.Text.Encoding.UTF8.GetString(batch.Fields(1)));
    }

    private static EvidenceEvent Event(params (string Name, string Value)[] values)
    {
        var fields = new EventFields();
        foreach (var (name, value) in values)
            fields.TryAdd(name, value);
        return new EvidenceEvent
        {
            Timestamp = DateTime.MinValue,
            Tenant = "t",
            Host = "h",
            Kind = SourceKind.FlatJson,
            Fields = fields,
            Provenance = new Provenance("f", "s", -1, 1),
        };
    }
}
