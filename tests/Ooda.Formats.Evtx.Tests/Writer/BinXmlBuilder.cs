using System.Buffers.Binary;
using System.Text;

namespace Ooda.Formats.Evtx.Tests.Writer;

/// <summary>Emits Binary XML tokens at known chunk offsets, writing each name inline once per chunk and by reference after.</summary>
public sealed class BinXmlBuilder
{
    private readonly List<byte> _bytes = [];
    private readonly Dictionary<string, int> _names;
    private readonly int _base;
    private readonly bool _dependencyIds;

    /// <param name="chunkOffset">The chunk offset the first emitted byte will have.</param>
    /// <param name="names">Names already present in the chunk (shared across a chunk).</param>
    /// <param name="dependencyIds">Template definitions carry dependency identifiers; nested fragments in values do not.</param>
    public BinXmlBuilder(int chunkOffset, Dictionary<string, int> names, bool dependencyIds = true)
    {
        _base = chunkOffset;
        _names = names;
        _dependencyIds = dependencyIds;
    }

    public int Position => _base + _bytes.Count;

    public byte[] ToArray() => _bytes.ToArray();

    public void Byte(byte b) => _bytes.Add(b);

    public void U16(ushort v) => _bytes.AddRange(BitConverter.GetBytes(v));

    public void U32(uint v) => _bytes.AddRange(BitConverter.GetBytes(v));

    public void Bytes(ReadOnlySpan<byte> b) => _bytes.AddRange(b.ToArray());

    public void FragmentHeader() => Bytes([0x0F, 0x01, 0x01, 0x00]);

    public void Name(string name)
    {
        if (_names.TryGetValue(name, out var offset))
        {
            U32((uint)offset);
            return;
        }

        var at = Position + 4;
        _names[name] = at;
        U32((uint)at);
        U32(0); // next string in the hash chain
        U16(0); // hash (not checked by readers)
        U16((ushort)name.Length);
        Bytes(Encoding.Unicode.GetBytes(name));
        U16(0);
    }

    public void Element(TestElement element)
    {
        var start = _bytes.Count;
        Byte((byte)(element.Attributes.Length > 0 ? 0x41 : 0x01));
        if (_dependencyIds)
            U16(0xFFFF);
        var sizeAt = _bytes.Count;
        U32(0);
        Name(element.Name);
        if (element.Attributes.Length > 0)
        {
            var listAt = _bytes.Count;
            U32(0);
            for (var i = 0; i < element.Attributes.Length; i++)
            {
                Byte((byte)(i + 1 < element.Attributes.Length ? 0x46 : 0x06));
                Name(element.Attributes[i].Name);
                Content(element.Attributes[i].Value);
            }

            Patch(listAt, _bytes.Count - listAt - 4);
        }

        if (element.Children.Length == 0)
            Byte(0x03);
        else
        {
            Byte(0x02);
            foreach (var child in element.Children)
                Content(child);
            Byte(0x04);
        }

        Patch(sizeAt, _bytes.Count - sizeAt - 4);
        _ = start;
    }

    private void Content(TestNode node)
    {
        switch (node)
        {
            case TestElement e:
                Element(e);
                break;
            case TestText t:
                Byte(0x05);
                Byte(0x01);
                U16((ushort)t.Value.Length);
                Bytes(Encoding.Unicode.GetBytes(t.Value));
                break;
            case TestSubstitution s:
                Byte((byte)(s.Optional ? 0x0E : 0x0D));
                U16(s.Id);
                Byte((byte)s.Type);
                break;
        }
    }

    private void Patch(int at, int value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, value);
        for (var i = 0; i < 4; i++)
            _bytes[at + i] = b[i];
    }
}
