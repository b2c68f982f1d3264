namespace Ooda.Demo.Internal;

/// <summary>
/// Items waiting to be written, ordered by time and then by insertion; activities schedule their future
/// items here and the writer drains everything older than the next arrival, so output stays sorted while
/// memory holds only in-flight activities.
/// </summary>
internal sealed class TimedQueue<T>
{
    private readonly PriorityQueue<T, (long Ticks, long Sequence)> _queue = new();
    private long _sequence;

    public int Count => _queue.Count;

    public void Add(DateTime time, T item) => _queue.Enqueue(item, (time.Ticks, _sequence++));

    /// <summary>Removes and yields, in order, every item strictly before <paramref name="limit"/>.</summary>
    public IEnumerable<T> DrainBefore(DateTime limit)
    {
        while (_queue.TryPeek(out var item, out var key) && key.Ticks < limit.Ticks)
        {
            _queue.Dequeue();
            yield return item;
        }
    }
}
