namespace Ooda.Formats.Evtx.Internal;

/// <summary>
/// Renders a record in the JSON shape of the Rust <c>evtx</c> crate: <c>#attributes</c>, <c>#text</c>,
/// integers and booleans as JSON numbers, <c>EventData</c>/<c>UserData</c> <c>Data</c> items keyed by <c>Name</c>,
/// repeated element names suffixed <c>_1</c>, <c>_2</c>…, and empty elements as null.
/// Works on trees and, without building one, on template instances (<see cref="ElementView"/>).
/// </summary>
internal sealed class CrateJsonRenderer
{
    /// <summary>The crate tracks at most this many distinct child names per element for suffixing.</summary>
    private const int MaxTrackedNames = 64;

    private readonly JsonEmitter _json;

    /// <summary>Child names seen per open element, for suffixes; each level uses the entries from its base index.</summary>
    private readonly List<(string Name, int Count)> _seen = [];

    public CrateJsonRenderer(JsonEmitter json) => _json = json;

    private Utf8Buffer Output => _json.Output;

    public void WriteRecord(EvtxElement root) => WriteRecord(new ElementView(root));

    public void WriteRecord(in ElementView root)
    {
        _json.StartObject();
        WriteName(root);
        WriteElementValue(root, isContainer: false);
        _json.EndObject();
    }

    public static bool HasContent(IReadOnlyList<EvtxNode> nodes) => HasContent(new ContentView(nodes));

