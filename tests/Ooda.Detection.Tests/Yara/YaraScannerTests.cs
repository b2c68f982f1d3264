using System.Text;
using Ooda.Detection.Tests.Yara.Support;
using Ooda.Detection.Yara;
using Ooda.Testing;

namespace Ooda.Detection.Tests.Yara;

public sealed class YaraScannerTests
{
    private const string Kinds = """
        rule text_hex_regex : webshell test {
            meta:
                description = "strings of every kind"
                author = "ooda tests"
                score = 70
                reviewed = false
            strings:
                $text = "eval(Request"
                $nocase = "RUNAT=\"SERVER\"" nocase
                $wide = "cmd.exe" wide
                $hex = { 21 42 44 4E ?? 00 [2-4] 53 4D }
                $regex = /Request\.Item\[\"[a-z]{1,8}\"\]/
            condition:
                all of them
        }
        rule never { strings: $a = "not in the data" condition: $a }
        """;

    [SkippableFact]
    public void Reports_text_nocase_wide_hex_and_regex_matches_with_exact_offsets()
    {
        using var rules = YaraTest.Compile(Kinds);
        var data = new List<byte>();
        data.AddRange("!BDN\x07\x00\x01\x02SM"u8.ToArray());                       // hex at 0, 10 bytes
        data.AddRange("<script runat=\"server\">"u8.ToArray());                   // nocase at 18
        data.AddRange("eval(Request.Item[\"pass\"],\"unsafe\");"u8.ToArray());     // text at 33, regex at 38
        data.AddRange(Encoding.Unicode.GetBytes("cmd.exe"));                      // wide at 69
        var matches = YaraTest.Scan(rules, data.ToArray());

        var match = Assert.Single(matches);
        Assert.Equal("text_hex_regex", match.Rule);
        Assert.Equal("test", match.Namespace);
        Assert.Equal(["webshell", "test"], match.Tags);
        Assert.Equal("strings of every kind", match.Meta.Description);
        Assert.Equal("ooda tests", match.Meta.Author);
        Assert.Equal(70, match.Meta.Score);
        Assert.Equal(new KeyValuePair<string, string>("reviewed", "false"), match.Meta.All[3]);
        var found = match.Strings.Select(s => $"{s.Identifier}@{s.Offset}+{s.Length}").ToList();
        Assert.Equal(["$text@33+12", "$nocase@18+14", "$wide@69+14", "$hex@0+10", "$regex@38+20"], found);
        Assert.Equal("runat=\"server\"", Encoding.ASCII.GetString(match.Strings[1].Data));
        Assert.Equal("Request.Item[\"pass\"]", Encoding.ASCII.GetString(match.Strings[4].Data));
        Assert.Equal(Encoding.Unicode.GetBytes("cmd.exe"), match.Strings[2].Data);
    }

    [SkippableFact]
    public void Reports_nothing_when_no_rule_matches() =>
        Assert.Empty(YaraTest.Scan(YaraTest.Compile(Kinds), "eval(Request but nothing else"u8));

    [SkippableFact]
    public void Scans_empty_data()
    {
        using var rules = YaraTest.Compile("rule empty { condition: filesize == 0 }");
        Assert.Equal("empty", Assert.Single(YaraTest.Scan(rules, [])).Rule);
    }

    [SkippableTheory]
    [InlineData("shell.aspx", @"C:\inetpub\wwwroot\aspnet_client", ".aspx", "PST", true)]
    [InlineData("Shell.aspx", @"C:\inetpub\wwwroot\aspnet_client", ".aspx", "PST", false)]
    [InlineData("shell.aspx", @"C:\Users\Public", ".aspx", "PST", false)]
    [InlineData("shell.aspx", @"C:\inetpub\wwwroot\aspnet_client", ".aspx", "ZIP", false)]
    public void Conditions_see_the_externals_set_for_each_scan(string filename, string filepath, string extension, string filetype, bool expected)
    {
        using var rules = YaraTest.Compile("""
            rule externals {
                condition:
                    filename == "shell.aspx" and filepath contains "\\inetpub\\" and extension == ".aspx"
                    and filetype == "PST" and owner == ""
            }
            """);
        var externals = new YaraExternals(filename, filepath, extension, filetype);
        Assert.Equal(expected, YaraTest.Scan(rules, "anything"u8, externals).Count == 1);
        // The next scan with no externals must not see the previous values.
        Assert.Empty(YaraTest.Scan(rules, "anything"u8));
    }

