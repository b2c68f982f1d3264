using System.Text.Json;
using Ooda.Formats.Evtx.Tests.Support;
using Ooda.Formats.Evtx.Tests.Writer;

namespace Ooda.Formats.Evtx.Tests;

/// <summary>Every substitution value type, written by the test writer and rendered as the crate's JSON and evtxexport's XML.</summary>
public sealed class ValueTypeTests
{
    private static readonly Guid _guid = new("5770385f-c22a-43e0-bf4c-06f5698ffbd9");

    public static TheoryData<string, TestValue, string, string> Scalars => new()
    {
        { "String", TestValue.String("padded  "), "\"padded\"", "padded  " },
        { "Ansi", TestValue.Ansi("ansi\u00e9"), "\"ansi\u00e9\"", "ansi\u00e9" },
        { "Int8", TestValue.Int8(-5), "-5", "-5" },
        { "UInt8", TestValue.UInt8(200), "200", "200" },
        { "Int16", TestValue.Int16(-300), "-300", "-300" },
        { "UInt16", TestValue.UInt16(60000), "60000", "60000" },
        { "Int32", TestValue.Int32(-70000), "-70000", "-70000" },
        { "UInt32", TestValue.UInt32(4000000000), "4000000000", "4000000000" },
        { "Int64", TestValue.Int64(-5000000000), "-5000000000", "-5000000000" },
        { "UInt64", TestValue.UInt64(ulong.MaxValue), "18446744073709551615", "18446744073709551615" },
        { "Real32", TestValue.Real32(1.5f), "\"1.5\"", "1.5" },
        { "Real64", TestValue.Real64(2.25), "\"2.25\"", "2.25" },
        { "Bool", TestValue.Bool(true), "true", "true" },
        { "Binary", TestValue.Binary(0x01, 0xAB), "\"01AB\"", "01AB" },
        { "Guid", TestValue.Guid(_guid), "\"5770385F-C22A-43E0-BF4C-06F5698FFBD9\"", "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}" },
        { "SizeT", TestValue.SizeT(0x1234), "\"0x1234\"", "0x0000000000001234" },
        { "FileTime", TestValue.FileTime(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567)), "\"2024-01-02T03:04:05.123456Z\"", "2024-01-02T03:04:05.123456700Z" },
        { "SystemTime", TestValue.SystemTime(new DateTime(2024, 1, 2, 3, 4, 5, 678)), "\"2024-01-02T03:04:05.678000Z\"", "2024-01-02T03:04:05.678000000Z" },
        { "Sid", TestValue.Sid("S-1-5-21-1-2-3-500"), "\"S-1-5-21-1-2-3-500\"", "S-1-5-21-1-2-3-500" },
        { "HexInt32", TestValue.HexInt32(0xABC), "\"0xabc\"", "0x00000abc" },
        { "HexInt64", TestValue.HexInt64(0x8000000000000000), "\"0x8000000000000000\"", "0x8000000000000000" },
        { "OneItemArray", TestValue.Array(TestValue.Int32(7)), "\"7\"", "7" },
        { "Null", TestValue.Null, "\"\"", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void A_value_renders_as_the_crate_json_and_evtxexport_xml_show_it(string name, TestValue value, string json, string xml)
    {
        var root = ReadOne(TestNode.Sub(0, value.Type), value);
        using var document = JsonDocument.Parse(EvtxJsonWriter.ToJson(root));
        var actual = document.RootElement.GetProperty("Event").GetProperty("EventData").GetProperty("V");
        Assert.Equal(JsonDocument.Parse(json).RootElement.GetRawText(), actual.GetRawText());
        var expectedXml = xml.Length == 0 ? "<Data Name=\"V\"/>" : $"<Data Name=\"V\">{xml}</Data>";
        Assert.Contains(expectedXml, EvtxXmlWriter.ToXml(root), StringComparison.Ordinal);
        Assert.NotNull(name);
    }

    [Theory]
    [InlineData("strings")]
    [InlineData("ints")]
    [InlineData("guids")]
    [InlineData("sids")]
    [InlineData("filetimes")]
    public void An_array_repeats_its_element_once_per_item(string kind)
    {
        var value = kind switch
        {
            "strings" => TestValue.StringArray("a", "b", "c"),
            "ints" => TestValue.Array(TestValue.Int32(1), TestValue.Int32(2), TestValue.Int32(3)),
            "guids" => TestValue.Array(TestValue.Guid(_guid), TestValue.Guid(Guid.Empty), TestValue.Guid(_guid)),
            "sids" => TestValue.Array(TestValue.Sid("S-1-5-18"), TestValue.Sid("S-1-5-32-544"), TestValue.Sid("S-1-1-0")),
            _ => TestValue.Array(TestValue.FileTime(DateTime.UnixEpoch), TestValue.FileTime(DateTime.UnixEpoch), TestValue.FileTime(DateTime.UnixEpoch)),
        };
        var root = ReadOne(TestNode.Sub(0, value.Type), value);
        var data = root.Element("EventData")!.Children.OfType<EvtxElement>().ToList();
        Assert.Equal(3, data.Count);
        Assert.All(data, d => Assert.Equal("Data", d.Name));
    }

    [Fact]
    public void Every_array_type_reads_without_loss()
    {
        TestValue[] arrays =
        [
            TestValue.StringArray("x", "y"), TestValue.AnsiArray("p", "q"),
            TestValue.Array(TestValue.Int8(1), TestValue.Int8(-1)), TestValue.Array(TestValue.UInt8(1), TestValue.UInt8(2)),
            TestValue.Array(TestValue.Int16(1), TestValue.Int16(2)), TestValue.Array(TestValue.UInt16(1), TestValue.UInt16(2)),
            TestValue.Array(TestValue.Int32(1), TestValue.Int32(2)), TestValue.Array(TestValue.UInt32(1), TestValue.UInt32(2)),
            TestValue.Array(TestValue.Int64(1), TestValue.Int64(2)), TestValue.Array(TestValue.UInt64(1), TestValue.UInt64(2)),
            TestValue.Array(TestValue.Real32(1), TestValue.Real32(2)), TestValue.Array(TestValue.Real64(1), TestValue.Real64(2)),
            TestValue.Array(TestValue.Bool(true), TestValue.Bool(false)), TestValue.Array(TestValue.Guid(_guid), TestValue.Guid(_guid)),
            TestValue.Array(TestValue.SizeT(1), TestValue.SizeT(2)), TestValue.Array(TestValue.FileTime(DateTime.UnixEpoch), TestValue.FileTime(DateTime.UnixEpoch)),
            TestValue.Array(TestValue.SystemTime(DateTime.UnixEpoch), TestValue.SystemTime(DateTime.UnixEpoch)),
            TestValue.Array(TestValue.Sid("S-1-5-18"), TestValue.Sid("S-1-5-19")),
            TestValue.Array(TestValue.HexInt32(1), TestValue.HexInt32(2)), TestValue.Array(TestValue.HexInt64(1), TestValue.HexInt64(2)),
        ];
        foreach (var array in arrays)
        {
            var root = ReadOne(TestNode.Sub(0, array.Type), array);
            Assert.Equal(2, root.Element("EventData")!.Children.Count);
        }
    }

    [Fact]
    public void A_nested_binary_xml_value_becomes_elements()
    {
        var nested = TestValue.BinXml(offset =>
        {
            var b = new BinXmlBuilder(offset, [], dependencyIds: false);
            b.FragmentHeader();
            b.Element(TestNode.Element("Inner", TestNode.Text("text")).Attr("kind", TestNode.Text("x")));
            b.Byte(0);
            return b.ToArray();
        });
        var template = TestNode.Element("Event", TestNode.Element("UserData", TestNode.Sub(0, EvtxValueType.BinXml)));
        var writer = new EvtxTestWriter();
        writer.Add(new TestEvent(1, DateTime.UnixEpoch, template, [nested], Guid.NewGuid()));
        var record = Assert.Single(TestFiles.Read(writer.ToArray()).Records);
        Assert.Equal("{\"Event\":{\"UserData\":{\"Inner\":{\"#attributes\":{\"kind\":\"x\"},\"#text\":\"text\"}}}}", EvtxJsonWriter.ToJson(record.Root, EvtxJsonOptions.Lines));
    }

    [Fact]
    public void Unnamed_data_items_become_one_data_text_array()
    {
        var template = TestNode.Element("Event", TestNode.Element("EventData",
            TestNode.Element("Data", TestNode.Sub(0, EvtxValueType.String)), TestNode.Element("Data", TestNode.Sub(1, EvtxValueType.UInt32))));
        var writer = new EvtxTestWriter();
        writer.Add(new TestEvent(1, DateTime.UnixEpoch, template, [TestValue.String("first"), TestValue.UInt32(2)], Guid.NewGuid()));
        var record = Assert.Single(TestFiles.Read(writer.ToArray()).Records);
        Assert.Equal("{\"Event\":{\"EventData\":{\"Data\":{\"#text\":[\"first\",2]}}}}", EvtxJsonWriter.ToJson(record.Root, EvtxJsonOptions.Lines));
    }

    private static EvtxElement ReadOne(TestNode substitution, TestValue value)
    {
        var template = TestNode.Element("Event", TestNode.Element("EventData", TestNode.Element("Data", substitution).Attr("Name", TestNode.Text("V"))));
        var writer = new EvtxTestWriter();
        writer.Add(new TestEvent(1, DateTime.UnixEpoch, template, [value], Guid.NewGuid()));
        var (records, diagnostics) = TestFiles.Read(writer.ToArray());
        Assert.Empty(diagnostics);
        return Assert.Single(records).Root;
    }
}
