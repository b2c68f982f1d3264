using Ooda.Formats.Evtx.Tests.Writer;

namespace Ooda.Formats.Evtx.Tests.Support;

/// <summary>Small EVTX files made by the test writer, plus reading helpers.</summary>
internal static class TestFiles
{
    public static readonly string[] DataNames = ["User", "Count"];

    /// <summary>A file of standard records with ids 1..count.</summary>
    public static (byte[] File, EvtxTestWriter Writer) Standard(int count, int firstId = 1)
    {
        var writer = new EvtxTestWriter();
        for (var i = 0; i < count; i++)
        {
            var id = (ulong)(firstId + i);
            writer.Add(EvtxTestWriter.StandardEvent(id, (ushort)(4000 + (i % 7)), DataNames, TestValue.String($"user{id}"), TestValue.String(new string('x', (int)(id % 50)))));
        }

        return (writer.ToArray(), writer);
    }

    /// <summary>
    /// Records of every value type and rendering shape: each scalar type, empty and padded strings, optional values left out,
    /// repeated element names, unnamed data, one- and many-item arrays (in children, attributes, parents and children, several
    /// in one element, in the root), nested Binary XML and a static-only template.
    /// </summary>
    public static byte[] EveryShape()
    {
        var guid = new Guid("5770385f-c22a-43e0-bf4c-06f5698ffbd9");
        TestValue[] scalars =
        [
            TestValue.String("padded  "), TestValue.String(string.Empty), TestValue.String("quote\" back\\ tab\t ctl\u0001 é 😀 \ud800"),
            TestValue.Ansi("ansi\u00e9"), TestValue.Int8(-5), TestValue.UInt8(200), TestValue.Int16(-300), TestValue.UInt16(60000),
            TestValue.Int32(-70000), TestValue.UInt32(4000000000), TestValue.Int64(-5000000000), TestValue.UInt64(ulong.MaxValue),
            TestValue.Real32(1.5f), TestValue.Real64(2.25), TestValue.Bool(true), TestValue.Binary(0x01, 0xAB), TestValue.Guid(guid),
            TestValue.SizeT(0x1234), TestValue.FileTime(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)), TestValue.SystemTime(new DateTime(2024, 1, 2, 3, 4, 5, 678)),
            TestValue.Sid("S-1-5-21-1-2-3-500"), TestValue.HexInt32(0xABC), TestValue.HexInt64(0x8000000000000000), TestValue.Null,
            TestValue.Array(TestValue.Int32(7)),
        ];
        var named = scalars.Select((v, i) => (TestNode)TestNode.Element("Data", TestNode.Sub((ushort)i, v.Type)).Attr("Name", TestNode.Text($"V{i}")));
        var optional = scalars.Select((v, i) => (TestNode)TestNode.Element("Data", TestNode.Sub((ushort)i, v.Type, optional: true)).Attr("Name", TestNode.Text($"O{i}")));
        var system = TestNode.Element("System",
            TestNode.Element("Provider").Attr("Name", TestNode.Sub(0, EvtxValueType.String)).Attr("Guid", TestNode.Sub(16, EvtxValueType.Guid)),
            TestNode.Element("EventID", TestNode.Sub(8, EvtxValueType.Int32)),
            TestNode.Element("Keywords", TestNode.Sub(22, EvtxValueType.HexInt64)),
            TestNode.Element("Empty").Attr("Gone", TestNode.Sub(23, EvtxValueType.Null, optional: true)),
            TestNode.Element("Level", TestNode.Text("4")),
            TestNode.Element("Level", TestNode.Sub(5, EvtxValueType.UInt8)),
            TestNode.Element("Mixed", TestNode.Text("a "), TestNode.Sub(4, EvtxValueType.Int8), TestNode.Element("Inner")).Attr("At", TestNode.Sub(1, EvtxValueType.String)),
            TestNode.Element("Count", TestNode.Sub(4, EvtxValueType.Int8)).Attr("Unit", TestNode.Text("items")));
        var everything = TestNode.Element("Event", system, TestNode.Element("EventData", [.. named, .. optional]))
            .Attr("xmlns", TestNode.Text("http://schemas.microsoft.com/win/2004/08/events/event"));
        var unnamed = TestNode.Element("Event", TestNode.Element("EventData",
            TestNode.Element("Data", TestNode.Sub(0, EvtxValueType.String)), TestNode.Element("Data", TestNode.Sub(1, EvtxValueType.UInt32)), TestNode.Element("Binary", TestNode.Sub(2, EvtxValueType.Binary))));
        var single = TestNode.Element("Event", TestNode.Element("EventData", TestNode.Element("Data", TestNode.Sub(0, EvtxValueType.String))));
        var array = TestNode.Element("Event", TestNode.Element("EventData", TestNode.Element("Data", TestNode.Sub(0, EvtxValueType.StringArray)).Attr("Name", TestNode.Text("List"))));
        var nested = TestNode.Element("Event", TestNode.Element("UserData", TestNode.Sub(0, EvtxValueType.BinXml)));
        // Each element holding a many-item array repeats once per item: in children, attributes, repeated names, parent and child.
        var arrays = TestNode.Element("Event",
            TestNode.Element("System", TestNode.Element("Tag", TestNode.Sub(0, EvtxValueType.StringArray)), TestNode.Element("Tag", TestNode.Text("fixed"))),
            TestNode.Element("EventData",
                TestNode.Element("Data", TestNode.Sub(0, EvtxValueType.StringArray)).Attr("Name", TestNode.Text("Strings")),
                TestNode.Element("Data", TestNode.Sub(1, EvtxValueType.UInt32Array)).Attr("Name", TestNode.Text("Numbers")),
                TestNode.Element("Data", TestNode.Text("at")).Attr("Name", TestNode.Sub(0, EvtxValueType.StringArray)),
                TestNode.Element("Item").Attr("Value", TestNode.Sub(2, EvtxValueType.AnsiStringArray)).Attr("Kind", TestNode.Text("ansi")),
                TestNode.Element("Outer", TestNode.Sub(1, EvtxValueType.UInt32Array), TestNode.Element("Inner", TestNode.Sub(0, EvtxValueType.StringArray)))));
        // Shapes the views leave to the tree: two arrays in one element (every combination repeats) and an array in the root.
        var arrayPairs = TestNode.Element("Event", TestNode.Element("EventData",
            TestNode.Element("Pair", TestNode.Sub(0, EvtxValueType.StringArray), TestNode.Sub(1, EvtxValueType.StringArray))));
        var rootArray = TestNode.Element("Event", TestNode.Sub(0, EvtxValueType.StringArray));
        var constant = TestNode.Element("Event", TestNode.Element("System", TestNode.Element("EventID", TestNode.Text("1"))));
        var inner = TestValue.BinXml(offset =>
        {
            var b = new BinXmlBuilder(offset, [], dependencyIds: false);
            b.FragmentHeader();
            b.Element(TestNode.Element("Inner", TestNode.Text("text")).Attr("kind", TestNode.Text("x")));
            b.Byte(0);
            return b.ToArray();
        });

