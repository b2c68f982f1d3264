using System.Text.RegularExpressions;
using Ooda.Sigma.Internal;
using Ooda.Testing;
using Xunit.Abstractions;

namespace Ooda.Sigma.Tests.Prefilter;

public class RegexLiteralTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(@"\$VerbosePreference\.ToString\(", false, "$VerbosePreference.ToString(")]
    [InlineData(@"cmd.{0,5}(?:/c|/r).+powershell", false, "powershell¦cmd")]
    [InlineData(@"(?i)\s(-u|--user)\s*:", true, ":")]
    [InlineData(@"\\Windows\\System32\\[a-zA-Z0-9]{8}\.tmp$", false, @"\Windows\System32\¦.tmp")]
    [InlineData(@"ab+c", false, "ab¦c")]
    [InlineData(@"abcd?e", false, "abc¦e")]
    [InlineData(@"ab{2,3}?cd", false, "ab¦cd")]
    [InlineData(@"xyz*", false, "xy")]
    [InlineData(@"a\bbc", false, "bc¦a")]
    [InlineData(@"[]x]yz", false, "yz")]
    [InlineData(@"[^\\]+\\ntuser", false, @"\ntuser")]
    [InlineData(@"(a|b)cde(f)", false, "cde")]
    // an alternation at the top, inline options, lookarounds, named groups and unknown escapes prove nothing
    [InlineData(@"ipconfig|netsh", false, null)]
    [InlineData(@"abc(?i)def", false, null)]
    [InlineData(@"(?s)abc", false, null)]
    [InlineData(@"(?=abc)abc", false, null)]
    [InlineData(@"x(?<n>abc)y", false, null)]
    [InlineData(@"\x41bc", false, null)]
    [InlineData(@"\p{L}abc", false, null)]
    [InlineData(@"(abc)\1", false, null)]
    [InlineData(@"a{,3}bc", false, null)]
    [InlineData(@"[a-z-[aeiou]]bc", false, null)]
    [InlineData(@".*", false, null)]
    // under ignore-case a non-ASCII char ends the literal (its case equivalents reach into ASCII)
    [InlineData("(?i)ab\u212Acd", true, "ab¦cd")]
    public void Finds_the_literals_every_match_contains(string pattern, bool ignoreCase, string? expected)
    {
        var literals = RegexLiteral.Required(pattern, RegexOptions.CultureInvariant, out var folded);
        Assert.Equal(expected, literals is null ? null : string.Join('¦', literals));
        if (expected is not null)
            Assert.Equal(ignoreCase, folded);
    }

    [Theory]
    [InlineData("abc", "xABCx", true, true)]
    [InlineData("abc", "xABCx", false, false)]
    [InlineData("abc", "xabcx", false, true)]
    // U+212A KELVIN SIGN matches 'k' under regex ignore-case: a non-ASCII value is never ruled out
    [InlineData("key", "\u212Aey", true, true)]
    [InlineData("key", "\u212Aey", false, false)]
    public void Rules_out_only_values_without_the_literal(string literal, string value, bool ignoreCase, bool expected)
    {
        Assert.Equal(expected, RegexLiteral.MayMatch(value, [literal], ignoreCase));
        if (!expected)
            Assert.DoesNotMatch(new Regex(Regex.Escape(literal), RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : 0)), value);
    }

    [Fact]
    public void Kelvin_sign_is_found_by_the_regex_and_kept_by_the_literal_check()
    {
        var regex = new Regex("(?i)key", RegexOptions.CultureInvariant);
        var literals = RegexLiteral.Required(regex.ToString(), regex.Options, out var ignoreCase)!;
        Assert.Matches(regex, "\u212Aey");
        Assert.True(RegexLiteral.MayMatch("\u212Aey", literals, ignoreCase));
    }

    /// <summary>
    /// Every <c>re</c> value of the SigmaHQ rules: strings built to match each pattern (and case-flipped copies) that do
    /// match always contain every literal, so refusing values without it never changes a verdict.
    /// </summary>
    [SkippableFact]
    public void No_matching_value_lacks_a_literal_over_every_SigmaHQ_regex()
    {
        var root = Corpus.Require("sigma/rules");
        var patterns = Directory.EnumerateFiles(root, "*.yml", SearchOption.AllDirectories)
            .SelectMany(SigmaRuleLoader.LoadFile)
            .Select(r => r.Rule?.Body.GetValueOrDefault("detection"))
            .SelectMany(Regexes)
            .Distinct()
            .ToList();
        var random = new Random(20261128);
        int withLiteral = 0, matched = 0;
        foreach (var (pattern, options) in patterns)
        {
            Regex regex;
            try
            {
                regex = new Regex(pattern, options | RegexOptions.CultureInvariant);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (RegexLiteral.Required(regex.ToString(), regex.Options, out var ignoreCase) is not { } literals)
                continue;
            withLiteral++;
            foreach (var sample in Samples(pattern, random))
            {
                if (!regex.IsMatch(sample))
                    continue;
                matched++;
                Assert.True(RegexLiteral.MayMatch(sample, literals, ignoreCase), $"/{pattern}/ matches '{sample}' without one of its literals '{string.Join("', '", literals)}'");
            }
        }

        output.WriteLine($"{patterns.Count} regexes, {withLiteral} with a literal, {matched} matching samples");
        Assert.True(withLiteral * 2 > patterns.Count, $"only {withLiteral} of {patterns.Count} regexes have a literal");
        Assert.True(matched > withLiteral, $"only {matched} samples matched; the sampler should make most patterns match");
    }

    private static IEnumerable<(string Pattern, RegexOptions Options)> Regexes(object? node)
    {
        if (node is not OrderedDictionary<string, object?> map)
            yield break;
        foreach (var (key, value) in map)
        {
            var modifiers = key.Split('|').Skip(1).ToList();
            if (modifiers.Contains("re"))
            {
                var options = (modifiers.Contains("i") ? RegexOptions.IgnoreCase : 0) | (modifiers.Contains("m") ? RegexOptions.Multiline : 0) | (modifiers.Contains("s") ? RegexOptions.Singleline : 0);
                foreach (var item in value is List<object?> list ? list : [value])
                {
                    if (item is YamlScalar scalar)
                        yield return (scalar.Text, options);
                }
            }

            foreach (var inner in Regexes(value))
                yield return inner;
            if (value is List<object?> items)
            {
                foreach (var inner in items.SelectMany(Regexes))
                    yield return inner;
            }
        }
    }

    /// <summary>Strings a pattern likely matches: each alternative's first branch or another, classes by a member, repeats once or twice; and a case-flipped copy.</summary>
    private static IEnumerable<string> Samples(string pattern, Random random)
    {
        for (var i = 0; i < 8; i++)
        {
            var sample = RegexSamples.Of(pattern, random, firstBranch: i == 0);
            yield return sample;
            yield return "x " + sample + " y";
            yield return new string([.. sample.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))]);
        }
    }
}
