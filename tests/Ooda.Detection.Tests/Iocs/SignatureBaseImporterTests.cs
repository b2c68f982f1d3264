using Ooda.Core;
using Ooda.Detection.Iocs;
using Ooda.Testing;
using Xunit.Abstractions;
using static Ooda.Detection.Tests.Iocs.ImportAssert;

namespace Ooda.Detection.Tests.Iocs;

public sealed class SignatureBaseImporterTests(ITestOutputHelper output)
{
    [Fact]
    public void Reads_hash_lists_by_length_with_block_headings_as_comments()
    {
        const string list = """
            #
            # LOKI CUSTOM EVIL HASHES
            #

            # Dark Caracal
            ce583821191345274cd954b2db7da9742c239fe413fc17dcb97ffdd7b51cb072;MS Windows HtmlHelp Data
            0c2674c3a97c53082187d930efb645c2
            da39a3ee5e6b4b0d3255bfef95601890afd80709;SHA1 example

            0c2674c3a97c53082187d930efb645c;one digit short
            """;

        var import = SignatureBaseImporter.Read(Utf8(list), "hash-iocs.txt", SignatureBaseList.Hash);

        Assert.Equal(["sha256:ce583821191345274cd954b2db7da9742c239fe413fc17dcb97ffdd7b51cb072", "md5:0c2674c3a97c53082187d930efb645c2", "sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709"], Values(import));
        Assert.Equal(["MS Windows HtmlHelp Data", "Dark Caracal", "SHA1 example"], import.Iocs.Select(i => i.Comment));
        var rejected = Assert.Single(import.Diagnostics);
        Assert.Equal("hash-iocs.txt:10", $"{rejected.File}:{rejected.Location}");
        AccountsForEveryEntry(import);
    }

    [Fact]
    public void Reads_filename_regexes_with_score_and_false_positive_exclusion()
    {
        const string list = """
            # Regin
            \\usbclass\.sys;80
            (?i)\\procdump(64)?(a)?\.(exe|zip);50;(?i)(SysInternals\\)
            \\a;b\.exe;60
            \\noscore\.exe
            (unclosed;70
            """;

        var import = SignatureBaseImporter.Read(Utf8(list), "filename-iocs.txt", SignatureBaseList.FileName);

        Assert.Equal([@"filepath-regex:\\usbclass\.sys", @"filepath-regex:(?i)\\procdump(64)?(a)?\.(exe|zip)", @"filepath-regex:\\a;b\.exe"], Values(import));
        Assert.Equal([80, 50, 60], import.Iocs.Select(i => i.Confidence ?? -1));
        Assert.Equal(@"(?i)(SysInternals\\)", import.Iocs[1].Exclude);
        Assert.Equal("Regin", import.Iocs[0].Comment);
        Assert.Equal(["5", "6"], import.Diagnostics.Select(d => d.Location));
        AccountsForEveryEntry(import);
    }

    [Fact]
    public void Reads_c2_lists_of_addresses_domains_and_urls()
    {
        const string list = """
            # FireEye Operation Snowman https://goo.gl/x1v7mT
            suroot.com
            58.64.143.244
            176.123.5.126;65
            2001:db8::7;ipv6 c2
            198.51.100.0/24
            http://evil.example/gate.php
            not a domain
            """;

        var import = SignatureBaseImporter.Read(Utf8(list), "c2-iocs.txt", SignatureBaseList.C2);

        Assert.Equal(["domain:suroot.com", "ip:58.64.143.244", "ip:176.123.5.126", "ip:2001:db8::7", "cidr:198.51.100.0/24", "url:http://evil.example/gate.php"], Values(import));
        Assert.Equal("FireEye Operation Snowman https://goo.gl/x1v7mT", import.Iocs[1].Comment);
        Assert.Equal(65, import.Iocs[2].Confidence);
        Assert.Equal("ipv6 c2", import.Iocs[3].Comment);
        Assert.Equal("8", Assert.Single(import.Diagnostics).Location);
    }