        var writer = new EvtxTestWriter();
        ulong id = 1;
        for (var round = 0; round < 40; round++)
        {
            writer.Add(new TestEvent(id++, DateTime.UnixEpoch, everything, scalars, Guid.Parse("00000000-0000-0000-0000-000000000001")));
            writer.Add(new TestEvent(id++, DateTime.UnixEpoch, unnamed, [TestValue.String("first  "), TestValue.UInt32(2), TestValue.Binary(1, 2)], Guid.Parse("00000000-0000-0000-0000-000000000002")));
            writer.Add(new TestEvent(id++, DateTime.UnixEpoch, single, [TestValue.String(round % 2 == 0 ? "only" : string.Empty)], Guid.Parse("00000000-0000-0000-0000-000000000003")));
            writer.Add(new TestEvent(id++, DateTime.UnixEpoch, array, [round % 2 == 0 ? TestValue.StringArray("a", "b", "c") : TestValue.StringArray("one")], Guid.Parse("00000000-0000-0000-0000-000000000004")));
            writer.Add(new TestEvent(id++, DateTime.UnixEpoch, nested, [inner], Guid.Parse("00000000-0000-0000-0000-000000000005")));
            writer.Add(new TestEvent(id++, DateTime.UnixEpoch, constant, [], Guid.Parse("00000000-0000-0000-0000-000000000006")));
            TestValue[] arrayValues = round % 2 == 0
                ? [TestValue.StringArray("a", string.Empty, "c  "), TestValue.Array(TestValue.UInt32(1), TestValue.UInt32(2)), TestValue.AnsiArray("p", string.Empty, "  ")]
                : [TestValue.StringArray("one"), TestValue.Array(TestValue.UInt32(3)), TestValue.AnsiArray("q", "r")];
            writer.Add(new TestEvent(id++, DateTime.UnixEpoch, arrays, arrayValues, Guid.Parse("00000000-0000-0000-0000-000000000007")));
            writer.Add(new TestEvent(id++, DateTime.UnixEpoch, arrayPairs, [TestValue.StringArray("x", "y"), TestValue.StringArray("1", "2", "3")], Guid.Parse("00000000-0000-0000-0000-000000000008")));
            writer.Add(new TestEvent(id++, DateTime.UnixEpoch, rootArray, [TestValue.StringArray("r1", "r2")], Guid.Parse("00000000-0000-0000-0000-000000000009")));
        }

        return writer.ToArray();
    }

    public static (List<EvtxRecord> Records, List<EvtxDiagnostic> Diagnostics) Read(byte[] file, bool recover = false, int parallelism = 1)
    {
        var diagnostics = new List<EvtxDiagnostic>();
        using var evtx = EvtxFile.Open(new MemoryStream(file), new EvtxOptions { Recover = recover, MaxDegreeOfParallelism = parallelism, OnDiagnostic = diagnostics.Add });
        return (evtx.ReadRecords().ToList(), diagnostics);
    }
}
