using Ooda.Core;

namespace Ooda.Reports.Tests;

public sealed class ReportIocsTests
{
    private static readonly DateTime _t0 = new(2021, 8, 7, 3, 34, 16, DateTimeKind.Utc);

    private static Finding Finding(string id, int minute, string detector = "sigma", string? path = null, params (string Key, string Value)[] details) => new()
    {
        Id = id,
        Title = "t " + id,
        Severity = "high",
        Detector = detector,
        Tenant = "acme",
        Host = "acme-ex01",
        Timestamp = _t0.AddMinutes(minute),
        Provenance = new Provenance("u_ex210807.log", new string('c', 64), -1, 10 + minute),
        OriginalPath = path,
        Details = [.. details.Select(d => KeyValuePair.Create(d.Key, d.Value))],
    };

    private static EvidenceEvent Event(params (string Key, string Value)[] fields)
    {
        var map = new EventFields();
        foreach (var (key, value) in fields)
            map.Set(key, value);
        return new EvidenceEvent
        {
            Timestamp = _t0,
            Tenant = "acme",
            Host = "acme-ex01",
            Kind = SourceKind.W3c,
            Fields = map,
            Provenance = new Provenance("u_ex210807.log", new string('c', 64), -1, 10),
        };
    }

    [Fact]
    public void No_findings_give_no_indicators()
    {
        Assert.Empty(ReportIocs.Extract([]));
    }

    [Fact]
    public void Ioc_hits_hashes_and_flagged_files_become_indicators_with_where_they_were_seen()
    {
        var webshell = Finding("f-1", 2, "webshell", @"C:\inetpub\wwwroot\aspnet_client\shell.aspx", ("sha256", new string('A', 64)), ("reason", "script stub"));
        var sysmon = Finding("f-2", 3, "sigma", null, ("Hashes", $"MD5={new string('d', 32)},SHA256={new string('e', 64)},IMPHASH={new string('f', 32)}"));
        var ioc = Finding("f-3", 4, "ioc", null, ("ioc", "domain:Evil.Example"), ("ioc", "ip:198.51.100.7"));

        var iocs = ReportIocs.Extract([webshell, sysmon, ioc]);

        Assert.Equal(
            [(IocKind.Sha256, new string('a', 64)), (IocKind.Sha256, new string('e', 64)), (IocKind.Md5, new string('d', 32)), (IocKind.Ipv4, "198.51.100.7"),
             (IocKind.Domain, "evil.example"), (IocKind.FilePath, @"C:\inetpub\wwwroot\aspnet_client\shell.aspx")],
            iocs.Select(i => (i.Kind, i.Value)));
        var shell = iocs.Single(i => i.Kind == IocKind.FilePath);
        var seen = Assert.Single(shell.Seen);
        Assert.Equal(("acme-ex01", "f-1", _t0.AddMinutes(2), 12L), (seen.Host, seen.FindingId, seen.Time, seen.Provenance.Line));
    }

    [Fact]
    public void Public_addresses_and_user_agents_come_from_the_findings_events_and_private_ones_stay_out()
    {
        var first = Finding("f-1", 0);
        var second = Finding("f-2", 5);
        var events = new Dictionary<string, EvidenceEvent>
        {
            ["f-1"] = Event(("c-ip", "203.0.113.104"), ("s-ip", "10.0.0.5"), ("cs(User-Agent)", "python-requests/2.25.1"), ("cs-uri-stem", "/autodiscover/autodiscover.json")),
            ["f-2"] = Event(("c-ip", "203.0.113.104"), ("SourceIp", "192.168.1.20"), ("DestinationIp", "::ffff:10.1.1.1"), ("IpAddress", "2001:4860::8888")),
        };

        var iocs = ReportIocs.Extract([first, second], events);

        Assert.Equal([(IocKind.Ipv4, "203.0.113.104"), (IocKind.Ipv6, "2001:4860::8888"), (IocKind.UserAgent, "python-requests/2.25.1")], iocs.Select(i => (i.Kind, i.Value)));
        var address = iocs[0];
        Assert.Equal(["f-1", "f-2"], address.Seen.Select(s => s.FindingId));
        Assert.Equal((_t0, _t0.AddMinutes(5)), (address.FirstSeen, address.LastSeen));
    }

    [Theory]
    [InlineData("c-ip", "127.0.0.1")]
    [InlineData("c-ip", "169.254.1.1")]
    [InlineData("c-ip", "100.64.0.1")]
    [InlineData("c-ip", "fe80::1")]
    [InlineData("c-ip", "fd00::1")]
    [InlineData("c-ip", "not an address")]
    [InlineData("c-ip", "-")]
    [InlineData("cs(User-Agent)", "-")]
    [InlineData("QueryName", "localhost")]
    public void Routine_or_malformed_values_are_not_indicators(string field, string value)
    {
        Assert.Empty(ReportIocs.Extract([Finding("f-1", 0)], new Dictionary<string, EvidenceEvent> { ["f-1"] = Event((field, value)) }));
    }

    [Fact]
    public void Hostile_values_are_kept_as_they_are_for_the_renderers_to_escape()
    {
        var ua = "<script>alert(1)</script>\u001b[31m";
        var iocs = ReportIocs.Extract([Finding("f-1", 0)], new Dictionary<string, EvidenceEvent> { ["f-1"] = Event(("cs(User-Agent)", ua)) });

        Assert.Equal(ua, Assert.Single(iocs).Value);
    }
}
