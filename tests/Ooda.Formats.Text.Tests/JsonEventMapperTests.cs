using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using Ooda.Core;
using Ooda.Formats.Text.Tests.Reference;
using Ooda.Testing;

namespace Ooda.Formats.Text.Tests;

/// <summary>
/// Differential tests of the streaming mapper behind <see cref="WindowsJsonEventParser"/> against the JsonDocument
/// pipeline it replaced (kept verbatim under Reference/): same events, same fields in the same order, same diagnostics.
/// </summary>
public sealed class JsonEventMapperTests
{
    private static readonly WindowsJsonEventParser _parser = new();
    private static readonly ReferenceJsonEventParser _reference = new();

    private static readonly string[] _keys =
    [
        "Event", "System", "EventData", "UserData", "Data", "#text", "#attributes", "Name", "Provider", "EventID",
        "Channel", "TimeCreated", "SystemTime", "Execution", "ProcessID", "ThreadID", "Security", "UserID", "Guid",
        "EventRecordID", "Level", "Correlation", "ActivityID", "Computer", "a", "b", "C", "\\u0023text", "Ev\\u0065nt",
        "@timestamp", "process", "tags", "CommandLine", "\\u00e9t\\u00e9",
    ];

    private static readonly string[] _strings =
    [
        "x", "", "-", "C:\\\\Windows\\\\System32\\\\cmd.exe", "caf\\u00e9 \\ud83d\\ude00", "café", "2024-01-01T00:00:00Z",
        "2021-03-03T07:00:00+01:00", "2025-10-22T20:33:27.276702Z", "not a time", "4624", "\\\"quoted\\\"", "0x8000000000000000",
        "Microsoft-Windows-Sysmon/Operational", "a\\tb\\n",
    ];

    private static readonly string[] _numbers = ["1", "1.50", "-3", "1e5", "0", "4624", "2147483648", "256875"];

    [Fact]
    public void Maps_the_golden_forms_exactly_as_the_document_mapper_did()
    {
        var golden = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Golden", "windows-event-forms.jsonl"));
        AssertSameAsReference(golden, "golden");
    }

    [SkippableFact]
    public void Maps_every_sigma_regression_file_exactly_as_the_document_mapper_did()
    {
        foreach (var file in CorpusFiles())
            AssertSameAsReference(File.ReadAllBytes(file), file);
    }

