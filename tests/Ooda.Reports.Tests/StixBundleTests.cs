using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ooda.Reports.Tests;

public sealed partial class StixBundleTests
{
    private static readonly Dictionary<string, string[]> _required = new(StringComparer.Ordinal)
    {
        ["identity"] = ["type", "spec_version", "id", "created", "modified", "name"],
        ["marking-definition"] = ["type", "spec_version", "id", "created", "name", "extensions"],
        ["indicator"] = ["type", "spec_version", "id", "created", "modified", "pattern", "pattern_type", "valid_from"],
        ["sighting"] = ["type", "spec_version", "id", "created", "modified", "sighting_of_ref"],
        ["attack-pattern"] = ["type", "spec_version", "id", "created", "modified", "name"],
        ["report"] = ["type", "spec_version", "id", "created", "modified", "name", "published", "object_refs"],
    };

    private static JsonElement Bundle(CaseReport? report = null) => JsonDocument.Parse(StixBundle.Render(report ?? HostileReport.Build())).RootElement;

    [Fact]
    public void Every_object_has_the_properties_its_type_requires_and_a_well_formed_id()
    {
        var bundle = Bundle();

        Assert.Equal("bundle", bundle.GetProperty("type").GetString());
        Assert.Matches(IdPattern(), bundle.GetProperty("id").GetString()!);
        foreach (var o in bundle.GetProperty("objects").EnumerateArray())
        {
            var type = o.GetProperty("type").GetString()!;
            Assert.True(_required.ContainsKey(type), $"unexpected type {type}");
            foreach (var property in _required[type])
                Assert.True(o.TryGetProperty(property, out _), $"{type} lacks {property}");
            Assert.Equal("2.1", o.GetProperty("spec_version").GetString());
            var id = o.GetProperty("id").GetString()!;
            Assert.Matches(IdPattern(), id);
            Assert.StartsWith(type + "--", id, StringComparison.Ordinal);
            foreach (var time in new[] { "created", "modified", "valid_from", "first_seen", "last_seen", "published" })
            {
                if (o.TryGetProperty(time, out var value))
                    Assert.Matches(TimePattern(), value.GetString()!);
            }
        }
    }

