using System.Text.Json;
using CsCheck;
using Ooda.Detection.Iocs;
using Ooda.Detection.Iocs.Internal;

namespace Ooda.Detection.Tests.Iocs;

public sealed class StixExporterTests
{
    private static readonly StixExportOptions _options = new() { Created = new DateTime(2021, 8, 6, 12, 0, 0, DateTimeKind.Utc) };

    private static readonly IocSet _sample = IocSet.Create(
    [
        new Ioc(IocKind.Md5, "4b3039cf227c611c45d2242d1228a121") { Comment = "webshell", Tags = ["hafnium"], Confidence = 80 },
        new Ioc(IocKind.Sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        new Ioc(IocKind.Sha256, "b75f163ca9b9240bf4b37ad92bc7556b40a17e27c2b8ed5c8991385fe07d17d0") { ValidFrom = new DateTime(2021, 3, 2, 0, 0, 0, DateTimeKind.Utc), ValidUntil = new DateTime(2022, 3, 2, 0, 0, 0, 123, DateTimeKind.Utc).AddTicks(4567) },
        new Ioc(IocKind.Ip, "203.0.113.7"),
        new Ioc(IocKind.Ip, "2001:db8::1"),
        new Ioc(IocKind.Cidr, "198.51.100.0/24"),
        new Ioc(IocKind.Cidr, "2001:db8::/32"),
        new Ioc(IocKind.Domain, "evil.com"),
        new Ioc(IocKind.Url, "https://evil.com/it's\\gate.php"),
        new Ioc(IocKind.FileName, "errorEE.aspx"),
        new Ioc(IocKind.FilePath, @"C:\inetpub\wwwroot\aspnet_client\*.aspx"),
        new Ioc(IocKind.FilePathRegex, @"(?i)\\procdump(64)?\.exe") { Exclude = @"\\SysInternals\\" },
        new Ioc(IocKind.UserAgent, "python-requests/2.25"),
        new Ioc(IocKind.CommandLine, "-enc JAB"),
        new Ioc(IocKind.CommandLineRegex, @"-nop\s+-w\s+hidden"),
        new Ioc(IocKind.Keyword, "sekurlsa::logonpasswords"),
    ]);

    [Fact]
    public void Reading_an_export_gives_back_the_same_indicators()
    {
        var import = StixImporter.Read(Export(_sample), "export.json");

        Assert.Empty(import.Diagnostics);
        Assert.Equal(_sample.Select(WithoutSource), import.Iocs.Select(WithoutSource));
        Assert.All(import.Iocs, i => Assert.StartsWith("indicator--", i.Source.Location, StringComparison.Ordinal));
    }

    [Fact]
    public void Random_indicators_survive_the_round_trip()
    {
        var text = Gen.String[Gen.Char["abc'\\\"/%_ é*?\u2603"], 3, 20];
        IocKind[] kinds = [IocKind.Keyword, IocKind.CommandLine, IocKind.UserAgent, IocKind.FilePath];
        var kind = Gen.Int[0, kinds.Length - 1].Select(i => kinds[i]);
        Gen.Select(kind, text, Gen.String[Gen.Char["xyz '\"\n"], 0, 10], Gen.Int[0, 100]).Array[1, 20].Sample(rows =>
        {
            var set = IocSet.Create(rows.Select(r => new Ioc(r.Item1, r.Item2) { Comment = r.Item3, Tags = [r.Item3.Trim()], Confidence = r.Item4 }));

            var back = StixImporter.Read(Export(set), "x.json").Iocs;

            Assert.Equal(set.Select(WithoutSource), back.Select(WithoutSource));
        }, iter: 200, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void The_same_indicators_always_give_the_same_bytes_and_ids()
    {
        var first = Export(_sample).ToArray();
        var second = Export(IocSet.Create(_sample.Reverse())).ToArray();

        Assert.Equal(first, Export(_sample).ToArray());
        var ids = Ids(first);
        Assert.Equal(ids.Order(), Ids(second).Order());
        Assert.Equal(StixExporter.IndicatorId(_sample[0]), ids[1]);
        Assert.NotEqual(StixExporter.IndicatorId(new Ioc(IocKind.Md5, _sample[0].Value.ToUpperInvariant())), ids[1]);
    }

    [Fact]
    public void Writes_the_objects_stix_requires()
    {
        using var document = JsonDocument.Parse(Export(_sample));
        var objects = document.RootElement.GetProperty("objects").EnumerateArray().ToList();

        Assert.Equal("bundle", document.RootElement.GetProperty("type").GetString());
        Assert.Equal("identity", objects[0].GetProperty("type").GetString());
        var indicator = objects[1];
        foreach (var required in new[] { "spec_version", "id", "created", "modified", "pattern", "pattern_type", "valid_from", "indicator_types" })
            Assert.True(indicator.TryGetProperty(required, out _), required);
        Assert.Equal("2021-08-06T12:00:00.000Z", indicator.GetProperty("created").GetString());
        Assert.Equal("[file:hashes.MD5 = '4b3039cf227c611c45d2242d1228a121']", indicator.GetProperty("pattern").GetString());
        Assert.Equal(["hafnium"], indicator.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("2022-03-02T00:00:00.1234567Z", objects[3].GetProperty("valid_until").GetString());
        Assert.Equal("2021-03-02T00:00:00Z", objects[3].GetProperty("valid_from").GetString());
    }

    [Fact]
    public void Name_based_ids_follow_rfc_9562() =>
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), UuidV5.Create(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"));

    private static Ioc WithoutSource(Ioc ioc) => ioc with { Source = IocSource.None };

    private static MemoryStream Export(IocSet set)
    {
        var stream = new MemoryStream();
        StixExporter.Write(set, stream, _options);
        stream.Position = 0;
        return stream;
    }

    private static List<string> Ids(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("objects").EnumerateArray().Select(o => o.GetProperty("id").GetString()!)];
    }
}
