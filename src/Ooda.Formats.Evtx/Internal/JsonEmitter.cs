namespace Ooda.Formats.Evtx.Internal;

/// <summary>Writes JSON structure into a UTF-8 buffer, compact or indented two spaces the way serde_json pretty-prints.</summary>
internal sealed class JsonEmitter
{
    private readonly bool _indented;
    /// <summary>Per open object or array: whether it has an item yet (so the next one needs a comma).</summary>
    private bool[] _hasItems = new bool[16];
    private int _depth;

    public JsonEmitter(Utf8Buffer output, bool indented)
    {
        Output = output;
        _indented = indented;
    }

    public Utf8Buffer Output { get; }

    /// <summary>Forgets open objects and arrays (after a record that failed half-way was cut from the output).</summary>
    public void Reset() => _depth = 0;

    public void StartObject() => Open((byte)'{');

    public void EndObject() => Close((byte)'}');

    public void StartArray() => Open((byte)'[');

    public void EndArray() => Close((byte)']');

    /// <summary>Starts a property: the caller writes the escaped name, then calls <see cref="EndName"/>.</summary>
    public void StartName()
    {
        Item();
        Output.Write((byte)'"');
    }

    public void EndName() => Output.Write(_indented ? "\": "u8 : "\":"u8);

    public void Name(string name)
    {
        StartName();
        Output.WriteText(name, TextEscape.Json);
        EndName();
    }

    public void Name(ReadOnlySpan<byte> utf8Name)
    {
        StartName();
        Output.Write(utf8Name);
        EndName();
    }

    /// <summary>Starts an array item; the caller writes the value.</summary>
    public void Item()
    {
        if (_depth == 0)
            return;
        if (_hasItems[_depth - 1])
            Output.Write((byte)',');
        else
            _hasItems[_depth - 1] = true;
        if (_indented)
            NewLine(_depth);
    }

    private void Open(byte bracket)
    {
        Output.Write(bracket);
        if (_depth == _hasItems.Length)
            Array.Resize(ref _hasItems, _depth * 2);
        _hasItems[_depth++] = false;
    }

    private void Close(byte bracket)
    {
        var hadItems = _hasItems[--_depth];
        if (_indented && hadItems)
            NewLine(_depth);
        Output.Write(bracket);
    }

    private void NewLine(int depth)
    {
        var span = Output.GetSpan(1 + (2 * depth));
        span[0] = (byte)'\n';
        span.Slice(1, 2 * depth).Fill((byte)' ');
        Output.Advance(1 + (2 * depth));
    }
}