    [SkippableFact]
    public void Private_strings_and_private_rules_are_not_reported_but_still_count()
    {
        using var rules = YaraTest.Compile("""
            private rule helper { strings: $h = "helper" condition: $h }
            rule uses_helper { strings: $p = "secret" private $v = "visible" condition: helper and $p and $v }
            """);
        var match = Assert.Single(YaraTest.Scan(rules, "helper secret visible"u8));
        Assert.Equal("uses_helper", match.Rule);
        Assert.Equal("$v", Assert.Single(match.Strings).Identifier);
        Assert.Empty(match.Meta.All);
    }

    [SkippableFact]
    public void Keeps_at_most_the_configured_string_matches_and_data_bytes()
    {
        using var rules = YaraTest.Compile("rule many { strings: $a = \"abcdefgh\" condition: #a == 10 }");
        var data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("abcdefgh.", 10)));
        var match = Assert.Single(YaraTest.Scan(rules, data, options: new YaraScanOptions(TimeSpan.FromSeconds(10), MaxStringMatches: 3, MaxDataBytes: 4)));
        Assert.Equal([0L, 9L, 18L], match.Strings.Select(s => s.Offset));
        Assert.All(match.Strings, s => Assert.Equal(8, s.Length));
        Assert.All(match.Strings, s => Assert.Equal("abcd"u8.ToArray(), s.Data));
    }

    [SkippableFact]
    public void Scanning_a_file_finds_what_scanning_its_bytes_finds()
    {
        using var rules = YaraTest.Compile(Kinds);
        using var temp = new TempDirectory();
        var path = temp.File("sample.bin");
        var data = Generated(7, 64 * 1024);
        File.WriteAllBytes(path, data);
        using var scanner = rules.CreateScanner();
        var fromFile = new List<YaraMatch>();
        var fromMemory = new List<YaraMatch>();
        Assert.Equal(YaraScanStatus.Completed, scanner.ScanFile(path, YaraExternals.None, fromFile));
        Assert.Equal(YaraScanStatus.Completed, scanner.Scan(data, YaraExternals.None, fromMemory));
        Assert.Equal(Describe(fromMemory), Describe(fromFile));
        Assert.NotEmpty(fromFile);
    }

    [SkippableFact]
    public void A_missing_file_is_an_error_naming_it()
    {
        using var rules = YaraTest.Compile(Kinds);
        using var scanner = rules.CreateScanner();
        var path = Path.Combine(Path.GetTempPath(), "ooda-no-such-file-" + Guid.NewGuid().ToString("N"));
        var error = Assert.Throws<YaraException>(() => scanner.ScanFile(path, YaraExternals.None, []));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("could not open file", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_scanner_keeps_working_after_its_rules_are_disposed()
    {
        var rules = YaraTest.Compile(Kinds);
        using var scanner = rules.CreateScanner();
        rules.Dispose();
        var matches = new List<YaraMatch>();
        scanner.Scan(Generated(7, 64 * 1024), YaraExternals.None, matches);
        Assert.Equal("text_hex_regex", Assert.Single(matches).Rule);
        Assert.Throws<ObjectDisposedException>(() => rules.CreateScanner());
    }

    [SkippableFact]
    public void A_disposed_scanner_refuses_to_scan()
    {
        using var rules = YaraTest.Compile(Kinds);
        var scanner = rules.CreateScanner();
        scanner.Dispose();
        Assert.Throws<ObjectDisposedException>(() => scanner.Scan("x"u8, YaraExternals.None, []));
    }

    [SkippableFact]
    public void A_scan_that_runs_past_its_timeout_says_so_and_the_scanner_stays_usable()
    {
        // Two billion loop iterations over 16 bytes: far beyond one second on any machine; "and" short-circuits on other sizes.
        using var rules = YaraTest.Compile("""
            rule slow { condition: filesize == 16 and for all i in (0..2000000000) : (uint8(i % 16) == 0) }
            rule quick { strings: $a = "quick" condition: $a }
            """);
        using var scanner = rules.CreateScanner(new YaraScanOptions(TimeSpan.FromMilliseconds(1)));
        var matches = new List<YaraMatch>();
        Assert.Equal(YaraScanStatus.TimedOut, scanner.Scan(new byte[16], YaraExternals.None, matches));
        Assert.Empty(matches);
        Assert.Equal(YaraScanStatus.Completed, scanner.Scan("quick"u8, YaraExternals.None, matches));
        Assert.Equal("quick", Assert.Single(matches).Rule);
    }

    [SkippableFact]
    public void Scanners_on_several_threads_share_one_rule_set()
    {
        using var rules = YaraTest.Compile(Kinds);
        var expected = Describe(YaraTest.Scan(rules, Generated(11, 8192)));
        var failures = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            using var scanner = rules.CreateScanner();
            var matches = new List<YaraMatch>();
            for (var i = 0; i < 50; i++)
            {
                matches.Clear();
                var seed = 11 + (i % 2 == 0 ? 0 : worker + 100);
                scanner.Scan(Generated(seed, 8192), YaraExternals.None, matches);
                var found = Describe(matches);
                if (seed == 11 ? found != expected : found != Describe(YaraTest.Scan(rules, Generated(seed, 8192))))
                    Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Matches_agree_with_the_yara_cli_on_the_same_files(int seed)
    {
        YaraCli.Require();
        using var temp = new TempDirectory();
        const string Rules = """
            rule kinds : a b { strings:
                $text = "eval(Request"
                $nocase = "runat=\"server\"" nocase
                $wide = "cmd.exe" wide ascii
                $full = "shell" fullword
                $hex = { 21 42 44 4E ?? ?? [0-6] 53 4D }
                $chain = { 41 42 43 44 [250-300] 45 46 47 48 }
                $regex = /Request\.(Item|Form)\[\"[a-z]{1,8}\"\]/ nocase
                $xor = "powershell" xor(1-3)
                $b64 = "Assembly.Load" base64
              condition: any of them }
            rule by_name { condition: filename matches /\.aspx$/ and filepath contains "wwwroot" }
            rule counted { strings: $s = "shell" condition: #s > 3 and @s[1] < 1000 }
            """;
        var rulesFile = temp.File("kinds.yar");
        File.WriteAllText(rulesFile, Rules);
        var target = temp.File("target.aspx");
        File.WriteAllBytes(target, Generated(seed, 48 * 1024));
        var externals = YaraExternals.ForFile(@"C:\inetpub\wwwroot\owa\target.aspx", File.ReadAllBytes(target).AsSpan(0, 16));
        var named = YaraExternals.Names.Zip(externals.Values).ToDictionary(p => p.First, p => p.Second);
        var theirs = YaraCli.Matches(rulesFile, "kinds", target, named);

        var compiled = YaraCompiler.CompileFolder(temp.Path, YaraExternals.None);
        using var rules = compiled.Rules!;
        using var scanner = rules.CreateScanner(new YaraScanOptions(TimeSpan.FromSeconds(30), MaxStringMatches: 100_000));
        var matches = new List<YaraMatch>();
        scanner.ScanFile(target, externals, matches);
        var ours = matches.Select(m => $"{m.Namespace}:{m.Rule}")
            .Concat(matches.SelectMany(m => m.Strings.Select(s => $"{m.Namespace}:{m.Rule} {s.Identifier}@{s.Offset}+{s.Length}")))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(theirs, ours);
        Assert.Contains("kinds:by_name", ours);
        Assert.True(ours.Count > 20, $"the generated file should exercise many strings, got {ours.Count} lines");
    }

    /// <summary>Printable noise from a fixed seed with the needles the rules look for planted at random places.</summary>
    internal static byte[] Generated(int seed, int size)
    {
        var random = new Random(seed);
        var bytes = new byte[size];
        for (var i = 0; i < size; i++)
            bytes[i] = (byte)random.Next(0x20, 0x7F);
        byte[][] needles =
        [
            "eval(Request"u8.ToArray(), "RunAt=\"Server\""u8.ToArray(), Encoding.Unicode.GetBytes("cmd.exe"), "cmd.exe"u8.ToArray(),
            " shell "u8.ToArray(), "xshellx"u8.ToArray(), [0x21, 0x42, 0x44, 0x4E, 1, 2, 3, 0x53, 0x4D], "Request.Form[\"pw\"]"u8.ToArray(),
            "request.item[\"z\"]"u8.ToArray(), "!BDN\x00\x00\x00\x00\x00\x00SM"u8.ToArray(), "powershell"u8.ToArray().Select(b => (byte)(b ^ 2)).ToArray(),
            Encoding.ASCII.GetBytes(Convert.ToBase64String("xAssembly.Load("u8.ToArray())), [0x00, 0x09, 0x0A],
            "eval(Request.Item[\"pass\"],\"unsafe\");"u8.ToArray(), Encoding.Unicode.GetBytes("cmd.exe"),
        ];
        for (var i = 0; i < size / 512; i++)
        {
            var needle = needles[random.Next(needles.Length)];
            needle.CopyTo(bytes.AsSpan(random.Next(0, size - needle.Length)));
        }

        // A chained hex string: ABCD, a gap of 250-300 bytes, EFGH.
        var at = random.Next(0, size - 400);
        "ABCD"u8.CopyTo(bytes.AsSpan(at));
        "EFGH"u8.CopyTo(bytes.AsSpan(at + 4 + 250 + random.Next(0, 50)));
        return bytes;
    }

    private static string Describe(List<YaraMatch> matches) =>
        string.Join("\n", matches.Select(m => m.Rule + " " + string.Join(" ", m.Strings.Select(s => $"{s.Identifier}@{s.Offset}+{s.Length}"))));
}
