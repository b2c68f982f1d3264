using System.Numerics;

namespace Ooda.Sigma.Internal;

/// <summary>
/// An Aho-Corasick automaton over the lower-cased needles of one field: one left-to-right pass over a value, folding
/// each char to lower case, reports every needle occurrence (and so every rule target it vouches for) in linear time.
/// The goto and failure functions are merged into one dense transition table over the needles' own characters.
/// </summary>
internal sealed class NeedleAutomaton
{
    private readonly ushort[] _ascii = new ushort[128];
    private readonly Dictionary<char, int> _other = [];
    private readonly int _width;

    // 16-bit transitions while the states fit (every SigmaHQ field's do): half the memory to fault in, fill and scan.
    private readonly ushort[]? _next16;
    private readonly int[]? _next32;
    private readonly int[] _pattern;
    private readonly int[] _report;
    private readonly int[] _more;
    private readonly int[] _lengths;
    private readonly NeedleOutput[][] _outputs;

    /// <param name="patterns">Distinct lower-cased needles, none empty, with what an occurrence of each means.</param>
    public NeedleAutomaton(int slot, IReadOnlyList<(string Text, NeedleOutput[] Outputs)> patterns)
    {
        Slot = slot;
        var classes = new Dictionary<char, int>();
        foreach (var (text, _) in patterns)
        {
            foreach (var c in text)
                classes.TryAdd(c, classes.Count + 1);
        }

        _width = classes.Count + 1;
        if (_width > ushort.MaxValue)
            throw new ArgumentException("too many distinct needle characters", nameof(patterns));
        for (var c = 0; c < 128; c++)
            _ascii[c] = (ushort)classes.GetValueOrDefault(char.ToLowerInvariant((char)c));
        foreach (var (c, id) in classes)
        {
            if (c >= 128)
                _other[c] = id;
        }

        var states = CountStates(patterns);
        _pattern = new int[states];
        _report = new int[states];
        _more = new int[states];
        _lengths = new int[patterns.Count];
        _outputs = new NeedleOutput[patterns.Count][];
        for (var p = 0; p < patterns.Count; p++)
        {
            _lengths[p] = patterns[p].Text.Length;
            _outputs[p] = patterns[p].Outputs;
        }

        if (states <= ushort.MaxValue + 1)
            Build(_next16 = new ushort[states * _width], classes, patterns);
        else
            Build(_next32 = new int[checked(states * _width)], classes, patterns);
        States = states;
    }

    /// <summary>The field slot scanned, or <see cref="Needle.KeywordSlot"/> for every value of the event.</summary>
    public int Slot { get; }

    public int States { get; }

    /// <summary>Reports to <paramref name="sink"/> every needle occurrence in <paramref name="value"/> at its placement.</summary>
    public void Scan(string value, INeedleSink sink)
    {
        if (_next16 is { } next16)
            Scan(next16, value, sink);
        else
            Scan(_next32!, value, sink);
    }

    private void Scan<T>(T[] next, string value, INeedleSink sink)
        where T : unmanaged, IBinaryInteger<T>
    {
        var ascii = _ascii;
        var report = _report;
        var width = _width;
        var state = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var cls = c < 128 ? ascii[c] : Other(c);
            state = int.CreateTruncating(next[(state * width) + cls]);
            if (report[state] >= 0)
                Report(report[state], i, value.Length, sink);
        }
    }

    /// <summary>
    /// The trie straight into the dense table (0 = no child: no edge leads back to the root), then a breadth-first pass
    /// that fills each missing transition from the state's failure row.
    /// </summary>
    private void Build<T>(T[] next, Dictionary<char, int> classes, IReadOnlyList<(string Text, NeedleOutput[] Outputs)> patterns)
        where T : unmanaged, IBinaryInteger<T>
    {
        var width = _width;
        var states = _pattern.Length;
        Array.Fill(_pattern, -1);
        var count = 1;
        for (var p = 0; p < patterns.Count; p++)
        {
            var state = 0;
            foreach (var c in patterns[p].Text)
            {
                var at = (state * width) + classes[c];
                if (next[at] == T.Zero)
                    next[at] = T.CreateTruncating(count++);
                state = int.CreateTruncating(next[at]);
            }

            _pattern[state] = p;
        }

        var fail = new int[states];
        var queue = new int[states];
        int head = 0, tail = 0;
        _report[0] = -1;
        _more[0] = -1;
        for (var cls = 0; cls < width; cls++)
        {
            if (next[cls] != T.Zero)
                queue[tail++] = int.CreateTruncating(next[cls]);
        }

        while (head < tail)
        {
            var state = queue[head++];
            var failure = fail[state];
            _more[state] = _report[failure];
            _report[state] = _pattern[state] >= 0 ? state : _more[state];
            var row = state * width;
            var failureRow = failure * width;
            for (var cls = 0; cls < width; cls++)
            {
                var child = next[row + cls];
                if (child == T.Zero)
                {
                    next[row + cls] = next[failureRow + cls];
                }
                else
                {
                    fail[int.CreateTruncating(child)] = int.CreateTruncating(next[failureRow + cls]);
                    queue[tail++] = int.CreateTruncating(child);
                }
            }
        }
    }

    /// <summary>Trie states of distinct needles: the root plus each distinct non-empty prefix (in sorted order, the chars past the common prefix with the previous needle).</summary>
    private static int CountStates(IReadOnlyList<(string Text, NeedleOutput[] Outputs)> patterns)
    {
        var sorted = patterns.Select(p => p.Text).Order(StringComparer.Ordinal).ToArray();
        var states = 1L;
        var previous = string.Empty;
        foreach (var text in sorted)
        {
            states += text.Length - text.AsSpan().CommonPrefixLength(previous);
            previous = text;
        }

        return checked((int)states);
    }

    private int Other(char c)
    {
        // Some non-ASCII chars fold to ASCII (U+212A KELVIN SIGN to 'k').
        var lower = char.ToLowerInvariant(c);
        return lower < 128 ? _ascii[lower] : _other.GetValueOrDefault(lower);
    }

    private void Report(int state, int end, int length, INeedleSink sink)
    {
        for (; state >= 0; state = _more[state])
        {
            var p = _pattern[state];
            var start = end - _lengths[p] + 1;
            foreach (var output in _outputs[p])
            {
                var placed = output.Anchor switch
                {
                    NeedleAnchor.Prefix => start == 0,
                    NeedleAnchor.Suffix => end == length - 1,
                    NeedleAnchor.Equals => start == 0 && end == length - 1,
                    _ => true,
                };
                if (placed)
                    sink.Vouch(output);
            }
        }
    }
}
