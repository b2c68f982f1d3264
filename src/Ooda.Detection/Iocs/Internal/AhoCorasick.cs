using System.Runtime.CompilerServices;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>
/// An Aho-Corasick automaton over folded UTF-16 text: every needle is found in one left-to-right pass, whatever their
/// number. The root and its children, where scanning spends most of its time, have dense ASCII rows with failure
/// transitions already resolved; deeper states keep sorted edge lists. Scanning allocates nothing.
/// </summary>
internal sealed class AhoCorasick
{
    private const int LinearScanLimit = 8;

    private const int Ascii = 128;

    private readonly int[] _dense;
    private readonly int[] _denseRow;
    private readonly int[] _edgeStart;
    private readonly char[] _edgeChar;
    private readonly int[] _edgeTarget;
    private readonly int[] _fail;
    private readonly int[] _pattern;
    private readonly int[] _outLink;
    private readonly int[] _patternLength;

    private AhoCorasick(int[] dense, int[] denseRow, int[] edgeStart, char[] edgeChar, int[] edgeTarget, int[] fail, int[] pattern, int[] outLink, int[] patternLength)
    {
        _dense = dense;
        _denseRow = denseRow;
        _edgeStart = edgeStart;
        _edgeChar = edgeChar;
        _edgeTarget = edgeTarget;
        _fail = fail;
        _pattern = pattern;
        _outLink = outLink;
        _patternLength = patternLength;
    }

    public int PatternCount => _patternLength.Length;

    public int StateCount => _fail.Length;

    public int PatternLength(int pattern) => _patternLength[pattern];

    /// <summary>Builds the automaton; needles must be distinct, non-empty and already folded.</summary>
    public static AhoCorasick Build(IReadOnlyList<string> patterns)
    {
        // Trie as (state, char) → state while building; compacted below.
        var children = new Dictionary<long, int>();
        var patternAt = new List<int> { -1 };
        var lengths = new int[patterns.Count];
        for (var p = 0; p < patterns.Count; p++)
        {
            var needle = patterns[p];
            if (needle.Length == 0)
                throw new ArgumentException("empty needle", nameof(patterns));
            var state = 0;
            foreach (var c in needle)
            {
                var key = ((long)state << 16) | c;
                if (!children.TryGetValue(key, out var next))
                {
                    next = patternAt.Count;
                    patternAt.Add(-1);
                    children.Add(key, next);
                }

                state = next;
            }

            if (patternAt[state] >= 0)
                throw new ArgumentException($"duplicate needle '{needle}'", nameof(patterns));
            patternAt[state] = p;
            lengths[p] = needle.Length;
        }

        var states = patternAt.Count;
        var edgeStart = new int[states + 1];
        foreach (var key in children.Keys)
            edgeStart[(int)(key >> 16) + 1]++;
        for (var s = 0; s < states; s++)
            edgeStart[s + 1] += edgeStart[s];
        var edgeChar = new char[children.Count];
        var edgeTarget = new int[children.Count];
        var fill = edgeStart[..states];
        foreach (var (key, target) in children)
        {
            var at = fill[(int)(key >> 16)]++;
            edgeChar[at] = (char)(key & 0xFFFF);
            edgeTarget[at] = target;
        }

        for (var s = 0; s < states; s++)
            Array.Sort(edgeChar, edgeTarget, edgeStart[s], edgeStart[s + 1] - edgeStart[s]);

        // Dense rows: the root's ASCII edges, then each child of the root: its own edges over the root's (its failure state).
        var denseRow = new int[states];
        Array.Fill(denseRow, -1);
        var rootChildren = edgeStart[1] - edgeStart[0];
        var dense = new int[(1 + rootChildren) * Ascii];
        denseRow[0] = 0;
        for (var e = edgeStart[0]; e < edgeStart[1]; e++)
        {
            if (edgeChar[e] < Ascii)
                dense[edgeChar[e]] = edgeTarget[e];
        }

        for (var r = 0; r < rootChildren; r++)
        {
            var child = edgeTarget[edgeStart[0] + r];
            var row = (r + 1) * Ascii;
            denseRow[child] = r + 1;
            Array.Copy(dense, 0, dense, row, Ascii);
            for (var e = edgeStart[child]; e < edgeStart[child + 1]; e++)
            {
                if (edgeChar[e] < Ascii)
                    dense[row + edgeChar[e]] = edgeTarget[e];
            }
        }

        var fail = new int[states];
        var outLink = new int[states];
        outLink[0] = -1;
        var automaton = new AhoCorasick(dense, denseRow, edgeStart, edgeChar, edgeTarget, fail, [.. patternAt], outLink, lengths);

        // Breadth first, so a state's failure link is known before its children need it.
        var queue = new Queue<int>();
        queue.Enqueue(0);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            for (var e = edgeStart[s]; e < edgeStart[s + 1]; e++)
            {
                var t = edgeTarget[e];
                var f = s == 0 ? 0 : automaton.Next(fail[s], edgeChar[e]);
                fail[t] = f;
                outLink[t] = patternAt[f] >= 0 ? f : outLink[f];
                queue.Enqueue(t);
            }
        }

        return automaton;
    }

    /// <summary>Every occurrence of every needle in <paramref name="text"/>, folded as <paramref name="fold"/> says.</summary>
    public Enumerator Find(ReadOnlySpan<char> text, CharFold fold) => new(this, text, fold);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Next(int state, char c)
    {
        while (true)
        {
            var row = _denseRow[state];
            if (row >= 0 && c < Ascii)
                return _dense[(row * Ascii) + c];
            var next = Edge(state, c);
            if (next > 0 || state == 0)
                return next;
            state = _fail[state];
        }
    }

    /// <summary>The child of <paramref name="state"/> on <paramref name="c"/>, or 0 (the root is never a child).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Edge(int state, char c)
    {
        var lo = _edgeStart[state];
        var hi = _edgeStart[state + 1];
        if (hi - lo <= LinearScanLimit)
        {
            for (var e = lo; e < hi; e++)
            {
                if (_edgeChar[e] == c)
                    return _edgeTarget[e];
            }

            return 0;
        }

        var at = Array.BinarySearch(_edgeChar, lo, hi - lo, c);
        return at >= 0 ? _edgeTarget[at] : 0;
    }

    /// <summary>Walks the text once, yielding each needle occurrence as its last character is read.</summary>
    public ref struct Enumerator
    {
        private readonly AhoCorasick _automaton;
        private readonly ReadOnlySpan<char> _text;
        private readonly CharFold _fold;
        private int _position;
        private int _state;
        private int _pendingOutput;

        internal Enumerator(AhoCorasick automaton, ReadOnlySpan<char> text, CharFold fold)
        {
            _automaton = automaton;
            _text = text;
            _fold = fold;
            _pendingOutput = -1;
        }

        public AcMatch Current { get; private set; }

        public readonly Enumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            var automaton = _automaton;
            if (_pendingOutput >= 0)
            {
                Current = new AcMatch(automaton._pattern[_pendingOutput], _position);
                _pendingOutput = automaton._outLink[_pendingOutput];
                return true;
            }

            var text = _text;
            var position = _position;
            var state = _state;
            while (position < text.Length)
            {
                state = automaton.Next(state, CharFolding.Fold(text[position++], _fold));
                var output = automaton._pattern[state] >= 0 ? state : automaton._outLink[state];
                if (output >= 0)
                {
                    _position = position;
                    _state = state;
                    Current = new AcMatch(automaton._pattern[output], position);
                    _pendingOutput = automaton._outLink[output];
                    return true;
                }
            }

            _position = position;
            _state = state;
            return false;
        }
    }
}
