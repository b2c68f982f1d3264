using System.Text;
using System.Text.RegularExpressions;
using Ooda.Detection.Iocs.Internal;

namespace Ooda.Detection.Tests.Iocs;

public sealed class RegexLiteralTests
{
    [Theory]
    [InlineData(@"\\usbclass\.sys", @"\usbclass.sys")]
    [InlineData(@"(?i)\\AppData\\[^\\/""]{1,64}\.exe", @"\appdata\")]
    [InlineData(@"abc?def", "def")]
    [InlineData(@"ab+cd", "ab")]
    [InlineData(@"xb+cde", "cde")]
    [InlineData(@"xyz{2}abcd", "abcd")]
    [InlineData(@"mimi(katz|love)\.exe", "mimi")]
    [InlineData(@"(\w)\1\12abc", "abc")]
    [InlineData(@"a|bcdef", null)]
    [InlineData(@"(?x) a b c d", null)]
    [InlineData(@"[abc]\d\w", null)]
    [InlineData(@"\x41\u0042\p{L}CDE", "cde")]
    [InlineData(@"ab{,3}", "ab{,3}")]
    [InlineData(@"pre(?i)fix", "prefix")]
    [InlineData(@"caf\u00e9s", "caf")]
    public void Takes_the_longest_literal_every_match_contains(string pattern, string? literal) =>
        Assert.Equal(literal, RegexLiteral.Required(pattern, CharFold.None));

    [Fact]
    public void Folds_separators_for_path_regexes() =>
        Assert.Equal(@"\temp\x.exe", RegexLiteral.Required("/Temp/x\\.exe", CharFold.SlashToBackslash));

    [Fact]
    public void Every_text_a_random_regex_matches_contains_its_literal()
    {
        // Fixed seeds, so every run checks the same 3,000 patterns; a generated pattern can backtrack for minutes on its
        // own sample (nested quantifiers), and how long a match takes is not what this test is about, so such samples are skipped.
        var timedOut = 0;
        for (var seed = 0; seed < 3000; seed++)
        {
            var random = new Random(seed);
            var pattern = new StringBuilder();
            var sample = new StringBuilder();
            if (random.Next(4) == 0)
                pattern.Append("(?i)");
            Sequence(random, pattern, sample, depth: 0);
            var text = "zz" + sample + "zz";
            try
            {
                Assert.Matches(new Regex(pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2)), text);
            }
            catch (RegexMatchTimeoutException)
            {
                timedOut++;
                continue;
            }

            var literal = RegexLiteral.Required(pattern.ToString(), CharFold.None);
            if (literal is not null)
                Assert.Contains(literal, CharFolding.Fold(text, CharFold.None), StringComparison.Ordinal);
        }

        Assert.True(timedOut < 30, $"{timedOut} of 3000 generated patterns timed out");
    }

    /// <summary>Writes a random regex and, beside it, one string it matches.</summary>
    private static void Sequence(Random random, StringBuilder pattern, StringBuilder sample, int depth)
    {
        var atoms = random.Next(1, 7);
        for (var a = 0; a < atoms; a++)
        {
            var atomPattern = new StringBuilder();
            var choices = new List<string>();
            switch (random.Next(depth < 2 ? 6 : 4))
            {
                case 0 or 1:
                    var c = "abAB.-/\\{"[random.Next(9)];
                    atomPattern.Append(c is '.' or '\\' or '{' ? "\\" + c : c.ToString());
                    choices.Add(c.ToString());
                    break;
                case 2:
                    atomPattern.Append("[ab.]");
                    choices.Add(random.Next(2) == 0 ? "a" : ".");
                    break;
                case 3:
                    atomPattern.Append(@"\d");
                    choices.Add("7");
                    break;
                default:
                    var left = new StringBuilder();
                    var leftSample = new StringBuilder();
                    var right = new StringBuilder();
                    var rightSample = new StringBuilder();
                    Sequence(random, left, leftSample, depth + 1);
                    Sequence(random, right, rightSample, depth + 1);
                    atomPattern.Append('(').Append(left).Append('|').Append(right).Append(')');
                    choices.Add(random.Next(2) == 0 ? leftSample.ToString() : rightSample.ToString());
                    break;
            }

            var (quantifier, min, max) = random.Next(8) switch
            {
                0 => ("?", 0, 1),
                1 => ("*", 0, 3),
                2 => ("+", 1, 3),
                3 => ("{2}", 2, 2),
                4 => ("{0,2}?", 0, 2),
                _ => (string.Empty, 1, 1),
            };
            pattern.Append(atomPattern).Append(quantifier);
            var times = random.Next(min, max + 1);
            for (var t = 0; t < times; t++)
                sample.Append(choices[0]);
        }

        if (depth == 0 && random.Next(5) == 0)
            pattern.Append("|zz");
    }
}
