using Ooda.Core;
using Ooda.Detection.Iocs;
using static Ooda.Detection.Tests.Iocs.ImportAssert;

namespace Ooda.Detection.Tests.Iocs;

public sealed class CsvIocImporterTests
{
    [Fact]
    public void Reads_a_list_with_a_header_and_rfc4180_quoting()
    {
        const string csv = """
            # exported from the case
            Type,Value,Comment,Tags,Confidence,Valid_From
            sha256,B75F163CA9B9240BF4B37AD92BC7556B40A17E27C2B8ED5C8991385FE07D17D0,"webshell, ProxyShell",hafnium|webshell,90,2021-03-02T00:00:00Z
            ip-dst,203.0.113.7,"the ""C2"" server",,,
            domain,evil[.]com,"spans
            two lines",,,

            hash,4b3039cf227c611c45d2242d1228a121,,,,
            filepath-regex,"\\shell\.aspx$",,,,
            user-agent,"Mozilla/5.0 (compatible; x)",,,,
            """;

        var import = CsvIocImporter.Read(Utf8(csv), "case.csv");

        Assert.Equal(["sha256:b75f163ca9b9240bf4b37ad92bc7556b40a17e27c2b8ed5c8991385fe07d17d0", "ip:203.0.113.7", "domain:evil.com", "md5:4b3039cf227c611c45d2242d1228a121", @"filepath-regex:\\shell\.aspx$", "user-agent:Mozilla/5.0 (compatible; x)"], Values(import));
        Assert.Empty(import.Diagnostics);
        var first = import.Iocs[0];
        Assert.Equal("webshell, ProxyShell", first.Comment);
        Assert.Equal(["hafnium", "webshell"], first.Tags.ToArray());
        Assert.Equal(90, first.Confidence);
        Assert.Equal("case.csv:3", first.Source.ToString());
        Assert.Equal("the \"C2\" server", import.Iocs[1].Comment);
        Assert.Equal("spans\ntwo lines", import.Iocs[2].Comment);
        Assert.Equal("case.csv:8", import.Iocs[3].Source.ToString());
    }

    [Fact]
    public void Sniffs_semicolons_and_column_order()
    {
        const string csv = "value;comment;type\nevil.com;c2;domain\n";

        Assert.Equal(["domain:evil.com"], Values(CsvIocImporter.Read(Utf8(csv), "x.csv")));
    }

    [Fact]
    public void Reads_a_list_without_header_as_type_value_comment_and_says_so()
    {
        var import = CsvIocImporter.Read(Utf8("domain,evil.com,c2\nip,10.0.0.1,\n"), "x.csv");

        Assert.Equal(["domain:evil.com", "ip:10.0.0.1"], Values(import));
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(import.Diagnostics).Severity);
    }

    [Fact]
    public void Explains_every_record_it_cannot_use()
    {
        var csv = "type,value,comment,confidence\n" +
            "colour,red,,\n" +
            "hash,abc,,\n" +
            "domain,,,\n" +
            "ip,10.0.0.300,,\n" +
            "domain,evil.com,,high\n" +
            "domain,a" + new string('x', 100_000) + ".com,,\n" +
            "domain,evil.com,,\n" +
            "domain,\"never closed\n";

        var import = CsvIocImporter.Read(Utf8(csv), "bad.csv", new IocImportOptions { MaxLineChars = 1000 });

        Assert.Equal(["domain:evil.com"], Values(import));
        AccountsForEveryEntry(import);
        Assert.Equal(["2", "3", "4", "5", "6", "7", "9"], import.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Location));
        Assert.Contains("unknown type 'colour'", import.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("longer than 1000", import.Diagnostics[5].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_gives_an_empty_set() =>
        Assert.Empty(CsvIocImporter.Read(Utf8(string.Empty), "empty.csv").Iocs);
}
