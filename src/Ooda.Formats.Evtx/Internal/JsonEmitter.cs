namespace Ooda.Formats.Evtx.Internal;

/// <summary>Writes JSON structure into a UTF-8 buffer, compact or indented two spaces the way serde_json pretty-prints.</summary>
internal sealed class JsonEmitter
{
    private readonly bool _indented;
    private readonly Stack<bool> _hasItems = new();

    public JsonEmitter(Utf8Buffer output, bool indented)
    {
        Output = output;
        _indented = indented;
    }

    public Utf8Buffer Output { get; }

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
        if (_hasItems.Count > 0)
        {
            if (_hasItems.Peek())
                Output.Write((byte)',');
            else
            {
                _hasItems.Pop();
                _hasItems.Push(true);
            }
        }

        if (_indented && _hasItems.Count > 0)
            NewLine(_hasItems.Count);
    }

    private void Open(byte bracket)
    {
        Output.Write(bracket);
        _hasItems.Push(false);
    }

    private void Close(byte bracket)
    {
        var hadItems = _hasItems.Pop();
        if (_indented && hadItems)
            NewLine(_hasItems.Count);
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
