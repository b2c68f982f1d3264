namespace Ooda.Formats.Evtx.Internal;

/// <summary>
/// Renders a record tree in the JSON shape of the Rust <c>evtx</c> crate: <c>#attributes</c>, <c>#text</c>,
/// integers and booleans as JSON numbers, <c>EventData</c>/<c>UserData</c> <c>Data</c> items keyed by <c>Name</c>,
/// repeated element names suffixed <c>_1</c>, <c>_2</c>…, and empty elements as null.
/// </summary>
internal sealed class CrateJsonRenderer
{
    /// <summary>The crate tracks at most this many distinct child names per element for suffixing.</summary>
    private const int MaxTrackedNames = 64;

    private readonly JsonEmitter _json;

    public CrateJsonRenderer(JsonEmitter json) => _json = json;

    private Utf8Buffer Output => _json.Output;

    public void WriteRecord(EvtxElement root)
    {
        _json.StartObject();
        _json.Name(root.Name);
        WriteElementValue(root, isContainer: false);
        _json.EndObject();
    }

    public static bool HasContent(IReadOnlyList<EvtxNode> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case EvtxText t when !Trimmed(t.Text).IsEmpty:
                case EvtxCData c when c.Text.Length > 0:
                case EvtxValueNode v when !v.Value.IsEmpty:
                case EvtxCharRef:
                case EvtxEntityRef:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The crate drops trailing white space from strings (since 0.8.5: padded fields such as LogonProcessName).</summary>
    public static ReadOnlySpan<char> Trimmed(string text) => text.AsSpan().TrimEnd();

    private static bool HasAttributeContent(EvtxElement element)
    {
        foreach (var attribute in element.Attributes)
        {
            if (HasContent(attribute.Value))
                return true;
        }

        return false;
    }

    private void WriteElementValue(EvtxElement element, bool isContainer)
    {
        var hasText = HasContent(element.Children);
        var hasAttributes = HasAttributeContent(element);
        if (!element.HasElementChild && !hasText && !hasAttributes)
            Output.Write("null"u8);
        else if (!element.HasElementChild && !hasAttributes)
            WriteContentValue(element.Children);
        else
            WriteBody(element, isContainer, hasText);
    }

    /// <summary>A single integer or boolean value is a JSON number; anything else is the concatenated text.</summary>
    private void WriteContentValue(IReadOnlyList<EvtxNode> nodes)
    {
        if (nodes.Count == 1 && nodes[0] is EvtxValueNode v && ValueFormatter.IsJsonNumber(v.Value.Type))
        {
            ValueFormatter.Write(Output, v.Value, ValueStyle.Crate, TextEscape.Json);
            return;
        }

        Output.Write((byte)'"');
        WriteText(nodes);
        Output.Write((byte)'"');
    }

    /// <summary>The content as the crate's JSON shows it, unquoted: numbers in invariant digits, strings right-trimmed.</summary>
    public static string ContentText(IReadOnlyList<EvtxNode> nodes)
    {
        if (nodes.Count == 1 && nodes[0] is EvtxText only)
            return Trimmed(only.Text).Length == only.Text.Length ? only.Text : Trimmed(only.Text).ToString();
        using var buffer = new Utf8Buffer(256);
        new CrateJsonRenderer(new JsonEmitter(buffer, indented: false)).WriteText(nodes, TextEscape.None);
        return buffer.ToUtf8String();
    }

    private void WriteText(IReadOnlyList<EvtxNode> nodes, TextEscape escape = TextEscape.Json)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case EvtxText t:
                    Output.WriteText(Trimmed(t.Text), escape);
                    break;
                case EvtxValueNode v:
                    ValueFormatter.Write(Output, v.Value, ValueStyle.Crate, escape);
                    break;
                case EvtxCData c:
                    Output.WriteText(c.Text, escape);
                    break;
                case EvtxCharRef r:
                    Output.Write("&#"u8);
                    Output.Write((ulong)r.Value);
                    Output.Write((byte)';');
                    break;
                case EvtxEntityRef r:
                    Output.Write((byte)'&');
                    Output.WriteText(r.Name, escape);
                    Output.Write((byte)';');
                    break;
            }
        }
    }

    private void WriteBody(EvtxElement element, bool inContainer, bool hasText)
    {
        _json.StartObject();
        if (HasAttributeContent(element))
        {
            _json.Name("#attributes"u8);
            _json.StartObject();
            foreach (var attribute in element.Attributes)
            {
                if (!HasContent(attribute.Value))
                    continue;
                _json.Name(attribute.Name);
                WriteContentValue(attribute.Value);
            }

            _json.EndObject();
        }

        if (hasText)
        {
            _json.Name("#text"u8);
            WriteTextSkippingElements(element.Children);
        }

        var flatten = inContainer && HasNamedData(element);
        var positional = inContainer && !flatten ? CountData(element) : 0;
        var positionalDone = false;
        List<(string Name, int Count)>? seen = null;
        foreach (var node in element.Children)
        {
            if (node is not EvtxElement child)
                continue;
            if (inContainer && child.Name == "Data")
            {
                if (flatten)
                {
                    var name = child.Attribute("Name");
                    if (name is null || !HasContent(name.Value))
                        continue;
                    _json.StartName();
                    WriteText(name.Value);
                    _json.EndName();
                    WriteDataValue(child);
                }
                else if (!positionalDone && positional > 0)
                {
                    positionalDone = true;
                    _json.Name("Data"u8);
                    _json.StartObject();
                    _json.Name("#text"u8);
                    if (positional == 1)
                        WriteDataValue(child);
                    else
                    {
                        _json.StartArray();
                        foreach (var other in element.Children)
                        {
                            if (other is EvtxElement { Name: "Data" } data)
                            {
                                _json.Item();
                                WriteDataValue(data);
                            }
                        }

                        _json.EndArray();
                    }

                    _json.EndObject();
                }

                continue;
            }

            var suffix = Suffix(ref seen, child.Name);
            _json.StartName();
            Output.WriteText(child.Name, TextEscape.Json);
            if (suffix > 0)
            {
                Output.Write((byte)'_');
                Output.Write((ulong)suffix);
            }

            _json.EndName();
            WriteElementValue(child, child.Name is "EventData" or "UserData");
        }

        _json.EndObject();
    }

    private static int Suffix(ref List<(string Name, int Count)>? seen, string name)
    {
        seen ??= [];
        for (var i = 0; i < seen.Count; i++)
        {
            if (string.Equals(seen[i].Name, name, StringComparison.Ordinal))
            {
                var suffix = seen[i].Count;
                seen[i] = (name, suffix + 1);
                return suffix;
            }
        }

        if (seen.Count < MaxTrackedNames)
            seen.Add((name, 1));
        return 0;
    }

    private void WriteDataValue(EvtxElement data)
    {
        if (data.HasElementChild)
            WriteBody(data, inContainer: false, HasContent(data.Children));
        else if (!HasContent(data.Children))
            Output.Write("\"\""u8);
        else
            WriteContentValue(data.Children);
    }

    private void WriteTextSkippingElements(IReadOnlyList<EvtxNode> nodes)
    {
        EvtxValueNode? single = null;
        var numeric = true;
        foreach (var node in nodes)
        {
            switch (node)
            {
                case EvtxElement:
                    continue;
                case EvtxText t when !Trimmed(t.Text).IsEmpty:
                case EvtxCData c when c.Text.Length > 0:
                case EvtxCharRef or EvtxEntityRef:
                    numeric = false;
                    break;
                case EvtxValueNode v when !v.Value.IsEmpty:
                    numeric &= single is null;
                    single = v;
                    break;
            }
        }

        if (numeric && single is not null && ValueFormatter.IsJsonNumber(single.Value.Type))
        {
            ValueFormatter.Write(Output, single.Value, ValueStyle.Crate, TextEscape.Json);
            return;
        }

        Output.Write((byte)'"');
        foreach (var node in nodes)
        {
            if (node is not EvtxElement)
                WriteText([node]);
        }

        Output.Write((byte)'"');
    }

    private static bool HasNamedData(EvtxElement element)
    {
        foreach (var node in element.Children)
        {
            if (node is EvtxElement { Name: "Data" } data && data.Attribute("Name") is { } name && HasContent(name.Value))
                return true;
        }

        return false;
    }

    private static int CountData(EvtxElement element)
    {
        var count = 0;
        foreach (var node in element.Children)
        {
            if (node is EvtxElement { Name: "Data" })
                count++;
        }

        return count;
    }
}