    public static bool HasContent(in ContentView nodes)
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i].HasContent)
                return true;
        }

        return false;
    }

    /// <summary>The crate drops trailing white space from strings (since 0.8.5: padded fields such as LogonProcessName).</summary>
    public static ReadOnlySpan<char> Trimmed(string text) => text.AsSpan().TrimEnd();

    /// <summary>The content as the crate's JSON shows it, unquoted: numbers in invariant digits, strings right-trimmed.</summary>
    public static string ContentText(in ContentView nodes, Utf8Buffer scratch)
    {
        if (nodes.TryGetSingle(out var only) && only.Kind == NodeKind.Text)
        {
            if (only.TreeNode is EvtxText tree)
                return Trimmed(tree.Text).Length == tree.Text.Length ? tree.Text : Trimmed(tree.Text).ToString();
            return StringCache.Current.Get(only.TrimmedText);
        }

        scratch.Clear();
        WriteText(scratch, nodes, TextEscape.None);
        return StringCache.Current.GetUtf8(scratch.WrittenSpan);
    }

    private static bool HasAttributeContent(in ElementView element)
    {
        for (var i = 0; i < element.AttributeCount; i++)
        {
            if (HasContent(element.AttributeValue(i)))
                return true;
        }

        return false;
    }

    private void WriteName(in ElementView element)
    {
        var cached = element.JsonName;
        if (!cached.IsEmpty)
            _json.Name(cached);
        else
            _json.Name(element.Name);
    }

    private void WriteElementValue(in ElementView element, bool isContainer)
    {
        var children = element.Children;
        var hasAttributes = HasAttributeContent(element);
        var hasElementChild = element.HasElementChild;
        if (!hasElementChild && children.Length == 1)
        {
            // Most leaves hold one substitution or one constant: resolve it once.
            var only = children[0];
            if (hasAttributes)
                WriteBody(element, isContainer, only.HasContent, hasAttributes);
            else if (only.HasContent)
                WriteSingleValue(only);
            else
                Output.Write("null"u8);
            return;
        }

        var hasText = HasContent(children);
        if (!hasElementChild && !hasText && !hasAttributes)
            Output.Write("null"u8);
        else if (!hasElementChild && !hasAttributes)
            WriteContentValue(children);
        else
            WriteBody(element, isContainer, hasText, hasAttributes);
    }

    /// <summary>A single integer or boolean value is a JSON number; anything else is the concatenated text.</summary>
    private void WriteContentValue(in ContentView nodes)
    {
        if (nodes.Length == 1)
        {
            WriteSingleValue(nodes[0]);
            return;
        }

        if (nodes.TryGetSingle(out var single) && single.Kind == NodeKind.Value && ValueFormatter.IsJsonNumber(single.Value.Type))
        {
            ValueFormatter.Write(Output, single.Value, ValueStyle.Crate, TextEscape.Json);
            return;
        }

        Output.Write((byte)'"');
        WriteText(Output, nodes, TextEscape.Json);
        Output.Write((byte)'"');
    }

    private void WriteSingleValue(in NodeView only)
    {
        if (only.Kind == NodeKind.Value && ValueFormatter.IsJsonNumber(only.Value.Type))
        {
            ValueFormatter.Write(Output, only.Value, ValueStyle.Crate, TextEscape.Json);
            return;
        }

        Output.Write((byte)'"');
        WriteText(Output, only, TextEscape.Json);
        Output.Write((byte)'"');
    }

    internal static void WriteText(Utf8Buffer output, in ContentView nodes, TextEscape escape)
    {
        for (var i = 0; i < nodes.Length; i++)
            WriteText(output, nodes[i], escape);
    }

    private static void WriteText(Utf8Buffer output, in NodeView node, TextEscape escape)
    {
        switch (node.Kind)
        {
            case NodeKind.Text:
                output.WriteText(node.TrimmedText, escape);
                break;
            case NodeKind.Value:
                ValueFormatter.Write(output, node.Value, ValueStyle.Crate, escape);
                break;
            case NodeKind.CData:
                output.WriteText(node.Text, escape);
                break;
            case NodeKind.CharRef:
                output.Write("&#"u8);
                output.Write((ulong)((EvtxCharRef)node.TreeNode!).Value);
                output.Write((byte)';');
                break;
            case NodeKind.EntityRef:
                output.Write((byte)'&');
                output.WriteText(((EvtxEntityRef)node.TreeNode!).Name, escape);
                output.Write((byte)';');
                break;
        }
    }

    private void WriteBody(in ElementView element, bool inContainer, bool hasText, bool hasAttributes)
    {
        _json.StartObject();
        if (hasAttributes)
        {
            _json.Name("#attributes"u8);
            _json.StartObject();
            for (var i = 0; i < element.AttributeCount; i++)
            {
                var value = element.AttributeValue(i);
                if (!HasContent(value))
                    continue;
                _json.Name(element.AttributeName(i));
                WriteContentValue(value);
            }

            _json.EndObject();
        }

        var children = element.Children;
        if (hasText)
        {
            _json.Name("#text"u8);
            WriteTextSkippingElements(children);
        }

        var flatten = inContainer && HasNamedData(children);
        var positional = inContainer && !flatten ? CountData(children) : 0;
        var positionalDone = false;
        var seenBase = _seen.Count;
        var distinct = element.HasDistinctChildNames;
        for (var i = 0; i < children.Length; i++)
        {
            var node = children[i];
            if (node.Kind != NodeKind.Element)
                continue;
            var child = node.Element;
            var name = child.Name;
            if (inContainer && name == "Data")
            {
                if (flatten)
                {
                    var staticName = child.StaticNameJson;
                    if (!staticName.IsEmpty)
                    {
                        _json.Name(staticName);
                    }
                    else
                    {
                        if (!child.TryGetAttribute("Name", out var dataName) || !HasContent(dataName))
                            continue;
                        _json.StartName();
                        WriteText(Output, dataName, TextEscape.Json);
                        _json.EndName();
                    }

                    WriteDataValue(child);
                }
                else if (!positionalDone && positional > 0)
                {
                    positionalDone = true;
                    _json.Name("Data"u8);
                    _json.StartObject();
                    _json.Name("#text"u8);
                    if (positional == 1)
                    {
                        WriteDataValue(child);
                    }
                    else
                    {
                        _json.StartArray();
                        for (var j = 0; j < children.Length; j++)
                        {
                            var other = children[j];
                            if (other.Kind == NodeKind.Element && other.Element is { Name: "Data" } data)
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

            var suffix = distinct ? 0 : Suffix(seenBase, name);
            var cached = child.JsonName;
            _json.StartName();
            if (!cached.IsEmpty)
                Output.Write(cached);
            else
                Output.WriteText(name, TextEscape.Json);
            if (suffix > 0)
            {
                Output.Write((byte)'_');
                Output.Write((ulong)suffix);
            }

            _json.EndName();
            WriteElementValue(child, name is "EventData" or "UserData");
        }

        _seen.RemoveRange(seenBase, _seen.Count - seenBase);
        _json.EndObject();
    }

    private int Suffix(int seenBase, string name)
    {
        for (var i = seenBase; i < _seen.Count; i++)
        {
            if (string.Equals(_seen[i].Name, name, StringComparison.Ordinal))
            {
                var suffix = _seen[i].Count;
                _seen[i] = (name, suffix + 1);
                return suffix;
            }
        }

        if (_seen.Count - seenBase < MaxTrackedNames)
            _seen.Add((name, 1));
        return 0;
    }

    private void WriteDataValue(in ElementView data)
    {
        var children = data.Children;
        if (data.HasElementChild)
        {
            WriteBody(data, inContainer: false, HasContent(children), HasAttributeContent(data));
        }
        else if (children.Length == 1)
        {
            var only = children[0];
            if (only.HasContent)
                WriteSingleValue(only);
            else
                Output.Write("\"\""u8);
        }
        else if (!HasContent(children))
        {
            Output.Write("\"\""u8);
        }
        else
        {
            WriteContentValue(children);
        }
    }

    private void WriteTextSkippingElements(in ContentView nodes)
    {
        NodeView single = default;
        var count = 0;
        var numeric = true;
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            if (!node.HasContent)
                continue;
            if (node.Kind == NodeKind.Value)
            {
                numeric &= count == 0;
                single = node;
                count++;
            }
            else
            {
                numeric = false;
            }
        }

        if (numeric && count > 0 && ValueFormatter.IsJsonNumber(single.Value.Type))
        {
            ValueFormatter.Write(Output, single.Value, ValueStyle.Crate, TextEscape.Json);
            return;
        }

        Output.Write((byte)'"');
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            if (node.Kind != NodeKind.Element)
                WriteText(Output, node, TextEscape.Json);
        }

        Output.Write((byte)'"');
    }

    private static bool HasNamedData(in ContentView children)
    {
        for (var i = 0; i < children.Length; i++)
        {
            var node = children[i];
            if (node.Kind == NodeKind.Element && node.Element is { Name: "Data" } data
                && (!data.StaticNameJson.IsEmpty || (data.TryGetAttribute("Name", out var name) && HasContent(name))))
            {
                return true;
            }
        }

        return false;
    }

    private static int CountData(in ContentView children)
    {
        var count = 0;
        for (var i = 0; i < children.Length; i++)
        {
            var node = children[i];
            if (node.Kind == NodeKind.Element && node.Element.Name == "Data")
                count++;
        }

        return count;
    }
}