    [Fact]
    public void Every_reference_resolves_inside_the_bundle()
    {
        var objects = Bundle().GetProperty("objects").EnumerateArray().ToList();
        var ids = objects.Select(o => o.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(objects.Count, ids.Count);
        var references = 0;
        foreach (var o in objects)
        {
            foreach (var p in o.EnumerateObject())
            {
                var values = p.Name.EndsWith("_ref", StringComparison.Ordinal) ? [p.Value.GetString()!]
                    : p.Name.EndsWith("_refs", StringComparison.Ordinal) ? p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray()
                    : [];
                foreach (var value in values)
                {
                    references++;
                    Assert.True(ids.Contains(value), $"{o.GetProperty("id")}.{p.Name} names {value}, which is not in the bundle");
                }
            }
        }

        Assert.True(references > 20);
    }

    [Theory]
    [InlineData("clear", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR")]
    [InlineData("green", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN")]
    [InlineData("amber", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER")]
    [InlineData("amber+strict", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT")]
    [InlineData("red", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED")]
    public void The_case_tlp_is_the_oasis_tlp_2_marking_and_marks_every_object(string tlp, string markingId, string name)
    {
        var report = HostileReport.Build();
        var objects = Bundle(report with { Header = report.Header with { Tlp = tlp } }).GetProperty("objects").EnumerateArray().ToList();

        var marking = Assert.Single(objects, o => o.GetProperty("type").GetString() == "marking-definition");
        Assert.Equal(markingId, marking.GetProperty("id").GetString());
        Assert.Equal(name, marking.GetProperty("name").GetString());
        Assert.Equal("2022-10-01T00:00:00.000Z", marking.GetProperty("created").GetString());
        var extension = marking.GetProperty("extensions").GetProperty("extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d");
        Assert.Equal(("property-extension", tlp), (extension.GetProperty("extension_type").GetString(), extension.GetProperty("tlp_2_0").GetString()));
        foreach (var o in objects.Where(o => o.GetProperty("type").GetString() != "marking-definition"))
            Assert.Equal([markingId], o.GetProperty("object_marking_refs").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void Indicators_carry_stix_patterns_with_quotes_and_backslashes_escaped()
    {
        var patterns = Bundle().GetProperty("objects").EnumerateArray().Where(o => o.GetProperty("type").GetString() == "indicator")
            .Select(o => o.GetProperty("pattern").GetString()!).ToList();

        Assert.Contains("[ipv4-addr:value = '203.0.113.104']", patterns);
        Assert.Contains($"[file:hashes.'SHA-256' = '{new string('b', 64)}']", patterns);
        Assert.Contains("[url:value = 'javascript:alert(document.domain)']", patterns);
        Assert.Contains("[file:name = 'it\\'sinvoice\u202Egpj.exe.aspx' AND file:parent_directory_ref.path = 'C:\\\\inetpub\\\\wwwroot\\\\aspnet_client']", patterns);
        Assert.Contains(patterns, p => p.StartsWith("[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = 'Mozilla <script>", StringComparison.Ordinal));
        Assert.Equal(5, patterns.Count);
    }

    [Fact]
    public void Sightings_count_and_time_where_each_indicator_was_seen_at_the_customer()
    {
        var objects = Bundle().GetProperty("objects").EnumerateArray().ToList();
        var indicator = objects.Single(o => o.GetProperty("type").GetString() == "indicator" && o.GetProperty("pattern").GetString()!.Contains("203.0.113.104", StringComparison.Ordinal));
        var sighting = objects.Single(o => o.GetProperty("type").GetString() == "sighting" && o.GetProperty("sighting_of_ref").GetString() == indicator.GetProperty("id").GetString());
        var customer = objects.Single(o => o.GetProperty("type").GetString() == "identity" && o.GetProperty("identity_class").GetString() == "organization");

        Assert.Equal(2, sighting.GetProperty("count").GetInt32());
        Assert.Equal(("2021-08-07T03:34:16.000Z", "2021-08-07T03:41:16.000Z"), (sighting.GetProperty("first_seen").GetString(), sighting.GetProperty("last_seen").GetString()));
        Assert.Equal([customer.GetProperty("id").GetString()], sighting.GetProperty("where_sighted_refs").EnumerateArray().Select(v => v.GetString()));
    }

    [Theory]
    [InlineData("/home/analyst/cases/acme/evidence/Security.evtx")]
    [InlineData(@"C:\Users\analyst\cases\acme\Security.evtx")]
    public void Sightings_name_the_evidence_file_by_name_and_hash_without_the_analysts_folders(string path)
    {
        var provenance = new ReportProvenance(path, new string('d', 64), 4711, null, null);
        var report = HostileReport.Build() with { Iocs = [new ReportIoc(IocKind.Ipv4, "203.0.113.104", [new ReportIocSighting("acme-ex01", "f-1", HostileReport.T0, "c-ip", provenance)])] };

        var sighting = Bundle(report).GetProperty("objects").EnumerateArray().Single(o => o.GetProperty("type").GetString() == "sighting");

        Assert.Equal($"acme-ex01 2021-08-07T03:34:16.000Z in c-ip (Security.evtx, SHA-256 {new string('d', 64)}, record 4711)", sighting.GetProperty("description").GetString());
        Assert.DoesNotContain("analyst", StixBundle.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Attack_patterns_reference_their_attack_technique()
    {
        var patterns = Bundle().GetProperty("objects").EnumerateArray().Where(o => o.GetProperty("type").GetString() == "attack-pattern").ToList();

        Assert.Equal(["T1190", "T1505.003"], patterns.Select(p => p.GetProperty("external_references")[0].GetProperty("external_id").GetString()));
        var reference = patterns[1].GetProperty("external_references")[0];
        Assert.Equal(("mitre-attack", "https://attack.mitre.org/techniques/T1505/003/"), (reference.GetProperty("source_name").GetString(), reference.GetProperty("url").GetString()));
        Assert.Equal("persistence", patterns[1].GetProperty("kill_chain_phases")[0].GetProperty("phase_name").GetString());
    }

    [Fact]
    public void Exporting_again_gives_the_same_bundle_whenever_it_is_made()
    {
        var report = HostileReport.Build();

        Assert.Equal(StixBundle.Render(report), StixBundle.Render(report with { GeneratedAt = DateTime.UtcNow }));
        var other = StixBundle.Render(report with { Header = report.Header with { CaseId = "C-0002" } });
        Assert.NotEqual(Bundle(report).GetProperty("id").GetString(), JsonDocument.Parse(other).RootElement.GetProperty("id").GetString());
    }

    [GeneratedRegex(@"^[a-z][a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
