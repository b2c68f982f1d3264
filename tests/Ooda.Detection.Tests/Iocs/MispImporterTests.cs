using Ooda.Core;
using Ooda.Detection.Iocs;
using static Ooda.Detection.Tests.Iocs.ImportAssert;

namespace Ooda.Detection.Tests.Iocs;

public sealed class MispImporterTests
{
    private const string Event = """
        {
          "Event": {
            "id": "1234",
            "info": "ProxyShell exploitation, customer X",
            "Attribute": [
              { "uuid": "u1", "type": "sha256", "value": "B75F163CA9B9240BF4B37AD92BC7556B40A17E27C2B8ED5C8991385FE07D17D0", "to_ids": true, "comment": "webshell" },
              { "uuid": "u2", "type": "ip-dst", "value": "203.0.113.7", "to_ids": "1", "Tag": [{ "name": "tlp:amber" }, { "name": "c2" }] },
              { "uuid": "u3", "type": "ip-src", "value": "198.51.100.0/24", "to_ids": 1 },
              { "uuid": "u4", "type": "domain", "value": "evil.com", "to_ids": true, "first_seen": "2021-08-01T00:00:00Z" },
              { "uuid": "u5", "type": "hostname", "value": "c2.evil.net", "to_ids": true },
              { "uuid": "u6", "type": "url", "value": "hxxps://evil[.]com/gate.php", "to_ids": true },
              { "uuid": "u7", "type": "user-agent", "value": "python-requests/2.25", "to_ids": true },
              { "uuid": "u8", "type": "filename|md5", "value": "errorEE.aspx|4b3039cf227c611c45d2242d1228a121", "to_ids": true },
              { "uuid": "u9", "type": "domain|ip", "value": "x.evil.org|192.0.2.1", "to_ids": true },
              { "uuid": "u10", "type": "filename", "value": "C:\\inetpub\\wwwroot\\aspnet_client\\shell.aspx", "to_ids": true },
              { "uuid": "u11", "type": "regkey", "value": "HKLM\\Software\\x", "to_ids": true },
              { "uuid": "u12", "type": "ip-dst", "value": "192.0.2.99", "to_ids": false },
              { "uuid": "u13", "type": "domain", "value": "gone.example", "to_ids": true, "deleted": true },
              { "uuid": "u14", "type": "md5", "value": "123", "to_ids": true },
              { "uuid": "u15", "type": "sha1" }
            ],
            "Object": [
              { "name": "file", "Attribute": [
                  { "uuid": "o1", "type": "filename", "value": "lsass.dmp", "to_ids": true },
                  { "uuid": "o2", "type": "sha1", "value": "da39a3ee5e6b4b0d3255bfef95601890afd80709", "to_ids": true }
              ] }
            ]
          }
        }
        """;

    [Fact]
    public void Reads_event_and_object_attributes_marked_for_detection()
    {
        var import = MispImporter.Read(Utf8(Event), "misp.json");

        Assert.Equal(
        [
            "sha256:b75f163ca9b9240bf4b37ad92bc7556b40a17e27c2b8ed5c8991385fe07d17d0", "ip:203.0.113.7", "cidr:198.51.100.0/24", "domain:evil.com",
            "domain:c2.evil.net", "url:https://evil.com/gate.php", "user-agent:python-requests/2.25", "md5:4b3039cf227c611c45d2242d1228a121",
            "domain:x.evil.org", "ip:192.0.2.1", @"filepath:C:\inetpub\wwwroot\aspnet_client\shell.aspx", "filename:lsass.dmp",
            "sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709",
        ], Values(import));
        AccountsForEveryEntry(import);
        Assert.Equal(5, import.Rejected);
    }

    [Fact]
    public void Carries_comments_tags_first_seen_and_the_line()
    {
        var iocs = MispImporter.Read(Utf8(Event), "misp.json").Iocs;

        Assert.Equal("webshell", iocs[0].Comment);
        Assert.Equal("ProxyShell exploitation, customer X", iocs[1].Comment);
        Assert.Equal(["tlp:amber", "c2"], iocs[1].Tags.ToArray());
        Assert.Equal(new DateTime(2021, 8, 1, 0, 0, 0, DateTimeKind.Utc), iocs[3].ValidFrom);
        Assert.Equal("ProxyShell exploitation, customer X; file errorEE.aspx", iocs[7].Comment);
        Assert.Equal("misp.json:6", iocs[0].Source.ToString());
    }

    [Theory]
    [InlineData("u11", "MISP type 'regkey' has no indicator kind")]
    [InlineData("u12", "to_ids is false")]
    [InlineData("u13", "deleted")]
    [InlineData("u15", "no type or value")]
    public void Explains_each_attribute_it_skips(string name, string reason) =>
        Assert.Contains(MispImporter.Read(Utf8(Event), "misp.json").Diagnostics, d => d.Message.Contains($"attribute {name}", StringComparison.Ordinal) && d.Message.Contains(reason, StringComparison.Ordinal));

    [Fact]
    public void Takes_attributes_not_marked_for_detection_when_asked()
    {
        var import = MispImporter.Read(Utf8(Event), "misp.json", new IocImportOptions { MispToIdsOnly = false });

        Assert.Contains("ip:192.0.2.99", Values(import));
    }

    [Fact]
    public void Reads_search_responses_and_lists_of_events()
    {
        const string response = """{"response": [{"Event": {"info": "a", "Attribute": [{"type": "domain", "value": "a.example", "to_ids": true}]}}, {"Event": {"info": "b", "Attribute": [{"type": "domain", "value": "b.example", "to_ids": true}]}}]}""";
        const string attributes = """{"response": {"Attribute": [{"type": "ip-dst|port", "value": "192.0.2.5|443", "to_ids": true}]}}""";

        Assert.Equal(["domain:a.example", "domain:b.example"], Values(MispImporter.Read(Utf8(response), "r.json")));
        Assert.Equal(["ip:192.0.2.5"], Values(MispImporter.Read(Utf8(attributes), "a.json")));
    }

    [Fact]
    public void Keeps_attributes_read_before_broken_json()
    {
        var broken = Event[..Event.IndexOf("\"u5\"", StringComparison.Ordinal)] + "}}}";

        var import = MispImporter.Read(Utf8(broken), "broken.json");

        Assert.Equal(4, import.Iocs.Count);
        Assert.Contains(import.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Location == "10" && d.Message.Contains("not valid JSON", StringComparison.Ordinal));
    }
}