    [SkippableFact]
    public void Maps_the_sigma_regression_events_as_json_lines_and_as_an_array_exactly_as_the_document_mapper_did()
    {
        var lines = new List<string>();
        foreach (var file in CorpusFiles())
        {
            var bytes = File.ReadAllBytes(file);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
            while (JsonDocument.TryParseValue(ref reader, out var document))
            {
                using (document)
                    lines.Add(Compact(document.RootElement, relaxed: lines.Count % 2 == 0));
            }
        }

        Assert.NotEmpty(lines);
        AssertSameAsReference(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"), "corpus as JSON lines");
        AssertSameAsReference(Encoding.UTF8.GetBytes(string.Join("\r\n", lines)), "corpus as CRLF lines, no final newline");
        AssertSameAsReference(Encoding.UTF8.GetBytes("[\n" + string.Join(",\n", lines) + "\n]\n"), "corpus as an array");
    }

    [Fact]
    public void Maps_the_measurement_lines_exactly_as_the_document_mapper_did() =>
        AssertSameAsReference(WindowsJsonLineGenerator.Lines(300, seed: 7), "generated Sysmon/4624 lines");

    [Fact]
    public void Maps_generated_odd_shapes_exactly_as_the_document_mapper_did()
    {
        // Duplicate keys, #text/#attributes in every position, nested and mixed arrays, escaped names, nulls, non-objects.
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var documents = Enumerable.Range(0, 8).Select(_ => Document(random)).ToList();
            AssertSameAsReference(Encoding.UTF8.GetBytes(string.Join('\n', documents) + "\n"), "lines, seed " + seed);
            AssertSameAsReference(Encoding.UTF8.GetBytes(string.Join("\n", documents.Select(Pretty))), "pretty, seed " + seed);
        }, iter: 1500, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Maps_mutated_input_exactly_as_the_document_mapper_did()
    {
        var random = new Random(5);
        var seedText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "windows-event-forms.jsonl"))
            + string.Join('\n', Enumerable.Range(0, 6).Select(_ => Document(random))) + "\n";
        var seed = Encoding.UTF8.GetBytes(seedText);
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Int[0, 40], Gen.Byte.Array[0, 8])
            .Select((at, cut, insert) => seed.AsSpan(0, at).ToArray().Concat(insert).Concat(seed.AsSpan(Math.Min(seed.Length, at + cut)).ToArray()).ToArray())
            .Sample(bytes => AssertSameAsReference(bytes, "mutation"), iter: 1500, seed: "0N0XIzNsQ0O2");
    }

    [Theory]
    [InlineData("{\"a\":\"\\uD800\"}", "missing low surrogate")]
    [InlineData("{\"Event\":{\"System\":{},\"EventData\":{\"x\":\"\\uDC00\"}}}", "Invalid surrogate value")]
    [InlineData("{\"Event\":{\"\\uD800\":1,\"System\":{}}}", "missing low surrogate")]
    public void Reports_a_lone_surrogate_escape_as_malformed_where_the_document_mapper_threw_or_ignored_it(string line, string reason)
    {
        // The one intended difference: the old mapper threw InvalidOperationException out of Parse (or, for a name
        // it only compared, let it pass); now the object is skipped with a diagnostic and parsing goes on.
        var (events, diagnostics) = ParserHarness.Run(_parser, line + "\n{\"EventID\":2}\n");
        Assert.Equal(2, Assert.Single(events).EventId);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("1", diagnostic.Location);
        Assert.StartsWith("malformed JSON (Cannot read", diagnostic.Message, StringComparison.Ordinal);
        _ = reason;
    }

    [Fact]
    public void Reports_a_syntax_error_after_a_lone_surrogate_as_the_document_mapper_did() =>
        AssertSameAsReference("{\"a\":\"\\uD800\",,}\n"u8.ToArray(), "surrogate then syntax error");

    private static IEnumerable<string> CorpusFiles()
    {
        var files = Directory.GetFiles(Corpus.Require("sigma/regression_data"), "*.json", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private static void AssertSameAsReference(byte[] input, string what)
    {
        var actual = Render(_parser, input);
        (List<string> Events, List<string> Diagnostics) expected;
        try
        {
            expected = Render(_reference, input);
        }
        catch (InvalidOperationException)
        {
            // The old mapper threw on a lone surrogate escape (a mutation can make one); the new one reports it.
            Assert.Contains(actual.Diagnostics, d => d.Contains("UTF-16", StringComparison.Ordinal));
            return;
        }

        if (actual.Diagnostics.Any(d => d.Contains("UTF-16 JSON text", StringComparison.Ordinal))
            && !expected.Diagnostics.Any(d => d.Contains("UTF-16 JSON text", StringComparison.Ordinal)))
            return; // a lone surrogate in a name the old mapper only compared: it let that pass, the new one reports it

        Assert.True(expected.Diagnostics.SequenceEqual(actual.Diagnostics),
            $"{what}: diagnostics differ\nexpected:\n{string.Join('\n', expected.Diagnostics)}\nactual:\n{string.Join('\n', actual.Diagnostics)}");
        Assert.Equal(expected.Events.Count, actual.Events.Count);
        for (var i = 0; i < expected.Events.Count; i++)
            Assert.True(expected.Events[i] == actual.Events[i], $"{what}: event {i} differs\nexpected:\n{expected.Events[i]}\nactual:\n{actual.Events[i]}");
    }

    private static (List<string> Events, List<string> Diagnostics) Render(IEvidenceParser parser, byte[] input)
    {
        var (events, diagnostics) = ParserHarness.Run(parser, input);
        return (events.Select(Render).ToList(), diagnostics.Select(d => $"{d} [{d.Severity}]").ToList());
    }

    private static string Render(EvidenceEvent e)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{e.Timestamp.Ticks} {e.Timestamp.Kind} {e.Tenant} {e.Host} {e.Kind} channel={e.Channel ?? "(null)"} provider={e.Provider ?? "(null)"}")
            .Append(CultureInfo.InvariantCulture, $" id={e.EventId?.ToString(CultureInfo.InvariantCulture) ?? "(null)"} record={e.RecordId?.ToString(CultureInfo.InvariantCulture) ?? "(null)"} at {e.Provenance} offset {e.Provenance.Offset}\n");
        foreach (var (name, value) in e.Fields)
            text.Append(name).Append('=').Append(value).Append('\n');
        return text.ToString();
    }

    private static string Compact(JsonElement element, bool relaxed)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = relaxed ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : null }))
            element.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Pretty(string line) =>
        line.Replace(",\"", ",\n  \"", StringComparison.Ordinal).Replace("{\"", "{\n\"", StringComparison.Ordinal);

    /// <summary>A random object: mostly evtx-shaped skeletons with random parts, sometimes free-form.</summary>
    private static string Document(Random random)
    {
        var text = new StringBuilder();
        if (random.Next(4) == 0)
        {
            Value(text, random, 4, forceObject: true);
            return text.ToString();
        }

        text.Append("{\"Event\":{");
        var parts = new List<Action>
        {
            () =>
            {
                text.Append("\"System\":");
                if (random.Next(10) == 0)
                    Value(text, random, 2, forceObject: false);
                else
                    SystemObject(text, random);
            },
            () => { text.Append("\"EventData\":"); Value(text, random, 4, forceObject: random.Next(2) == 0); },
        };
        if (random.Next(3) == 0)
            parts.Add(() => { text.Append("\"UserData\":"); Value(text, random, 4, forceObject: true); });
        if (random.Next(4) == 0)
            parts.Add(() => { text.Append("\"#attributes\":{\"xmlns\":\"http://schemas.microsoft.com/win/2004/08/events/event\"}"); });
        if (random.Next(6) == 0)
            parts.Add(parts[random.Next(parts.Count)]);
        foreach (var (part, index) in parts.OrderBy(_ => random.Next()).Select((p, i) => (p, i)))
        {
            if (index > 0)
                text.Append(',');
            part();
        }

        text.Append('}');
        if (random.Next(8) == 0)
        {
            text.Append(",\"Event\":");
            Value(text, random, 2, forceObject: random.Next(2) == 0);
        }

        if (random.Next(8) == 0)
        {
            text.Append(",\"other\":");
            Value(text, random, 2, forceObject: false);
        }

        return text.Append('}').ToString();
    }

    private static void SystemObject(StringBuilder text, Random random)
    {
        string[] system =
        [
            "\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Sysmon\",\"Guid\":\"5770385F\"}}",
            "\"EventID\":" + (random.Next(3) == 0 ? "{\"#text\":4624,\"#attributes\":{\"Qualifiers\":0}}" : "1"),
            "\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"" + _strings[random.Next(6, 10)] + "\"}}",
            "\"EventRecordID\":256875", "\"Channel\":\"Security\"", "\"Computer\":\"ws-01\"", "\"Level\":4",
            "\"Execution\":{\"#attributes\":{\"ProcessID\":3168,\"ThreadID\":4580}}",
            "\"Security\":" + (random.Next(2) == 0 ? "null" : "{\"#attributes\":{\"UserID\":\"S-1-5-18\"}}"),
            "\"Correlation\":{\"ActivityID\":\"8E521E2B\"}",
        ];
        text.Append('{');
        var count = 0;
        foreach (var item in system.Where(_ => random.Next(5) != 0))
        {
            if (count++ > 0)
                text.Append(',');
            text.Append(item);
        }

        for (var extra = random.Next(3); extra > 0; extra--)
        {
            if (count++ > 0)
                text.Append(',');
            text.Append('"').Append(_keys[random.Next(_keys.Length)]).Append("\":");
            Value(text, random, 2, forceObject: false);
        }

        text.Append('}');
    }

    private static void Value(StringBuilder text, Random random, int depth, bool forceObject)
    {
        var kind = forceObject ? 0 : random.Next(depth > 0 ? 10 : 6);
        switch (kind)
        {
            case 0 or 6 or 7:
                text.Append('{');
                for (var i = random.Next(forceObject ? 1 : 0, 5); i > 0; i--)
                {
                    text.Append('"').Append(_keys[random.Next(_keys.Length)]).Append("\":");
                    if (depth > 0)
                        Value(text, random, depth - 1, forceObject: false);
                    else
                        Primitive(text, random);
                    if (i > 1)
                        text.Append(',');
                }

                text.Append('}');
                break;
            case 1 or 8:
                text.Append('[');
                for (var i = random.Next(0, 4); i > 0; i--)
                {
                    Value(text, random, Math.Max(0, depth - 1), forceObject: false);
                    if (i > 1)
                        text.Append(',');
                }

                text.Append(']');
                break;
            default:
                Primitive(text, random);
                break;
        }
    }

    private static void Primitive(StringBuilder text, Random random)
    {
        switch (random.Next(6))
        {
            case 0 or 1 or 2:
                text.Append('"').Append(_strings[random.Next(_strings.Length)]).Append('"');
                break;
            case 3:
                text.Append(_numbers[random.Next(_numbers.Length)]);
                break;
            case 4:
                text.Append(random.Next(2) == 0 ? "true" : "false");
                break;
            default:
                text.Append("null");
                break;
        }
    }
}
