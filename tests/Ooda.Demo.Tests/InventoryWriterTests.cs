namespace Ooda.Demo.Tests;

[Collection(FleetCollection.Name)]
public sealed class InventoryWriterTests(GeneratedFleet generated)
{
    [Fact]
    public void The_header_is_exactly_the_inventory_contract()
    {
        var lines = File.ReadAllLines(Path.Combine(generated.Root, "inventory.csv"));

        Assert.Equal("tenant,host,fqdn,ip,public_ip,os,roles,exchange_build,response_mode", lines[0]);
    }

    [Fact]
    public void Has_one_row_per_host_with_nine_columns_and_a_known_response_mode()
    {
        var rows = File.ReadAllLines(Path.Combine(generated.Root, "inventory.csv")).Skip(1).Select(l => l.Split(',')).ToList();

        Assert.Equal(generated.Fleet.Hosts.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(9, r.Length));
        Assert.All(rows, r => Assert.Contains(r[8], new[] { "notify", "collaborate", "authorize" }));
        Assert.Contains(rows, r => r[1] == "acme-ex01" && r[6] == "exchange;mailbox" && r[7] == "15.2.858.5" && r[4] == "192.0.2.10");
        Assert.Contains(rows, r => r[1] == "cobalt-ex02" && r[6] == "exchange;mailbox" && r[7] == "");
        Assert.Contains(rows, r => r[4].Contains(':', StringComparison.Ordinal));
    }
}
