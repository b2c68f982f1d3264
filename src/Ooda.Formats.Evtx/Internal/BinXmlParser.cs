using System.Buffers.Binary;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>
/// Parses the Binary XML of one chunk's records (libyal EVTX format §5): compiles each template definition once,
/// then instantiates it with each record's substitution values, sharing the template's constant subtrees.
/// </summary>
internal sealed class BinXmlParser
{
    /// <summary>Nesting of elements and nested Binary XML values; real logs stay far below.</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes one record may produce; array expansion could otherwise multiply without bound.</summary>
    public const int MaxNodesPerRecord = 1 << 17;

    private const int TemplateDefinitionHeaderSize = 0x18; // next offset (4), GUID (16), data size (4)
    internal const int NameHeaderSize = 0x08; // next offset (4), hash (2), character count (2)

    private readonly byte[] _chunk;
    private readonly int _chunkLength;
    private readonly Dictionary<int, string> _names = [];
    private readonly Dictionary<int, object> _templates = [];
    private readonly List<SubstitutionValues> _valuePool = [];
    private int _valuesUsed;
    private bool _anyMulti;
    private int _budget;

    /// <summary>While a template compiles: where its definition starts (else -1) and what it reads by position, for <see cref="TemplateCache"/>.</summary>
    private int _compiling = -1;
    private readonly List<TemplateCache.NameRead> _nameReads = [];
    private readonly List<TemplateCache.DependencyTest> _dependencyTests = [];

    public BinXmlParser(byte[] chunk, int chunkLength)
    {
        _chunk = chunk;
        _chunkLength = chunkLength;
    }

    /// <summary>Parses a record's Binary XML into its root element; throws <see cref="EvtxFormatException"/> when corrupt.</summary>
    public EvtxElement ParseRecord(int start, int end)
    {
        _budget = MaxNodesPerRecord;
        var nodes = new List<TemplateNode>(1);
        var reader = new BinXmlReader(_chunk.AsSpan(0, _chunkLength), start, end);
        ParseFragment(ref reader, nodes, inTemplate: false, depth: 0);
        foreach (var node in nodes)
        {
            if (node.Static is EvtxElement root)
                return root;
        }

        return ThrowHelper.Corrupt<EvtxElement>("record has no root element", start);
    }

    /// <summary>
    /// A record's root without building its tree when the record is one template instance whose values add no structure
    /// beyond nested template instances (no multi-item arrays, no free-form Binary XML); otherwise the built tree.
    /// Valid until the next call.
    /// </summary>
    public ElementView ParseRecordView(int start, int end)
    {
        _valuesUsed = 0;
        _anyMulti = false;
        if (TryReadInstance(start, end, nested: false, depth: 0, out var root, out var values))
            return NodeView.Of(root, values).Element;
        return new ElementView(ParseRecord(start, end));
    }

