using Ooda.Investigation.Lateral.Internal;
using Ooda.Store;

namespace Ooda.Investigation.Tests.Lateral;

public sealed class HostDirectoryTests
{
    private static readonly HostDirectory _directory = new(
        [Host("ACME-EX01", "10.0.0.20", "acme-ex01.acme.example", "192.0.2.10"), Host("acme-dc01", "10.0.0.10", null, null),
         Host("finance-workstation-12", "10.0.0.112", null, null)],
        ["acme-fs01", "ACME-EX01"]);

    [Theory]
    [InlineData("10.0.0.20", null, "ACME-EX01", true)]
    [InlineData("192.0.2.10", null, "ACME-EX01", true)]
    [InlineData("::ffff:10.0.0.20", null, "ACME-EX01", true)]
    [InlineData("[10.0.0.20]", null, "ACME-EX01", true)]
    [InlineData(" 10.0.0.10 ", null, "acme-dc01", true)]
    [InlineData(null, "acme-ex01", "ACME-EX01", true)]
    [InlineData(null, "ACME-EX01.ACME.EXAMPLE", "ACME-EX01", true)]
    [InlineData(null, @"\\acme-dc01", "acme-dc01", true)]
    [InlineData(null, "ACME-DC01$", "acme-dc01", true)]
    [InlineData(null, "acme-dc01.other.example", "acme-dc01", true)]
    [InlineData(null, "FINANCE-WORKSTA", "finance-workstation-12", true)]
    [InlineData(null, "ACME-FS01", "acme-fs01", true)]
    [InlineData("-", "10.0.0.10", "acme-dc01", true)]
    [InlineData("10.0.0.99", "ACME-EX01", "ACME-EX01", true)]
    [InlineData("10.0.0.99", "KALI", "10.0.0.99", false)]
    [InlineData("fe80::1%12", null, "fe80::1", false)]
    [InlineData("-", "kali", "KALI", false)]
    public void Resolves_addresses_and_names_to_the_inventory_host(string? address, string? name, string expected, bool resolved)
    {
        Assert.Equal(new HostEndpoint(expected, resolved), _directory.Resolve(address, name));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("-", "-")]
    [InlineData("", " ")]
    [InlineData("127.0.0.1", null)]
    [InlineData("::1", "ACME-EX01")]
    [InlineData("0.0.0.0", null)]
    [InlineData("-", "localhost")]
    [InlineData("-", "127.0.0.2")]
    public void Local_and_empty_addresses_resolve_to_nothing(string? address, string? name)
    {
        Assert.Null(_directory.Resolve(address, name));
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("::FFFF:10.0.0.1", "10.0.0.1")]
    [InlineData("2001:DB8::1", "2001:db8::1")]
    [InlineData("10", null)]
    [InlineData("1.2", null)]
    [InlineData("host", null)]
    [InlineData("-", null)]
    public void Normalises_addresses(string text, string? expected)
    {
        Assert.Equal(expected, HostDirectory.NormalizeAddress(text));
    }

    private static StoredTriageHost Host(string name, string ip, string? fqdn, string? publicIp) =>
        new(1, "acme", name, fqdn, publicIp, null, "not-exchange", [], null, "none", [], null, Ip: ip);
}
