using Ooda.Core;
using Ooda.Detection.Iocs;
using static Ooda.Detection.Tests.Iocs.ImportAssert;

namespace Ooda.Detection.Tests.Iocs;

public sealed class StixImporterTests
{
    private const string Bundle = """
        {
          "type": "bundle",
          "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
          "objects": [
            { "type": "identity", "spec_version": "2.1", "id": "identity--1", "name": "CERT" },
            { "type": "indicator", "spec_version": "2.1", "id": "indicator--a1", "name": "ProxyShell webshell",
              "description": "HAFNIUM webshell", "labels": ["hafnium", "webshell"], "confidence": 85,
              "pattern": "[file:hashes.'SHA-256' = 'B75F163CA9B9240BF4B37AD92BC7556B40A17E27C2B8ED5C8991385FE07D17D0' OR file:hashes.MD5 = '4b3039cf227c611c45d2242d1228a121' OR file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']",
              "pattern_type": "stix", "valid_from": "2021-03-02T00:00:00Z", "valid_until": "2022-03-02T00:00:00.5Z" },
            { "type": "indicator", "id": "indicator--a2", "pattern": "[ipv4-addr:value = '203.0.113.0/24'] OR [ipv6-addr:value = '2001:DB8::1'] OR [ipv4-addr:value = '198.51.100.7']",
              "pattern_type": "stix", "valid_from": "2021-03-02T00:00:00Z" },
            { "type": "indicator", "id": "indicator--a3", "pattern": "[domain-name:value = 'Evil.COM'] OR [url:value = 'http://evil.com/gate.php'] OR [file:name = 'errorEE.aspx']",
              "pattern_type": "stix", "valid_from": "2021-03-02T00:00:00Z" },
            { "type": "indicator", "id": "indicator--a4", "pattern": "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '192.0.2.9']",
              "pattern_type": "stix", "valid_from": "2021-03-02T00:00:00Z" },
            { "type": "indicator", "id": "indicator--a5", "pattern": "[network-traffic:dst_ref.value IN ('c2.example.net', '192.0.2.10')]",
              "pattern_type": "stix", "valid_from": "2021-03-02T00:00:00Z" },
            { "type": "indicator", "id": "indicator--b1", "pattern": "[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\Software\\\\x']", "pattern_type": "stix", "valid_from": "2021-03-02T00:00:00Z" },
            { "type": "indicator", "id": "indicator--b2", "pattern": "[file:name = 'a.exe' AND file:size = 100]", "pattern_type": "stix", "valid_from": "2021-03-02T00:00:00Z" },
            { "type": "indicator", "id": "indicator--b3", "pattern": "[file:name = 'a.exe'] FOLLOWEDBY [process:name = 'b.exe']", "pattern_type": "stix", "valid_from": "2021-03-02T00:00:00Z" },
            { "type": "indicator", "id": "indicator--b4", "pattern": "rule x { condition: true }", "pattern_type": "yara", "valid_from": "2021-03-02T00:00:00Z" },
            { "type": "indicator", "id": "indicator--b5", "pattern": "[domain-name:value = 'old.example']", "pattern_type": "stix", "revoked": true, "valid_from": "2021-03-02T00:00:00Z" },
            { "type": "indicator", "id": "indicator--b6", "pattern": "[domain-name:value = 'x.example'", "pattern_type": "stix", "valid_from": "2021-03-02T00:00:00Z" },
            { "type": "indicator", "id": "indicator--b7", "pattern_type": "stix", "valid_from": "2021-03-02T00:00:00Z" },
            { "type": "indicator", "id": "indicator--b8", "pattern": "[file:hashes.MD5 = 'nothex']", "pattern_type": "stix", "valid_from": "2021-03-02T00:00:00Z" },
            { "type": "indicator", "id": "indicator--b9", "pattern": "[domain-name:value = 'evil.com']", "pattern_type": "stix", "valid_from": "2021-03-02T00:00:00Z" },
            { "type": "relationship", "id": "relationship--1", "relationship_type": "indicates" }
          ]
        }
        """;