    /// <summary>
    /// Reads <c>[fragment header] template-instance end-of-stream</c> and the instances inside its Binary XML values;
    /// false hands the record to the general parser, which also reports what is corrupt.
    /// </summary>
    private bool TryReadInstance(int start, int end, bool nested, int depth, out TemplateNode root, out SubstitutionValues values)
    {
        root = null!;
        values = null!;
        var chunk = _chunk.AsSpan(0, _chunkLength);
        end = Math.Min(end, chunk.Length);
        var position = start;
        if (depth > MaxDepth)
            return false;
        if (position < end && chunk[position] == BinXmlToken.FragmentHeader)
            position += 4; // token, major version, minor version, flags
        const int InstanceHeaderSize = 10; // token, unknown, template identifier (4), definition offset (4)
        if (position + InstanceHeaderSize > end || chunk[position] != BinXmlToken.TemplateInstance)
            return false;
        var at = position;
        position += InstanceHeaderSize;
        var definitionOffset = (int)BinaryPrimitives.ReadUInt32LittleEndian(chunk[(position - 4)..]);
        if (definitionOffset == position)
        {
            if (position + TemplateDefinitionHeaderSize > end)
                return false;
            var dataSize = BinaryPrimitives.ReadUInt32LittleEndian(chunk[(position + TemplateDefinitionHeaderSize - 4)..]);
            if (dataSize > (uint)(end - position - TemplateDefinitionHeaderSize))
                return false;
            position += TemplateDefinitionHeaderSize + (int)dataSize;
        }

        var template = GetTemplate(definitionOffset, at);
        if (position + 4 > end)
            return false;
        var count = BinaryPrimitives.ReadUInt32LittleEndian(chunk[position..]);
        position += 4;
        if (count > (uint)(end - position) / 4)
            return false;
        if (_valuesUsed == _valuePool.Count)
            _valuePool.Add(new SubstitutionValues());
        values = _valuePool[_valuesUsed++];
        var items = values.Reset((int)count);
        var data = position + (4 * (int)count);
        for (var i = 0; i < items.Length; i++)
        {
            var descriptor = position + (4 * i);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(chunk[descriptor..]);
            var type = (EvtxValueType)chunk[descriptor + 2];
            if (data + size > end)
                return false;
            var value = new EvtxValue(type, _chunk.AsMemory(data, size));
            if (type == EvtxValueType.BinXml && size > 0 && template.Uses(i))
            {
                if (!TryReadInstance(data, data + size, nested: true, depth + 1, out var nestedRoot, out var nestedValues))
                    return false;
                values.SetNested(i, new NestedInstance(nestedRoot, nestedValues));
            }

            items[i] = value;
            values.Resolve(i);
            data += size;
        }

        if (data < end && chunk[data] != BinXmlToken.EndOfStream)
            return false;
        _anyMulti |= values.HasMulti;

        // A record's root is its first element; a nested fragment must hold exactly one, as the tree would.
        var content = template.Content;
        if (nested && content.Length != 1)
            return false;
        foreach (var node in content)
        {
            if (node.Kind == TemplateNodeKind.Element || node.Static is EvtxElement)
            {
                root = node;
                return nested || !_anyMulti || CanRepeat(root, values);
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the views can show this record's array items (each repeating the element that holds it) as the tree would:
    /// not when the root holds one, an element holds several, or the copies would pass the node budget.
    /// </summary>
    private static bool CanRepeat(TemplateNode root, SubstitutionValues values)
    {
        long nodes = 0;
        return root.Element is not { } element || (values.Expansion(element) == -1 && Measure(element, values, 1, ref nodes));
    }

    private static bool Measure(TemplateElement element, SubstitutionValues values, long copies, ref long nodes)
    {
        nodes += copies * (1 + element.Attributes.Length + element.Children.Length);
        if (nodes > MaxNodesPerRecord / 2)
            return false;
        foreach (var attribute in element.Attributes)
        {
            foreach (var node in attribute.Value)
            {
                if (!MeasureNested(node, values, copies, ref nodes))
                    return false;
            }
        }

        foreach (var child in element.Children)
        {
            if (child.Kind == TemplateNodeKind.Element)
            {
                var slot = values.Expansion(child.Element!);
                if (slot == -2 || !Measure(child.Element!, values, copies * (slot < 0 ? 1 : values.ItemCount(slot)), ref nodes))
                    return false;
            }
            else if (!MeasureNested(child, values, copies, ref nodes))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A nested instance in a Binary XML value: its root may not repeat (the tree would give the parent several).</summary>
    private static bool MeasureNested(TemplateNode node, SubstitutionValues values, long copies, ref long nodes) =>
        node.Kind != TemplateNodeKind.Substitution || node.SubstitutionId >= values.Count
        || values.Kind(node.SubstitutionId, node.Optional) != NodeKind.Element
        || values.Nested(node.SubstitutionId) is not { Root.Element: { } nested, Values: { } nestedValues }
        || (nestedValues.Expansion(nested) == -1 && Measure(nested, nestedValues, copies, ref nodes));

    private void ParseFragment(ref BinXmlReader reader, List<TemplateNode> output, bool inTemplate, int depth)
    {
        if (depth > MaxDepth)
            ThrowHelper.Corrupt("binary XML nested too deeply", reader.Position);
        while (reader.Remaining > 0)
        {
            var token = reader.ReadByte();
            switch (token)
            {
                case BinXmlToken.EndOfStream:
                    return;
                case BinXmlToken.FragmentHeader:
                    reader.Skip(3); // major version, minor version, flags
                    break;
                case BinXmlToken.TemplateInstance:
                    if (inTemplate)
                        ThrowHelper.Corrupt("template instance inside a template definition", reader.Position - 1);
                    ParseTemplateInstance(ref reader, output, depth);
                    break;
                case BinXmlToken.OpenStartElement:
                case BinXmlToken.OpenStartElement | BinXmlToken.MoreFlag:
                    output.Add(ParseElement(ref reader, token, inTemplate, depth + 1));
                    break;
                default:
                    ThrowHelper.Corrupt($"unexpected token 0x{token:x2} in fragment", reader.Position - 1);
                    break;
            }
        }
    }

    private TemplateNode ParseElement(ref BinXmlReader reader, byte token, bool inTemplate, int depth)
    {
        if (depth > MaxDepth)
            ThrowHelper.Corrupt("elements nested too deeply", reader.Position);
        Spend(1, reader.Position);
        var hasDependency = HasDependencyIdentifier(reader.Chunk, reader.Position, reader.End, inTemplate);
        if (_compiling >= 0)
            _dependencyTests.Add(new(reader.Position - _compiling, hasDependency));
        if (hasDependency)
            reader.Skip(2);
        reader.Skip(4); // data size: we walk tokens instead of trusting it
        var name = ReadName(ref reader);

        var attributes = Array.Empty<TemplateAttribute>();
        if ((token & BinXmlToken.MoreFlag) != 0)
        {
            reader.Skip(4); // attribute list size
            var list = new List<TemplateAttribute>(4);
            while (reader.Remaining > 0 && (reader.Peek() & ~BinXmlToken.MoreFlag) == BinXmlToken.Attribute)
            {
                reader.ReadByte();
                var attributeName = ReadName(ref reader);
                var value = new List<TemplateNode>(1);
                ParseAttributeValue(ref reader, value, inTemplate, depth);
                list.Add(new TemplateAttribute(attributeName, value.ToArray()));
            }

            attributes = list.ToArray();
        }

        var close = reader.ReadByte();
        var children = Array.Empty<TemplateNode>();
        if (close == BinXmlToken.CloseStartElement)
        {
            var list = new List<TemplateNode>(4);
            ParseContent(ref reader, list, inTemplate, depth);
            children = list.ToArray();
        }
        else if (close != BinXmlToken.CloseEmptyElement)
        {
            ThrowHelper.Corrupt($"unexpected token 0x{close:x2} after element start", reader.Position - 1);
        }

        return TemplateNode.ForElement(new TemplateElement(name, attributes, children));
    }

    /// <summary>
    /// Elements in template definitions carry a 2-byte dependency identifier; elements in Binary XML
    /// substitution values do not. An inline name (its offset pointing just past itself) settles it.
    /// </summary>
    internal static bool HasDependencyIdentifier(ReadOnlySpan<byte> chunk, int at, int end, bool inTemplate)
    {
        if (at + 10 <= end && BinaryPrimitives.ReadUInt32LittleEndian(chunk[(at + 6)..]) == (uint)(at + 10))
            return true;
        if (at + 8 <= end && BinaryPrimitives.ReadUInt32LittleEndian(chunk[(at + 4)..]) == (uint)(at + 8))
            return false;
        return inTemplate;
    }

    private void ParseAttributeValue(ref BinXmlReader reader, List<TemplateNode> output, bool inTemplate, int depth)
    {
        while (reader.Remaining > 0)
        {
            var token = (byte)(reader.Peek() & ~BinXmlToken.MoreFlag);
            if (token is not (BinXmlToken.Value or BinXmlToken.NormalSubstitution or BinXmlToken.OptionalSubstitution
                or BinXmlToken.CharRef or BinXmlToken.EntityRef))
                return;
            ParseContentToken(ref reader, reader.ReadByte(), output, inTemplate, depth);
        }
    }

    private void ParseContent(ref BinXmlReader reader, List<TemplateNode> output, bool inTemplate, int depth)
    {
        while (true)
        {
            var token = reader.ReadByte();
            if (token == BinXmlToken.EndElement)
                return;
            if (token == BinXmlToken.EndOfStream)
                ThrowHelper.Corrupt("end of stream inside an element", reader.Position - 1);
            ParseContentToken(ref reader, token, output, inTemplate, depth);
        }
    }

    private void ParseContentToken(ref BinXmlReader reader, byte token, List<TemplateNode> output, bool inTemplate, int depth)
    {
        var at = reader.Position - 1;
        Spend(1, at);
        switch ((byte)(token & ~BinXmlToken.MoreFlag))
        {
            case BinXmlToken.OpenStartElement:
                output.Add(ParseElement(ref reader, token, inTemplate, depth + 1));
                break;
            case BinXmlToken.Value:
                output.Add(TemplateNode.ForStatic(ReadValueText(ref reader)));
                break;
            case BinXmlToken.CDataSection:
                output.Add(TemplateNode.ForStatic(new EvtxCData(reader.ReadUtf16(reader.ReadUInt16()))));
                break;
            case BinXmlToken.CharRef:
                output.Add(TemplateNode.ForStatic(new EvtxCharRef(reader.ReadUInt16())));
                break;
            case BinXmlToken.EntityRef:
                output.Add(TemplateNode.ForStatic(new EvtxEntityRef(ReadName(ref reader))));
                break;
            case BinXmlToken.PITarget:
            {
                var target = ReadName(ref reader);
                var data = string.Empty;
                if (reader.Remaining > 0 && reader.Peek() == BinXmlToken.PIData)
                {
                    reader.ReadByte();
                    data = reader.ReadUtf16(reader.ReadUInt16());
                }

                output.Add(TemplateNode.ForStatic(new EvtxProcessingInstruction(target, data)));
                break;
            }

            case BinXmlToken.NormalSubstitution:
            case BinXmlToken.OptionalSubstitution:
            {
                if (!inTemplate)
                    ThrowHelper.Corrupt("substitution outside a template", at);
                var id = reader.ReadUInt16();
                reader.ReadByte(); // declared type: the instance's value descriptor decides
                output.Add(TemplateNode.ForSubstitution(id, token == BinXmlToken.OptionalSubstitution));
                break;
            }

            case BinXmlToken.TemplateInstance when !inTemplate:
                ParseTemplateInstance(ref reader, output, depth);
                break;
            default:
                ThrowHelper.Corrupt($"unexpected token 0x{token:x2} in element content", at);
                break;
        }
    }

    private EvtxNode ReadValueText(ref BinXmlReader reader)
    {
        var type = (EvtxValueType)reader.ReadByte();
        if (type == EvtxValueType.String)
            return new EvtxText(reader.ReadUtf16(reader.ReadUInt16()));
        var size = EvtxValue.FixedSize(type);
        if (size == 0 || (byte)type >= 0x80)
            return ThrowHelper.Corrupt<EvtxNode>($"unsupported value text type 0x{(byte)type:x2}", reader.Position - 1);
        var start = reader.Position;
        reader.Skip(size);
        // A template outlives its chunk's buffer in the template cache, so its constants own their bytes.
        return new EvtxValueNode(new EvtxValue(type, _compiling >= 0 ? _chunk.AsSpan(start, size).ToArray() : _chunk.AsMemory(start, size)));
    }

    private string ReadName(ref BinXmlReader reader)
    {
        var field = reader.Position;
        var offset = (int)reader.ReadUInt32();
        if (offset == reader.Position)
        {
            var inline = NameAt(offset);
            reader.Skip(NameHeaderSize + (2 * inline.Length) + 2);
            if (_compiling >= 0)
                _nameReads.Add(new(field - _compiling, null));
            return inline;
        }

        var name = NameAt(offset);
        if (_compiling >= 0)
            _nameReads.Add(new(field - _compiling, name));
        return name;
    }

    private string NameAt(int offset)
    {
        if (_names.TryGetValue(offset, out var cached))
            return cached;
        if (offset < 0 || offset + NameHeaderSize > _chunkLength)
            return ThrowHelper.Corrupt<string>("name offset outside the chunk", offset);
        var chars = BinaryPrimitives.ReadUInt16LittleEndian(_chunk.AsSpan(offset + 6));
        if (offset + NameHeaderSize + (2 * chars) > _chunkLength)
            return ThrowHelper.Corrupt<string>("name runs past the chunk", offset);
        var name = new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(_chunk.AsSpan(offset + NameHeaderSize, 2 * chars)));
        _names[offset] = name;
        return name;
    }

    private void ParseTemplateInstance(ref BinXmlReader reader, List<TemplateNode> output, int depth)
    {
        var at = reader.Position - 1;
        reader.Skip(1); // unknown
        reader.Skip(4); // template identifier
        var definitionOffset = (int)reader.ReadUInt32();
        if (definitionOffset == reader.Position)
        {
            reader.Skip(TemplateDefinitionHeaderSize - 4);
            var dataSize = (int)reader.ReadUInt32();
            reader.Skip(dataSize);
        }

        var template = GetTemplate(definitionOffset, at);

        var count = (int)reader.ReadUInt32();
        if (count < 0 || count > reader.Remaining / 4)
            ThrowHelper.Corrupt("substitution count exceeds the record", reader.Position - 4);
        var values = System.Buffers.ArrayPool<EvtxValue>.Shared.Rent(Math.Max(count, 1));
        try
        {
            var dataStart = reader.Position + (4 * count);
            var position = dataStart;
            var chunk = reader.Chunk;
            for (var i = 0; i < count; i++)
            {
                var descriptor = reader.Position + (4 * i);
                var size = BinaryPrimitives.ReadUInt16LittleEndian(chunk[descriptor..]);
                var type = (EvtxValueType)chunk[descriptor + 2];
                if (position + size > reader.End)
                    ThrowHelper.Corrupt($"substitution {i} runs past the record", descriptor);
                values[i] = new EvtxValue(type, _chunk.AsMemory(position, size));
                position += size;
            }

            reader.Position = position;
            var nodes = new List<EvtxNode>(1);
            foreach (var node in template.Content)
                Resolve(node, values.AsSpan(0, count), nodes, depth);
            foreach (var node in nodes)
                output.Add(TemplateNode.ForStatic(node));
        }
        finally
        {
            System.Buffers.ArrayPool<EvtxValue>.Shared.Return(values, clearArray: true);
        }
    }

    private CompiledTemplate GetTemplate(int offset, int at)
    {
        if (_templates.TryGetValue(offset, out var cached))
        {
            return cached as CompiledTemplate
                ?? ThrowHelper.Corrupt<CompiledTemplate>((string)cached, at);
        }

        try
        {
            if (offset < ChunkLayout.HeaderSize || offset + TemplateDefinitionHeaderSize > _chunkLength)
                ThrowHelper.Corrupt($"template definition offset 0x{offset:x} outside the chunk", at);
            var guid = new Guid(_chunk.AsSpan(offset + 4, 16));
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(_chunk.AsSpan(offset + 20));
            var start = offset + TemplateDefinitionHeaderSize;
            if (size < 0 || size > _chunkLength - start)
                ThrowHelper.Corrupt($"template definition at 0x{offset:x} runs past the chunk", at);
            var chunk = _chunk.AsSpan(0, _chunkLength);
            var definitionLength = TemplateDefinitionHeaderSize - 4 + size;
            var cache = TemplateCache.Current;
            if (cache.Find(chunk, offset + 4, definitionLength) is { } reused)
            {
                _templates[offset] = reused;
                return reused;
            }

            var content = new List<TemplateNode>(1);
            var reader = new BinXmlReader(chunk, start, start + size);
            var budget = _budget;
            _budget = MaxNodesPerRecord;
            _compiling = offset + 4;
            _nameReads.Clear();
            _dependencyTests.Clear();
            try
            {
                ParseFragment(ref reader, content, inTemplate: true, depth: 0);
            }
            finally
            {
                _compiling = -1;
            }

            _budget = budget;
            var template = new CompiledTemplate(guid, content.ToArray());
            _templates[offset] = template;
            cache.Add(chunk, offset + 4, definitionLength, template, [.. _nameReads], [.. _dependencyTests]);
            return template;
        }
        catch (EvtxFormatException e)
        {
            var message = $"template at 0x{offset:x} is corrupt ({e.Message})";
            _templates[offset] = message;
            return ThrowHelper.Corrupt<CompiledTemplate>(message, at);
        }
    }

    private void Resolve(TemplateNode node, ReadOnlySpan<EvtxValue> values, List<EvtxNode> output, int depth)
    {
        switch (node.Kind)
        {
            case TemplateNodeKind.Static:
                output.Add(node.Static!);
                break;
            case TemplateNodeKind.Element:
                Instantiate(node.Element!, values, output, depth + 1);
                break;
            default:
                Substitute(node, values, output, depth);
                break;
        }
    }

    private void Substitute(TemplateNode node, ReadOnlySpan<EvtxValue> values, List<EvtxNode> output, int depth)
    {
        if (node.SubstitutionId >= values.Length)
            return;
        var value = values[node.SubstitutionId];
        if (node.Optional && value.IsEmpty)
            return;
        Spend(1, 0);
        switch (value.Type)
        {
            case EvtxValueType.Null:
                return;
            case EvtxValueType.String:
            {
                var text = ValueFormatter.DecodeUtf16(value.Raw.Span);
                if (text.Length > 0)
                    output.Add(new EvtxText(new string(text)));
                return;
            }

            case EvtxValueType.AnsiString:
            {
                var text = ValueFormatter.DecodeAnsi(value.Raw.Span);
                if (text.Length > 0)
                    output.Add(new EvtxText(text));
                return;
            }

            case EvtxValueType.BinXml:
            {
                if (value.Raw.IsEmpty)
                    return;
                if (!System.Runtime.InteropServices.MemoryMarshal.TryGetArray(value.Raw, out var segment))
                    return;
                var nested = new List<TemplateNode>(1);
                var reader = new BinXmlReader(_chunk.AsSpan(0, _chunkLength), segment.Offset, segment.Offset + segment.Count);
                ParseFragment(ref reader, nested, inTemplate: false, depth + 1);
                foreach (var n in nested)
                    output.Add(n.Static!);
                return;
            }

            default:
                output.Add(new EvtxValueNode(value));
                return;
        }
    }

    private void Instantiate(TemplateElement element, ReadOnlySpan<EvtxValue> values, List<EvtxNode> output, int depth)
    {
        if (depth > MaxDepth)
            ThrowHelper.Corrupt("elements nested too deeply", 0);
        Spend(1, 0);
        List<EvtxAttribute> attributes = [];
        foreach (var attribute in element.Attributes)
        {
            var nodes = new List<EvtxNode>(1);
            foreach (var node in attribute.Value)
                Resolve(node, values, nodes, depth);
            if (nodes.Count > 0)
                attributes.Add(new EvtxAttribute(attribute.Name, nodes));
        }

        var children = new List<EvtxNode>(element.Children.Length);
        foreach (var node in element.Children)
            Resolve(node, values, children, depth);
        Expand(element.Name, attributes, children, output);
    }

    /// <summary>An array value repeats its element once per item (MS-EVEN6 "array types"), as libevtx and the crate do.</summary>
    private void Expand(string name, List<EvtxAttribute> attributes, List<EvtxNode> children, List<EvtxNode> output)
    {
        var childIndex = -1;
        int attributeIndex = -1, nodeIndex = -1;
        EvtxValue array = default;
        for (var i = 0; i < children.Count && childIndex < 0; i++)
        {
            if (children[i] is EvtxValueNode { Value: { IsArray: true } v } && v.Count > 1)
                (childIndex, array) = (i, v);
        }

        for (var a = 0; childIndex < 0 && attributeIndex < 0 && a < attributes.Count; a++)
        {
            var nodes = attributes[a].Value;
            for (var n = 0; n < nodes.Count; n++)
            {
                if (nodes[n] is EvtxValueNode { Value: { IsArray: true } v } && v.Count > 1)
                {
                    (attributeIndex, nodeIndex, array) = (a, n, v);
                    break;
                }
            }
        }

        if (childIndex < 0 && attributeIndex < 0)
        {
            output.Add(new EvtxElement(name, attributes, children));
            return;
        }

        var count = array.Count;
        Spend(count, 0);
        for (var k = 0; k < count; k++)
        {
            var item = array.Item(k);
            EvtxNode? replacement = item.Type switch
            {
                EvtxValueType.String => item.IsEmpty ? null : new EvtxText(new string(ValueFormatter.DecodeUtf16(item.Raw.Span))),
                EvtxValueType.AnsiString => item.IsEmpty ? null : new EvtxText(ValueFormatter.DecodeAnsi(item.Raw.Span)),
                _ => new EvtxValueNode(item),
            };
            if (childIndex >= 0)
            {
                var copy = new List<EvtxNode>(children);
                if (replacement is null)
                    copy.RemoveAt(childIndex);
                else
                    copy[childIndex] = replacement;
                Expand(name, attributes, copy, output);
            }
            else
            {
                var copy = new List<EvtxAttribute>(attributes);
                var nodes = new List<EvtxNode>(attributes[attributeIndex].Value);
                if (replacement is null)
                    nodes.RemoveAt(nodeIndex);
                else
                    nodes[nodeIndex] = replacement;
                if (nodes.Count == 0)
                    copy.RemoveAt(attributeIndex);
                else
                    copy[attributeIndex] = attributes[attributeIndex] with { Value = nodes };
                Expand(name, copy, children, output);
            }
        }
    }

    private void Spend(int nodes, int at)
    {
        _budget -= nodes;
        if (_budget < 0)
            ThrowHelper.Corrupt($"record expands to more than {MaxNodesPerRecord} nodes", at);
    }
}
