using CsCheck;
using Ooda.Detection.Iocs.Internal;

namespace Ooda.Detection.Tests.Iocs;

public sealed class CidrTableTests
{
    [Fact]
    public void Finds_every_containing_network_as_a_linear_scan_does()
    {
        // Networks inside 10.0.0.0/16 with prefixes from /16 to /32, so they nest, repeat and touch.
        var network = Gen.Select(Gen.UInt[0, 0xFFFF], Gen.Int[16, 32]);
        Gen.Select(network.Array[1, 60], Gen.UInt[0, 0xFFFF].Array[1, 50]).Sample((networks, addresses) =>
        {
            var ranges = networks
                .Select((n, i) => (Range: IocNormalizer.Range(IpAddressText.Mapped(0x0A000000u | n.Item1), true, n.Item2), Index: i))
                .DistinctBy(r => r.Range)
                .Select(r => (r.Range.First, r.Range.Last, r.Index))
                .ToList();
            var table = CidrTable.Build(ranges);
            Span<int> found = stackalloc int[CidrTable.MaxDepth];

            foreach (var a in addresses)
            {
                var address = IpAddressText.Mapped(0x0A000000u | a);
                var count = table.Find(address, found);
                var expected = ranges.Where(r => r.First <= address && address <= r.Last).Select(r => r.Index).Order();
                Assert.Equal(expected, found[..count].ToArray().Order());
            }
        }, iter: 300, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void An_empty_table_finds_nothing()
    {
        Span<int> found = stackalloc int[CidrTable.MaxDepth];
        Assert.Equal(0, CidrTable.Empty.Find(IpAddressText.Mapped(1), found));
    }
}
