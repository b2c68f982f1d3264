using System.Text.Json;

namespace Ooda.Demo.Tests;

[Collection(FleetCollection.Name)]
public sealed class EvtxJsonWriterTests(GeneratedFleet generated)
{
    [Fact]
    public void Every_line_parses_and_has_the_evtx_crate_shape()
    {
        var files = generated.FilesOf(DemoFileKind.EventJsonLines).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                using var document = JsonDocument.Parse(line);
                var e = document.RootElement.GetProperty("Event");
                Assert.Equal("http://schemas.microsoft.com/win/2004/08/events/event", e.GetProperty("#attributes").GetProperty("xmlns").GetString());
                var system = e.GetProperty("System");
                Assert.False(string.IsNullOrEmpty(system.GetProperty("Provider").GetProperty("#attributes").GetProperty("Name").GetString()));
                var id = system.GetProperty("EventID");
                Assert.True(id.ValueKind == JsonValueKind.Number || id.GetProperty("#text").ValueKind == JsonValueKind.Number);
                var time = system.GetProperty("TimeCreated").GetProperty("#attributes").GetProperty("SystemTime").GetString()!;
                Assert.Matches(@"^2021-08-0[678]T\d\d:\d\d:\d\d\.\d{6}Z$", time);
                Assert.Equal(JsonValueKind.Number, system.GetProperty("EventRecordID").ValueKind);
                Assert.False(string.IsNullOrEmpty(system.GetProperty("Channel").GetString()));
                Assert.EndsWith(".example", system.GetProperty("Computer").GetString(), StringComparison.Ordinal);
                Assert.Equal(JsonValueKind.Object, e.GetProperty("EventData").ValueKind);
            }
        }
    }

    [Fact]
    public void Record_ids_and_times_increase_within_each_channel_file()
    {
        foreach (var file in generated.FilesOf(DemoFileKind.EventJsonLines))
        {
            long previousId = 0;
            var previousTime = "";
            foreach (var line in File.ReadLines(file))
            {
                using var document = JsonDocument.Parse(line);
                var system = document.RootElement.GetProperty("Event").GetProperty("System");
                var id = system.GetProperty("EventRecordID").GetInt64();
                var time = system.GetProperty("TimeCreated").GetProperty("#attributes").GetProperty("SystemTime").GetString()!;
                Assert.True(previousId == 0 || id == previousId + 1, file);
                Assert.True(string.CompareOrdinal(previousTime, time) <= 0, file + ": " + time);
                previousId = id;
                previousTime = time;
            }
        }
    }

    [Fact]
    public void Sysmon_process_creation_carries_the_fields_sigma_rules_use()
    {
        var sysmon = Path.Combine(generated.HostFolder("acme-logistics", "acme-ex01"), "evtx", "Sysmon.jsonl");
        var line = File.ReadLines(sysmon).First(l => l.Contains("\"EventID\":1,", StringComparison.Ordinal));
        using var document = JsonDocument.Parse(line);
        var data = document.RootElement.GetProperty("Event").GetProperty("EventData");

        foreach (var field in new[] { "UtcTime", "ProcessGuid", "ProcessId", "Image", "CommandLine", "User", "ParentImage", "ParentCommandLine", "Hashes" })
            Assert.True(data.TryGetProperty(field, out _), field);
        Assert.Equal("Microsoft-Windows-Sysmon/Operational", document.RootElement.GetProperty("Event").GetProperty("System").GetProperty("Channel").GetString());
    }

    [Fact]
    public void Exchange_management_events_hold_the_unnamed_data_array()
    {
        var file = Path.Combine(generated.HostFolder("birch-health", "birch-ex01"), "evtx", "MSExchange-Management.jsonl");
        using var document = JsonDocument.Parse(File.ReadLines(file).First());
        var e = document.RootElement.GetProperty("Event");

        Assert.Equal(16384, e.GetProperty("System").GetProperty("EventID").GetProperty("#attributes").GetProperty("Qualifiers").GetInt32());
        Assert.Equal("MSExchange Management", e.GetProperty("System").GetProperty("Channel").GetString());
        var data = e.GetProperty("EventData").GetProperty("Data").GetProperty("#text");
        Assert.Equal(27, data.GetArrayLength());
        Assert.StartsWith("Get-", data[0].GetString() ?? "", StringComparison.Ordinal);
    }
}
