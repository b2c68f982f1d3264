namespace Ooda.Formats.Evtx.Internal;

/// <summary>
/// The substitution values of one template instance being read, with the instances nested in its Binary XML values;
/// reused from record to record by one parser.
/// </summary>
internal sealed class SubstitutionValues
{
    private EvtxValue[] _items = new EvtxValue[64];
    private NestedInstance[] _nested = new NestedInstance[64];

    public int Count { get; private set; }

    public EvtxValue this[int index] => _items[index];

    /// <summary>Empties the list and makes room for <paramref name="count"/> values.</summary>
    public Span<EvtxValue> Reset(int count)
    {
        if (_items.Length < count)
        {
            _items = new EvtxValue[Math.Max(count, _items.Length * 2)];
            _nested = new NestedInstance[_items.Length];
        }
        else
        {
            _items.AsSpan(0, Count).Clear(); // drop references to the previous chunk
            _nested.AsSpan(0, Count).Clear();
        }

        Count = count;
        return _items.AsSpan(0, count);
    }

    /// <summary>The template instance a Binary XML value holds, read when the value was.</summary>
    public NestedInstance Nested(int index) => _nested[index];

    public void SetNested(int index, NestedInstance instance) => _nested[index] = instance;
}
