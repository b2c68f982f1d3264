using Ooda.Sigma.Internal;

namespace Ooda.Sigma.Tests.Prefilter;

public class NeedleAutomatonTests
{
    [Theory]
    [InlineData("C:\\Windows\\CMD.EXE", "cmd|contains", true)]
    [InlineData("C:\\Windows\\CMD.EXE", "\\cmd.exe|suffix", true)]
    [InlineData("C:\\Windows\\CMD.EXE", "cmd|suffix", false)]
    [InlineData("C:\\Windows\\CMD.EXE", "c:\\|prefix", true)]
    [InlineData("xC:\\Windows", "c:\\|prefix", false)]
    [InlineData("CMD.EXE", "cmd.exe|equals", true)]
    [InlineData("CMD.EXE ", "cmd.exe|equals", false)]
    [InlineData("", "a|contains", false)]
    // overlapping needles and a needle inside another are all found
    [InlineData("xabcdx", "bcd|contains;abcdy|contains", true)]
    [InlineData("xabcdx", "abcdy|contains;c|contains", true)]
    [InlineData("aaab", "aab|equals;ab|suffix", true)]
    [InlineData("aaab", "aab|equals", false)]
    // non-ASCII chars fold as string lower-casing does (U+212A KELVIN SIGN is 'k', U+00C9 is 'é')
    [InlineData("\u212Aey", "key|equals", true)]
    [InlineData("CAF\u00C9", "caf\u00e9|equals", true)]
    [InlineData("caf\u00e8", "caf\u00e9|contains", false)]
    public void Finds_a_needle_at_its_placement(string value, string needles, bool expected)
    {
        var patterns = needles.Split(';').Select((n, i) => (Text: n.Split('|')[0], Anchor: Enum.Parse<NeedleAnchor>(n.Split('|')[1], ignoreCase: true), Id: i))
            .Select(p => (p.Text, new[] { new NeedleOutput(p.Anchor, p.Id, [p.Id]) })).ToList();
        var automaton = new NeedleAutomaton(0, patterns);
        Assert.Equal(expected, Vouched(automaton, value, patterns.Count).Any(v => v));
    }

    [Fact]
    public void Reports_only_the_needles_that_occur()
    {
        var patterns = new List<(string, NeedleOutput[])>
        {
            ("he", [new NeedleOutput(NeedleAnchor.Contains, 0, [0])]),
            ("she", [new NeedleOutput(NeedleAnchor.Contains, 1, [1])]),
            ("his", [new NeedleOutput(NeedleAnchor.Contains, 2, [2])]),
            ("hers", [new NeedleOutput(NeedleAnchor.Contains, 3, [3])]),
        };
        var automaton = new NeedleAutomaton(0, patterns);
        Assert.Equal([true, true, false, true], Vouched(automaton, "USHERS", 4));
    }

    /// <summary>
    /// Both table widths (16-bit while the states fit, 32-bit past 65,536 states) report exactly the needles a naive
    /// search finds, over generated needles and texts (fixed seed).
    /// </summary>
    [Theory]
    [InlineData(200)]
    [InlineData(4000)]
    public void Finds_what_a_naive_search_finds(int needles)
    {
        var random = new Random(20261128);
        string Text(int length) => new([.. Enumerable.Range(0, length).Select(_ => "abcdefghij\\. "[random.Next(13)])]);
        var texts = Enumerable.Range(0, needles).Select(_ => Text(random.Next(10, 50))).Distinct().ToList();
        var patterns = texts.Select((t, i) => (t, new[] { new NeedleOutput(NeedleAnchor.Contains, i, [i]) })).ToList();
        var automaton = new NeedleAutomaton(0, patterns);
        Assert.Equal(needles > 2000, automaton.States > ushort.MaxValue + 1);
        for (var v = 0; v < 300; v++)
        {
            var value = Text(random.Next(0, 60)) + (v % 2 == 0 ? texts[random.Next(texts.Count)] : string.Empty) + Text(random.Next(0, 20));
            var expected = texts.Select(t => value.Contains(t, StringComparison.Ordinal)).ToArray();
            Assert.Equal(expected, Vouched(automaton, value, texts.Count));
        }
    }

    /// <summary>Which of the outputs' entries a scan of <paramref name="value"/> vouches for.</summary>
    private static bool[] Vouched(NeedleAutomaton automaton, string value, int entries)
    {
        var sink = new Sink(entries);
        automaton.Scan(value, sink);
        return sink.Vouched;
    }

    private sealed class Sink(int entries) : INeedleSink
    {
        public bool[] Vouched { get; } = new bool[entries];

        public void Vouch(NeedleOutput output)
        {
            foreach (var entry in output.Entries)
                Vouched[entry] = true;
        }
    }
}
