namespace Ooda.Detection.Iocs.Internal;

/// <summary>
/// Networks as sorted address ranges. Prefixes either nest or are disjoint, so the ranges containing an address are the
/// last range starting at or before it and that range's chain of enclosing ranges: one binary search, then a walk up.
/// </summary>
internal sealed class CidrTable
{
    private readonly UInt128[] _start;
    private readonly UInt128[] _end;
    private readonly int[] _parent;
    private readonly int[] _ioc;

    private CidrTable(UInt128[] start, UInt128[] end, int[] parent, int[] ioc)
    {
        _start = start;
        _end = end;
        _parent = parent;
        _ioc = ioc;
    }

    public static CidrTable Empty { get; } = new([], [], [], []);

    /// <summary>Deepest possible nesting: one range per prefix length.</summary>
    public const int MaxDepth = 129;

    public int Count => _start.Length;

    /// <summary>Builds from (first address, last address, indicator index); ranges must come from prefixes.</summary>
    public static CidrTable Build(IReadOnlyList<(UInt128 First, UInt128 Last, int Ioc)> ranges)
    {
        var sorted = ranges.OrderBy(r => r.First).ThenByDescending(r => r.Last).ToArray();
        var start = new UInt128[sorted.Length];
        var end = new UInt128[sorted.Length];
        var parent = new int[sorted.Length];
        var ioc = new int[sorted.Length];
        var open = new Stack<int>();
        for (var i = 0; i < sorted.Length; i++)
        {
            start[i] = sorted[i].First;
            end[i] = sorted[i].Last;
            ioc[i] = sorted[i].Ioc;
            while (open.Count > 0 && end[open.Peek()] < start[i])
                open.Pop();
            parent[i] = open.Count > 0 ? open.Peek() : -1;
            open.Push(i);
        }

        return new CidrTable(start, end, parent, ioc);
    }

    /// <summary>Writes the indicator index of every range containing the address; returns how many.</summary>
    public int Find(UInt128 address, Span<int> found)
    {
        var lo = 0;
        var hi = _start.Length - 1;
        var at = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (_start[mid] <= address)
            {
                at = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        var count = 0;
        for (; at >= 0 && count < found.Length; at = _parent[at])
        {
            if (_end[at] >= address)
                found[count++] = _ioc[at];
        }

        return count;
    }
}
