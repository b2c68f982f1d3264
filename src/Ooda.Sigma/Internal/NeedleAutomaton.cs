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
    private readonly int[] _next;
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

        // The trie, then breadth-first failure links folded into the dense table.
        var children = new List<Dictionary<int, int>> { new() };
        var pattern = new List<int> { -1 };
        _lengths = new int[patterns.Count];
        _outputs = new NeedleOutput[patterns.Count][];
        for (var p = 0; p < patterns.Count; p++)
        {
            var (text, outputs) = patterns[p];
            var state = 0;
            foreach (var c in text)
            {
                var cls = classes[c];
                if (!children[state].TryGetValue(cls, out var next))
                {
                    next = children.Count;
                    children[state][cls] = next;
                    children.Add([]);
                    pattern.Add(-1);
                }

                state = next;
            }

            pattern[state] = p;
            _lengths[p] = text.Length;
            _outputs[p] = outputs;
        }

        var states = children.Count;
        _next = new int[states * _width];
        _pattern = [.. pattern];
        _report = new int[states];
        _more = new int[states];
        var fail = new int[states];
        var queue = new Queue<int>();
        _report[0] = -1;
        _more[0] = -1;
        foreach (var (cls, child) in children[0])
        {
            _next[cls] = child;
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            var failure = fail[state];
            _more[state] = _report[failure];
            _report[state] = _pattern[state] >= 0 ? state : _more[state];
            var row = state * _width;
            var failureRow = failure * _width;
            for (var cls = 0; cls < _width; cls++)
                _next[row + cls] = _next[failureRow + cls];
            foreach (var (cls, child) in children[state])
            {
                fail[child] = _next[failureRow + cls];
                _next[row + cls] = child;
                queue.Enqueue(child);
            }
        }

        States = states;
    }

    /// <summary>The field slot scanned, or <see cref="Needle.KeywordSlot"/> for every value of the event.</summary>
    public int Slot { get; }

    public int States { get; }

    /// <summary>Reports to <paramref name="sink"/> every needle occurrence in <paramref name="value"/> at its placement.</summary>
    public void Scan(string value, INeedleSink sink)
    {
        var next = _next;
        var ascii = _ascii;
        var width = _width;
        var state = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var cls = c < 128 ? ascii[c] : Other(c);
            state = next[(state * width) + cls];
            if (_report[state] >= 0)
                Report(_report[state], i, value.Length, sink);
        }
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
