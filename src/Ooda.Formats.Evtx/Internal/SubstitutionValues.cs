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

    /// <summary>True when a value is an array of more than one item, whose element repeats once per item.</summary>
    public bool HasMulti { get; private set; }

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
        HasMulti = false;
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
        int chars = -1, trimmed = -1;
        switch (value.Type)
        {
            case EvtxValueType.Null:
                kind = NodeKind.None;
                break;
            case EvtxValueType.String:
                var text = ValueFormatter.DecodeUtf16(raw);
                kind = text.IsEmpty ? NodeKind.None : NodeKind.Text;
                chars = text.Length;
                trimmed = text.TrimEnd().Length;
                content = trimmed > 0;
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

        var items = value.IsArray ? value.Count : 1;
        HasMulti |= items > 1;
        _slots[index] = new Slot(kind, empty, content, items, chars, trimmed);
    }

    /// <summary>A string value's text (decoded once when read), optionally without trailing white space; false for other types.</summary>
    public bool TryGetText(int index, bool trimmed, out ReadOnlySpan<char> text)
    {
        var slot = _slots[index];
        if (slot.Chars < 0)
        {
            text = default;
            return false;
        }

        text = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(_items[index].Raw.Span)[..(trimmed ? slot.Trimmed : slot.Chars)];
        return true;
    }

    /// <summary>Items of an array value (1 for a scalar).</summary>
    public int ItemCount(int index) => _slots[index].Items;

    /// <summary>
    /// The slot whose array repeats the element (once per item, MS-EVEN6 "array types"): -1 when none does,
    /// -2 when several of its slots hold such arrays (every combination would repeat; the tree handles that).
    /// </summary>
    public int Expansion(TemplateElement element)
    {
        if (!HasMulti)
            return -1;
        var found = -1;
        foreach (var id in element.DirectSlots)
        {
            if (id >= Count || _slots[id].Items <= 1)
                continue;
            if (found >= 0)
                return -2;
            found = id;
        }

        return found;
    }

    /// <summary>How many times the element shows for this record.</summary>
    public int Copies(TemplateElement element) => Expansion(element) is >= 0 and var slot ? _slots[slot].Items : 1;

    /// <summary>What the slot renders as: <see cref="NodeKind.None"/> when it drops out.</summary>
    public NodeKind Kind(int index, bool optional)
    {
        var slot = _slots[index];
        return optional && slot.Empty ? NodeKind.None : slot.Kind;
    }

    /// <summary>True when the slot shows in the crate's JSON (text not blank after trimming, or a non-empty value).</summary>
    public bool HasContent(int index) => _slots[index].Content;

    /// <summary>A slot's resolution; a UTF-16 string's characters before its NUL and without trailing white space (else -1).</summary>
    private readonly record struct Slot(NodeKind Kind, bool Empty, bool Content, int Items, int Chars, int Trimmed);
}
