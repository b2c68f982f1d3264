using System.Net;
using CsCheck;
using Ooda.Detection.Iocs.Internal;

namespace Ooda.Detection.Tests.Iocs;

public sealed class IpAddressTextTests
{
    [Theory]
    [InlineData("1.2.3.4", "1.2.3.4")]
    [InlineData("255.255.255.255", "255.255.255.255")]
    [InlineData("::ffff:1.2.3.4", "1.2.3.4")]
    [InlineData("::FFFF:0102:0304", "1.2.3.4")]
    [InlineData("::", "::")]
    [InlineData("::1", "::1")]
    [InlineData("1::", "1::")]
    [InlineData("2001:DB8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("fe80::1%eth0", "fe80::1")]
    [InlineData("64:ff9b::192.0.2.33", "64:ff9b::c000:221")]
    public void Reads_addresses_in_canonical_form(string text, string canonical)
    {
        Assert.True(IpAddressText.TryParse(text, out var address, out _));
        Assert.Equal(canonical, IpAddressText.Format(address));
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.4 ")]
    [InlineData("0x1.2.3.4")]
    [InlineData("010.1.1.1")]
    [InlineData("1234.1.1.1")]
    [InlineData(":1")]
    [InlineData("1:")]
    [InlineData(":::")]
    [InlineData("1::2::3")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("12345::")]
    [InlineData("12:30:45")]
    [InlineData("")]
    public void Refuses_anything_else(string text) => Assert.False(IpAddressText.TryParse(text, out _, out _));

    [Fact]
    public void Agrees_with_the_framework_on_random_addresses_in_every_spelling()
    {
        Gen.Byte.Array[16].Sample(bytes =>
        {
            var address = new IPAddress(bytes);
            var expanded = string.Join(':', Enumerable.Range(0, 8).Select(g => ((bytes[2 * g] << 8) | bytes[(2 * g) + 1]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));
            foreach (var text in new[] { address.ToString(), expanded, address.ToString().ToUpperInvariant() })
            {
                Assert.True(IpAddressText.TryParseV6(text, out var parsed), text);
                Assert.Equal(address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString(), IpAddressText.Format(parsed));
            }
        }, iter: 2000, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Everything_it_accepts_the_framework_accepts_alike()
    {
        Gen.String[Gen.Char["0123456789abcdef:."], 0, 24].Sample(text =>
        {
            if (IpAddressText.TryParse(text, out var parsed, out _))
            {
                Assert.True(IPAddress.TryParse(text, out var framework), text);
                var expected = framework.IsIPv4MappedToIPv6 ? framework.MapToIPv4() : framework;
                Assert.Equal(expected.ToString(), IpAddressText.Format(parsed));
            }
        }, iter: 20000, seed: "0N0XIzNsQ0O2");
    }
}
