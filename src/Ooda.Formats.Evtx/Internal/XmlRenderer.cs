namespace Ooda.Formats.Evtx.Internal;

/// <summary>
/// Renders a record as indented XML in the conventions of libevtx's <c>evtxexport -f xml</c>
/// (braced GUIDs, zero-padded hex, 100 ns times), from a tree or straight from a template instance.
/// </summary>
internal static class XmlRenderer
{
    public static void WriteElement(Utf8Buffer output, in ElementView element, int depth)
    {
        Indent(output, depth);
        output.Write((byte)'<');
        output.WriteText(element.Name, TextEscape.None);
        for (var i = 0; i < element.AttributeCount; i++)
        {
            var value = element.AttributeValue(i);
            if (!CrateJsonRenderer.HasContent(value))
                continue;
            output.Write((byte)' ');
            output.WriteText(element.AttributeName(i), TextEscape.None);
            output.Write("=\""u8);
            WriteContent(output, value, TextEscape.XmlAttribute);
            output.Write((byte)'"');
        }

        var children = element.Children;
        if (!element.HasElementChild && !HasText(children))
        {
            output.Write("/>\n"u8);
            return;
        }

        output.Write((byte)'>');
        if (element.HasElementChild)
        {
            output.Write((byte)'\n');
            for (var i = 0; i < children.Length; i++)
            {
                var child = children[i];
                if (child.Kind == NodeKind.Element)
                    WriteElement(output, child.Element, depth + 1);
                else
                    WriteNode(output, child, TextEscape.XmlText);
            }

            Indent(output, depth);
        }
        else
        {
            WriteContent(output, children, TextEscape.XmlText);
        }

        output.Write("</"u8);
        output.WriteText(element.Name, TextEscape.None);
        output.Write(">\n"u8);
    }

    private static bool HasText(in ContentView nodes)
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            switch (node.Kind)
            {
                case NodeKind.Text or NodeKind.CData when !node.Text.IsEmpty:
                case NodeKind.Value when !node.Value.IsEmpty:
                case NodeKind.CharRef or NodeKind.EntityRef or NodeKind.ProcessingInstruction:
                    return true;
            }
        }

        return false;
    }

    private static void WriteContent(Utf8Buffer output, in ContentView nodes, TextEscape escape)
    {
        for (var i = 0; i < nodes.Length; i++)
            WriteNode(output, nodes[i], escape);
    }

    private static void WriteNode(Utf8Buffer output, in NodeView node, TextEscape escape)
    {
        switch (node.Kind)
        {
            case NodeKind.Text:
                output.WriteText(node.Text, escape);
                break;
            case NodeKind.Value:
                ValueFormatter.Write(output, node.Value, ValueStyle.Libevtx, escape);
                break;
            case NodeKind.CData:
                output.Write("<![CDATA["u8);
                output.WriteText(node.Text, TextEscape.None);
                output.Write("]]>"u8);
                break;
            case NodeKind.CharRef:
                output.Write("&#"u8);
                output.Write((ulong)((EvtxCharRef)node.TreeNode!).Value);
                output.Write((byte)';');
                break;
            case NodeKind.EntityRef:
                output.Write((byte)'&');
                output.WriteText(((EvtxEntityRef)node.TreeNode!).Name, TextEscape.None);
                output.Write((byte)';');
                break;
            case NodeKind.ProcessingInstruction:
                var pi = (EvtxProcessingInstruction)node.TreeNode!;
                output.Write("<?"u8);
                output.WriteText(pi.Target, TextEscape.None);
                output.Write((byte)' ');
                output.WriteText(pi.Data, TextEscape.None);
                output.Write("?>"u8);
                break;
        }
    }

    private static void Indent(Utf8Buffer output, int depth)
    {
        var span = output.GetSpan(2 * depth);
        span[..(2 * depth)].Fill((byte)' ');
        output.Advance(2 * depth);
    }
}
