using Ooda.Formats.Text.Tests.Reference;
using Xunit.Abstractions;

namespace Ooda.Formats.Text.Tests;

public sealed class ScratchEdge(ITestOutputHelper output)
{
    [Theory]
    [InlineData("{\"a\":\"\\uD800\"}")]
    [InlineData("{\"\\uD800\":1}")]
    [InlineData("{\"Event\":{\"System\":{},\"EventData\":{\"\\uD800\":\"x\"}}}")]
    [InlineData("{\"Event\":{\"System\":{},\"EventData\":{\"x\":\"\\uDC00\"}}}")]
    [InlineData("{\"Event\":{\"\\uD800\":1,\"System\":{}}}")]
    [InlineData("{\"a\":\"\\uD800\",,}")]
    public void Edge(string text)
    {
        foreach (var parser in new Ooda.Core.IEvidenceParser[] { new ReferenceJsonEventParser(), new WindowsJsonEventParser() })
        {
            try
            {
                var (events, diagnostics) = ParserHarness.Run(parser, text);
                output.WriteLine($"{parser.GetType().Name}: {events.Count} events [{string.Join(";", events.SelectMany(e => e.Fields).Select(f => f.Key + "=" + f.Value))}] diags: {string.Join(" | ", diagnostics)}");
            }
            catch (Exception ex)
            {
                output.WriteLine($"{parser.GetType().Name}: throws {ex.GetType().Name}: {ex.Message}");
            }
        }
    }
}

public sealed class ScratchCopy(ITestOutputHelper output)
{
    [Fact]
    public void Copy()
    {
        var json = System.Text.Encoding.UTF8.GetBytes("[\"\\uD800\",\"a\\\\b\\u00e9\\ud83d\\ude00\"]");
        var reader = new System.Text.Json.Utf8JsonReader(json);
        reader.Read();
        Span<byte> buffer = stackalloc byte[64];
        while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.String)
        {
            try { var n = reader.CopyString(buffer); output.WriteLine("copy ok " + Convert.ToHexString(buffer[..n])); }
            catch (Exception ex) { output.WriteLine("copy throws " + ex.GetType().Name + " " + ex.Message); }
        }
    }
}