    [Fact]
    public void Reads_keywords_whole_lines_and_skips_overlong_ones()
    {
        var list = "# Mimikatz\nsekurlsa::LogonPasswords\n<3 eo.oe\n%COMSPEC% /C start %COMSPEC% /C \\\\WINDOWS\\\\Temp\n" + new string('k', 70_000) + "\nmimilib\n";

        var import = SignatureBaseImporter.Read(Utf8(list), "keywords.txt", SignatureBaseList.Keyword);

        Assert.Equal(["sekurlsa::LogonPasswords", "<3 eo.oe", @"%COMSPEC% /C start %COMSPEC% /C \\WINDOWS\\Temp", "mimilib"], import.Iocs.Select(i => i.Value));
        Assert.Contains("longer than", Assert.Single(import.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Equal("5", import.Diagnostics[0].Location);
    }

    [Theory]
    [InlineData("hash-iocs.txt", SignatureBaseList.Hash)]
    [InlineData("filename-iocs.txt", SignatureBaseList.FileName)]
    [InlineData("c2-iocs.txt", SignatureBaseList.C2)]
    [InlineData("keywords.txt", SignatureBaseList.Keyword)]
    [InlineData("README.txt", null)]
    public void Knows_each_list_by_its_name_as_the_readme_says(string name, SignatureBaseList? list) =>
        Assert.Equal(list, SignatureBaseImporter.ListFromFileName("/x/iocs/" + name));

    [SkippableTheory]
    [InlineData("hash-iocs.txt")]
    [InlineData("filename-iocs.txt")]
    [InlineData("c2-iocs.txt")]
    [InlineData("keywords.txt")]
    public void Every_line_of_the_published_lists_becomes_an_indicator_or_a_diagnostic(string name)
    {
        var path = Corpus.Require("signature-base/iocs/" + name);
        var contentLines = File.ReadLines(path).Count(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));

        var import = IocImporter.ReadFile(path);

        Assert.Equal(contentLines, import.Entries);
        AccountsForEveryEntry(import);
        output.WriteLine($"{name}: {contentLines} entries, {import.Iocs.Count} indicators, {import.Rejected} rejected, {import.Duplicates} duplicates");
        foreach (var group in import.Iocs.GroupBy(i => i.Kind))
            output.WriteLine($"  {IocKinds.Name(group.Key)}: {group.Count()}");
        foreach (var diagnostic in import.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20))
            output.WriteLine("  " + diagnostic);
        Assert.True(import.Iocs.Count > contentLines * 9 / 10, "nearly every published entry is usable");
    }

    [SkippableFact]
    public void The_published_lists_compile_into_one_matcher_that_finds_their_own_samples()
    {
        var folder = Corpus.Require("signature-base/iocs");
        var set = Directory.GetFiles(folder, "*.txt").Where(f => SignatureBaseImporter.ListFromFileName(f) is not null)
            .Select(f => IocImporter.ReadFile(f).Iocs).Aggregate(IocSet.Empty, (all, next) => all.Union(next));

        var matcher = IocMatcher.Compile(set);
        output.WriteLine($"{set.Count} indicators: {matcher.Statistics}");

        var hits = IocEvents.Match(matcher, IocEvents.Event(
            ("Image", @"C:\Windows\System32\drivers\usbclass.sys"),
            ("CommandLine", "mimikatz.exe \"privilege::debug\" \"sekurlsa::logonpasswords\""),
            ("DestinationHostname", "me.scieron.com"),
            ("DestinationIp", "58.64.143.244")));
        Assert.Contains(hits, h => h.Ioc.Value == @"\\usbclass\.sys");
        Assert.Contains(hits, h => string.Equals(h.Ioc.Value, "sekurlsa::logonpasswords", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(hits, h => h.Ioc.Value == "me.scieron.com");
        Assert.Contains(hits, h => h.Ioc.Value == "58.64.143.244");
    }
}
