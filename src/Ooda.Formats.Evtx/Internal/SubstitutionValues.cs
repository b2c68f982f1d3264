namespace Ooda.Formats.Evtx.Internal;

/// <summary>
/// The substitution values of one template instance being read, with the instances nested in its Binary XML values;
/// reused from record to record by one parser. Each slot's node kind and content test are resolved once as it is read,
/// since renderers ask for them several times per record.
/// </summary>
internal sealed class SubstitutionValues
{
    private EvtxValue[] _items = new EvtxValue[64];
    private NestedInstance[] _nested = new NestedInstance[64];
    private Slot[] _slots = new Slot[64];

    public int Count { get; private set; }

    public EvtxValue this[int index] => _items[index];

    /// <summary>Empties the list and makes room for <paramref name="count"/> values.</summary>
    public Span<EvtxValue> Reset(int count)
    {
        if (_items.Length < count)
        {
            _items = new EvtxValue[Math.Max(count, _items.Length * 2)];
            _nested = new NestedInstance[_items.Length];
            _slots = new Slot[_items.Length];
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

    /// <summary>Resolves the slot once its value (and any nested instance) is in place.</summary>
    public void Resolve(int index)
    {
        var value = _items[index];
        var raw = value.Raw.Span;
        var empty = value.IsEmpty;
        NodeKind kind;
        var content = false;
        switch (value.Type)
        {
            case EvtxValueType.Null:
                kind = NodeKind.None;
                break;
            case EvtxValueType.String:
                var text = ValueFormatter.DecodeUtf16(raw);
                kind = text.IsEmpty ? NodeKind.None : NodeKind.Text;
                content = !text.TrimEnd().IsEmpty;
                break;
            case EvtxValueType.AnsiString:
                kind = raw.IsEmpty || raw[0] == 0 ? NodeKind.None : NodeKind.Text;
                content = kind == NodeKind.Text && !ValueFormatter.DecodeAnsi(raw).AsSpan().TrimEnd().IsEmpty;
                break;
            case EvtxValueType.BinXml:
                kind = _nested[index].Root is not null && _nested[index].Values is not null ? NodeKind.Element : NodeKind.None;
                break;
            default:
                kind = NodeKind.Value;
                content = !empty;
                break;
        }

        _slots[index] = new Slot(kind, empty, content);
    }

    /// <summary>What the slot renders as: <see cref="NodeKind.None"/> when it drops out.</summary>
    public NodeKind Kind(int index, bool optional)
    {
        var slot = _slots[index];
        return optional && slot.Empty ? NodeKind.None : slot.Kind;
    }

    /// <summary>True when the slot shows in the crate's JSON (text not blank after trimming, or a non-empty value).</summary>
    public bool HasContent(int index) => _slots[index].Content;

    private readonly record struct Slot(NodeKind Kind, bool Empty, bool Content);
}
