using Ooda.Detection.Iocs;
using Ooda.Testing;

namespace Ooda.Detection.Tests.Iocs;

public sealed class IocImporterTests
{
    [Theory]
    [InlineData("bundle.json", """{"type":"bundle","objects":[{"type":"indicator","pattern":"[domain-name:value = 'a.example']","pattern_type":"stix"}]}""", "domain:a.example")]
    [InlineData("event.json", """{"Event":{"Attribute":[{"type":"domain","value":"b.example","to_ids":true}]}}""", "domain:b.example")]
    [InlineData("list.csv", "type,value\ndomain,c.example\n", "domain:c.example")]
    [InlineData("my-c2-list.txt", "d.example\n", "domain:d.example")]
    [InlineData("extra-hash-iocs.txt", "0c2674c3a97c53082187d930efb645c2;x\n", "md5:0c2674c3a97c53082187d930efb645c2")]
    public void Chooses_the_format_from_content_or_name(string name, string content, string expected)
    {
        using var temp = new TempDirectory();
        var path = temp.File(name);
        File.WriteAllText(path, content);

        Assert.Equal([expected], ImportAssert.Values(IocImporter.ReadFile(path)));
    }

    [Theory]
    [InlineData("notes.txt", "evil.com\n")]
    [InlineData("other.json", """{"hello": "world"}""")]
    public void Says_so_when_it_does_not_know_the_format(string name, string content)
    {
        using var temp = new TempDirectory();
        var path = temp.File(name);
        File.WriteAllText(path, content);

        var import = IocImporter.ReadFile(path);

        Assert.Empty(import.Iocs);
        Assert.Equal(path, Assert.Single(import.Diagnostics).File);
    }
}