    [Fact]
    public void Reads_every_supported_comparison_of_a_bundle()
    {
        var import = StixImporter.Read(Utf8(Bundle), "bundle.json");

        Assert.Equal(
        [
            "sha256:b75f163ca9b9240bf4b37ad92bc7556b40a17e27c2b8ed5c8991385fe07d17d0", "md5:4b3039cf227c611c45d2242d1228a121", "sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709",
            "cidr:203.0.113.0/24", "ip:2001:db8::1", "ip:198.51.100.7",
            "domain:evil.com", "url:http://evil.com/gate.php", "filename:errorEE.aspx",
            "ip:192.0.2.9", "domain:c2.example.net", "ip:192.0.2.10",
        ], Values(import));
        AccountsForEveryEntry(import);
        Assert.Equal(8, import.Rejected);
        Assert.Equal(1, import.Duplicates);
    }

    [Fact]
    public void Carries_description_labels_confidence_validity_and_the_stix_id()
    {
        var first = StixImporter.Read(Utf8(Bundle), "bundle.json").Iocs[0];

        Assert.Equal("HAFNIUM webshell", first.Comment);
        Assert.Equal(["hafnium", "webshell"], first.Tags.ToArray());
        Assert.Equal(85, first.Confidence);
        Assert.Equal(new DateTime(2021, 3, 2, 0, 0, 0, DateTimeKind.Utc), first.ValidFrom);
        Assert.Equal(new DateTime(2022, 3, 2, 0, 0, 0, 500, DateTimeKind.Utc), first.ValidUntil);
        Assert.Equal("bundle.json:indicator--a1", first.Source.ToString());
    }

    [Theory]
    [InlineData("indicator--b1", "no indicator kind for 'windows-registry-key:key ='")]
    [InlineData("indicator--b2", "AND of file:name =, file:size =")]
    [InlineData("indicator--b3", "FOLLOWEDBY")]
    [InlineData("indicator--b4", "pattern_type 'yara'")]
    [InlineData("indicator--b5", "revoked")]
    [InlineData("indicator--b6", "expected ']'")]
    [InlineData("indicator--b7", "without a pattern")]
    [InlineData("indicator--b8", "md5 'nothex'")]
    public void Explains_each_indicator_it_cannot_use(string id, string reason)
    {
        var import = StixImporter.Read(Utf8(Bundle), "bundle.json");

        var diagnostic = Assert.Single(import.Diagnostics, d => d.Location == id);
        Assert.Contains(reason, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_what_was_read_before_broken_json_and_says_where_it_broke()
    {
        var broken = Bundle[..Bundle.IndexOf("indicator--a3", StringComparison.Ordinal)] + "\"oops";

        var import = StixImporter.Read(Utf8(broken), "broken.json");

        Assert.Equal(6, import.Iocs.Count);
        var error = Assert.Single(import.Diagnostics, d => d.Message.StartsWith("not valid JSON", StringComparison.Ordinal));
        Assert.Equal("12", error.Location);
        Assert.Contains("lost", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1, 2, \"x\", null]")]
    [InlineData("{\"type\": \"bundle\", \"objects\": 5}")]
    [InlineData("{\"type\": \"bundle\", \"objects\": [{\"type\": \"indicator\", \"pattern\": 7, \"confidence\": \"high\"}]}")]
    public void Survives_malformed_documents(string json)
    {
        var import = StixImporter.Read(Utf8(json), "bad.json");

        Assert.Empty(import.Iocs);
        AccountsForEveryEntry(import);
    }

    [Fact]
    public void Refuses_nesting_beyond_its_depth_limit_with_a_diagnostic()
    {
        var deep = "{\"type\":\"bundle\",\"objects\":[" + new string('[', 10_000) + new string(']', 10_000) + "]}";

        var import = StixImporter.Read(Utf8(deep), "deep.json");

        Assert.Contains(import.Diagnostics, d => d.Message.Contains("depth", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Refuses_a_document_over_the_size_limit()
    {
        var import = StixImporter.Read(Utf8(Bundle), "big.json", new IocImportOptions { MaxJsonBytes = 100 });

        Assert.Empty(import.Iocs);
        Assert.Contains("larger than 100 bytes", Assert.Single(import.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_normalisation_problems_against_the_stix_id()
    {
        var import = StixImporter.Read(Utf8(Bundle), "bundle.json");

        var duplicate = Assert.Single(import.Diagnostics, d => d.Location == "indicator--b9");
        Assert.Equal(DiagnosticSeverity.Warning, duplicate.Severity);
        Assert.Contains("repeats bundle.json:indicator--a3", duplicate.Message, StringComparison.Ordinal);
    }
}
