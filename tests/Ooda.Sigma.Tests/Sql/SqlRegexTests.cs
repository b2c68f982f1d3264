using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ooda.Sigma.Internal;
using Ooda.Store;

namespace Ooda.Sigma.Tests.Sql;

public class SqlRegexTests
{
    private static readonly string[] _values =
    [
        "", "a", "abc", "ABC", "aXc", "a\nc", "a\rc", "abc\n", "x\\cmd.exe", "C:\\Windows\\System32\\cmd.exe", "12 34", "12\u000b34",
        "\u0661\u0662", "caf\u00e9", "\u00c9T\u00c9", "\u212Aelvin", "a\U0001F600c", "\U0001F600", "a{2}", "a]b", "a-b", "a^b", "$x$", "\t\f",
        "https://10.1.2.3/x", "https://0x7f000001", "powershell -enc SQBFAFgA", "ipconfig   /all", "line1\nline2\n", "\u0000nul", "_word_", "x y",
    ];

    [Theory]
    [InlineData(@"\\[a-z]{3}\.exe$", RegexOptions.None)]
    [InlineData(@"^C:\\Windows\\", RegexOptions.IgnoreCase)]
    [InlineData(@"a.c", RegexOptions.None)]
    [InlineData(@"a.c", RegexOptions.Singleline)]
    [InlineData(@"^line2$", RegexOptions.Multiline)]
    [InlineData(@"c$", RegexOptions.None)]
    [InlineData(@"c\Z", RegexOptions.None)]
    [InlineData(@"c\z", RegexOptions.None)]
    [InlineData(@"\Aa", RegexOptions.None)]
    [InlineData(@"\d+\s+\d+", RegexOptions.None)]
    [InlineData(@"\D\W\S", RegexOptions.None)]
    [InlineData(@"[\d\s]{2}", RegexOptions.None)]
    [InlineData(@"[^\\]+$", RegexOptions.None)]
    [InlineData(@"[^a-z]", RegexOptions.IgnoreCase)]
    [InlineData(@"\bword\b", RegexOptions.None)]
    [InlineData(@"_\Bword", RegexOptions.None)]
    [InlineData(@"(?i)elvin", RegexOptions.None)]
    [InlineData(@"(?i:ABC)|x", RegexOptions.None)]
    [InlineData(@"a(?-i:B)c", RegexOptions.IgnoreCase)]
    [InlineData(@"(?<name>a)b(?'other'c)", RegexOptions.None)]
    [InlineData(@"a(?#comment)b", RegexOptions.None)]
    [InlineData(@"a{2}|a\{2\}", RegexOptions.None)]
    [InlineData(@"a{,2}", RegexOptions.None)]
    [InlineData(@"a{1,2}?c", RegexOptions.None)]
    [InlineData(@"[]a]", RegexOptions.None)]
    [InlineData(@"[a\-b]|\^", RegexOptions.None)]
    [InlineData(@"\$x\$", RegexOptions.None)]
    [InlineData(@"\x41|\u0042|\cI|\0", RegexOptions.None)]
    [InlineData(@"[\x00-\x7f]+", RegexOptions.None)]
    [InlineData(@"\t|\f|\v|\e|\a", RegexOptions.None)]
    [InlineData(@"https?://(?:(?:25[0-5]|(?:2[0-4]|1\d|[1-9])?\d)(?:\.|\b)){4}", RegexOptions.None)]
    [InlineData(@"://0x[0-9a-f]{8}", RegexOptions.IgnoreCase)]
    [InlineData(@"ipconfig\s+/all", RegexOptions.None)]
    [InlineData(@"[\u0100-\uffff]", RegexOptions.None)]
    [InlineData(@"caf\u00e9|\u00c9", RegexOptions.None)]
    [InlineData(@"(?m)^line\d$", RegexOptions.None)]
    public void A_translated_regex_matches_like_dotnet_wherever_its_guard_holds(string pattern, RegexOptions options)
    {
        Assert.True(SqlRegex.TryTranslate(pattern, options, out var re2, out var guard, out var reason), reason);
        var dotnet = new Regex(pattern, options | RegexOptions.CultureInvariant);
        using var scratch = new DuckDbScratch();
        var sql = new StringBuilder($"SELECT i, {SqlGuards.Sql(guard, "v")}, regexp_matches(v, {SqlHuntText.Literal(re2)}) FROM (VALUES ");
        sql.AppendJoin(", ", _values.Select((v, i) => $"({i}, {SqlHuntText.Literal(v)})")).Append(") t(i, v) ORDER BY i");
        var rows = scratch.Rows(sql.ToString());
        Assert.Equal(_values.Length, rows.Count);
        foreach (var row in rows)
        {
            var value = _values[Convert.ToInt32(row[0], CultureInfo.InvariantCulture)];
            if (!(bool)row[1]!)
            {
                Assert.False(value.All(char.IsAscii) && !value.EndsWith('\n'), $"the guard of '{re2}' refuses the plain value {Escape(value)}");
                continue;
            }

            Assert.True(dotnet.IsMatch(value) == (bool)row[2]!, $"'{pattern}' → '{re2}' on {Escape(value)}: .NET {dotnet.IsMatch(value)}, RE2 {row[2]}");
        }
    }

