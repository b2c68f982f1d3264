namespace Ooda.Sigma.Internal;

/// <summary>
/// Counts values by rank (a Fenwick tree over a group's sorted distinct values), so a window's k-th smallest value is
/// found in O(log n) as hits enter and leave it: percentiles and medians without re-sorting each window.
/// </summary>
internal sealed class RankCounter
{
    private readonly int[] _tree;
    private readonly int _top;

    public RankCounter(int size)
    {
        _tree = new int[size + 1];
        _top = size == 0 ? 0 : 1 << (31 - int.LeadingZeroCount(size));
    }

    public int Total { get; private set; }

    /// <summary>Adds <paramref name="delta"/> occurrences of the value with 0-based <paramref name="rank"/>.</summary>
    public void Add(int rank, int delta)
    {
        Total += delta;
        for (var i = rank + 1; i < _tree.Length; i += i & -i)
            _tree[i] += delta;
    }

    /// <summary>The 0-based rank of the k-th smallest counted value (1 ≤ k ≤ <see cref="Total"/>).</summary>
    public int Kth(int k)
    {
        var position = 0;
        for (var step = _top; step > 0; step >>= 1)
        {
            var next = position + step;
            if (next < _tree.Length && _tree[next] < k)
            {
                position = next;
                k -= _tree[next];
            }
        }

        return position;
    }
}
