using CsCheck;
using Ooda.Detection.Iocs.Internal;

namespace Ooda.Detection.Tests.Iocs;

public sealed class AhoCorasickTests
{
    // A small alphabet makes needles overlap and share prefixes and suffixes; the rest exercise folding.
    private const string Alphabet = "abcaabAB+/\\ ÉéſsKk\u212A";

    [Theory]
    [InlineData(nameof(CharFold.None))]
    [InlineData(nameof(CharFold.PlusToSpace))]
    [InlineData(nameof(CharFold.SlashToBackslash))]
    public void Finds_exactly_what_a_naive_search_finds(string foldName)
    {
        var fold = Enum.Parse<CharFold>(foldName);
        var needle = Gen.String[Gen.Char[Alphabet], 1, 6];
        Gen.Select(needle.Array[1, 40], Gen.String[Gen.Char[Alphabet], 0, 200]).Sample((needles, text) =>
        {
            var patterns = needles.Select(n => CharFolding.Fold(n, fold)).Distinct(StringComparer.Ordinal).ToArray();
            var automaton = AhoCorasick.Build(patterns);

            var found = new List<(int, int)>();
            foreach (var match in automaton.Find(text, fold))
                found.Add((match.Pattern, match.End));

            Assert.Equal(Naive(patterns, text, fold), found.Order());
        }, iter: 400, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Reports_every_needle_ending_at_the_same_place()
    {
        var automaton = AhoCorasick.Build(["he", "she", "his", "hers", "e"]);

        var found = new List<AcMatch>();
        foreach (var match in automaton.Find("uSHErs", CharFold.None))
            found.Add(match);

        Assert.Equal([new AcMatch(1, 4), new AcMatch(0, 4), new AcMatch(4, 4), new AcMatch(3, 6)], found);
    }

    [Fact]
    public void Finds_nothing_in_empty_text_and_refuses_bad_needles()
    {
        var automaton = AhoCorasick.Build(["abc"]);

        Assert.False(automaton.Find(string.Empty, CharFold.None).MoveNext());
        Assert.Throws<ArgumentException>(() => AhoCorasick.Build(["a", "a"]));
        Assert.Throws<ArgumentException>(() => AhoCorasick.Build([string.Empty]));
    }

    [Fact]
    public void Handles_a_wide_fan_out_and_characters_beyond_ascii()
    {
        var needles = Enumerable.Range(0, 2000).Select(i => "x" + (char)(0x400 + i) + "y").ToArray();
        var automaton = AhoCorasick.Build(needles);

        var found = new List<AcMatch>();
        foreach (var match in automaton.Find("axѐyx" + (char)(0x400 + 1999) + "y", CharFold.None))
            found.Add(match);

        Assert.Equal([new AcMatch(0x450 - 0x400, 4), new AcMatch(1999, 7)], found);
    }

    private static List<(int, int)> Naive(string[] patterns, string text, CharFold fold)
    {
        var folded = CharFolding.Fold(text, fold);
        var result = new List<(int, int)>();
        for (var p = 0; p < patterns.Length; p++)
        {
            for (var at = folded.IndexOf(patterns[p], StringComparison.Ordinal); at >= 0; at = folded.IndexOf(patterns[p], at + 1, StringComparison.Ordinal))
                result.Add((p, at + patterns[p].Length));
        }

        result.Sort();
        return result;
    }
}
