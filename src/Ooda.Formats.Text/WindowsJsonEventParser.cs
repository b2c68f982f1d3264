using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Ooda.Core;
using Ooda.Formats.Text.Internal;

namespace Ooda.Formats.Text;

/// <summary>
/// Windows events rendered as JSON — the evtx-crate / Hayabusa / SigmaHQ <c>regression_data</c> shape
/// <c>{"Event":{"System":…,"EventData":…}}</c> — and flat JSON events, in any framing: one pretty-printed object,
/// several concatenated, JSON lines, or one top-level array (streamed element by element).
/// </summary>
public sealed class WindowsJsonEventParser(TextParserOptions? options = null) : IEvidenceParser
{
    public const string FormatName = "json-events";

    /// <summary>Deepest nesting accepted in one event.</summary>
    public const int MaxDepth = 64;

    private readonly TextParserOptions _options = options ?? TextParserOptions.Default;

    public string Format => FormatName;

    /// <summary>True when the head, after a BOM and whitespace, starts with <c>{</c> or <c>[</c>.</summary>
    public bool CanParse(ReadOnlySpan<byte> head)
    {
        var text = TextEncodingSniffer.HeadAsUtf8(head).TrimStart(" \t\r\n"u8);
        return !text.IsEmpty && text[0] is (byte)'{' or (byte)'[';
    }

    public IEnumerable<EvidenceEvent> Parse(Stream stream, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(context);
        return ParseValues(stream, context);
    }

    private IEnumerable<EvidenceEvent> ParseValues(Stream stream, ParseContext context)
    {
        using var framer = new JsonValueFramer(stream, context, _options.MaxJsonValueLength);
        var mapper = new JsonEventMapper();
        var reportedInvalidUtf8 = false;
        while (framer.Read())
        {
            EvidenceEvent? evidence;
            if (framer.ValueIsWholeLine)
            {
                // A JSON line taken without the framer's scan: if it is not exactly one valid object, let the scan decide.
                evidence = MapLine(mapper, framer, context);
                if (evidence is null)
                {
                    framer.RefuseLine();
                    continue;
                }

                yield return evidence;
                continue;
            }

            var value = framer.Value;
            if (!Utf8.IsValid(value.Span))
            {
                if (!reportedInvalidUtf8)
                {
                    reportedInvalidUtf8 = true;
                    framer.Report("invalid UTF-8 (first here); decoded with replacement characters", DiagnosticSeverity.Warning);
                }

                value = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(value.Span));
            }

            evidence = MapValue(mapper, value.Span, framer, context);
            if (evidence is not null)
                yield return evidence;
        }
    }

    private static EvidenceEvent? MapLine(JsonEventMapper mapper, JsonValueFramer framer, ParseContext context)
    {
        try
        {
            return mapper.Map(framer.Value.Span, context, framer.ValueLine, framer.ValueOffset);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static EvidenceEvent? MapValue(JsonEventMapper mapper, ReadOnlySpan<byte> value, JsonValueFramer framer, ParseContext context)
    {
        try
        {
            return mapper.Map(value, context, framer.ValueLine, framer.ValueOffset);
        }
        catch (JsonException ex)
        {
            framer.Report($"malformed JSON ({FirstSentence(ex.Message)}), skipped");
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