    [Fact]
    public void The_boundary_word_set_is_what_dotnets_backslash_b_treats_as_word_characters()
    {
        var boundary = new Regex(@"\Ba", RegexOptions.CultureInvariant);
        var expected = new List<(int, int)>();
        for (var c = 0x80; c <= 0xFFFF; c++)
        {
            if (!char.IsSurrogate((char)c) && boundary.IsMatch((char)c + "a"))
                expected.Add((c, c));
        }

        Assert.Equal(SqlGuards.Merge(expected), SqlGuards.BoundaryWord);
    }

    [Fact]
    public void The_case_folding_guard_holds_every_character_re2_folds_onto_an_ascii_letter()
    {
        using var scratch = new DuckDbScratch();
        var folded = scratch.Rows("SELECT i FROM range(128, 1114112) t(i) WHERE (i < 55296 OR i > 57343) AND regexp_matches(chr(i::INTEGER), '(?i)^[a-z]$')")
            .Select(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(folded);
        Assert.All(folded, c => Assert.Contains(SqlGuards.CaseFolding, r => r.Lo <= c && c <= r.Hi));
    }

    [Theory]
    [InlineData(@"a(?=b)", "lookahead")]
    [InlineData(@"(?<!a)b", "lookbehind")]
    [InlineData(@"(?>a+)b", "atomic")]
    [InlineData(@"(a)\1", "backreference")]
    [InlineData(@"(?<x>a)\k<x>", "backreference")]
    [InlineData(@"\p{L}", "Unicode categories")]
    [InlineData(@"[a-z-[aeiou]]", "subtraction")]
    [InlineData(@"(?x) a b", "x (ignore pattern whitespace)")]
    [InlineData(@"\Ga", @"\G")]
    [InlineData(@"(?(a)b|c)", "conditional")]
    [InlineData(@"a{1001}", "limit of 1000")]
    [InlineData(@"(?i)caf\u00e9", "non-ASCII character under case-insensitive")]
    public void A_regex_re2_cannot_express_exactly_is_refused_with_the_reason(string pattern, string because)
    {
        Assert.False(SqlRegex.TryTranslate(pattern, RegexOptions.None, out _, out _, out var reason));
        Assert.Contains(because, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"abc", "None")]
    [InlineData(@"[a-z]+\.exe", "None")]
    [InlineData(@"\d+\s", "None")]
    [InlineData(@"a.c", "Bmp")]
    [InlineData(@"[^\\]", "Bmp")]
    [InlineData(@"\S", "Bmp")]
    [InlineData(@"(?i)abc", "CaseFolding")]
    [InlineData(@"(?i)\w", "Ascii, CaseFolding")]
    [InlineData(@"\bx", "AsciiWords")]
    [InlineData(@"abc$", "NoFinalNewline")]
    public void The_guard_names_the_values_sql_may_decide(string pattern, string expected)
    {
        Assert.True(SqlRegex.TryTranslate(pattern, RegexOptions.None, out _, out var guard, out var reason), reason);
        Assert.Equal(expected, guard.ToString());
    }

    private static string Escape(string value) => string.Concat(value.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}
