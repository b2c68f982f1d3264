using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Ooda.Core;
using Ooda.Formats.Text.Internal;

namespace Ooda.Formats.Text.Tests.Reference;

/// <summary>
/// Test oracle: the JsonDocument-based parser as it was before the streaming rewrite, kept verbatim for the
/// differential tests.
/// Windows events rendered as JSON — the evtx-crate / Hayabusa / SigmaHQ <c>regression_data</c> shape
/// <c>{"Event":{"System":…,"EventData":…}}</c> — and flat JSON events, in any framing: one pretty-printed object,
/// several concatenated, JSON lines, or one top-level array (streamed element by element).
/// </summary>
internal sealed class ReferenceJsonEventParser(TextParserOptions? options = null) : IEvidenceParser
{
    public const string FormatName = "json-events";

    /// <summary>Deepest nesting accepted in one event.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions _documentOptions = new() { MaxDepth = MaxDepth };

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
        using var framer = new ReferenceJsonValueFramer(stream, context, _options.MaxJsonValueLength);
        var reportedInvalidUtf8 = false;
        while (framer.Read())
        {
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

            var evidence = MapValue(value, framer, context);
            if (evidence is not null)
                yield return evidence;
        }
    }

    private static EvidenceEvent? MapValue(ReadOnlyMemory<byte> value, ReferenceJsonValueFramer framer, ParseContext context)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(value, _documentOptions);
        }
        catch (JsonException ex)
        {
            framer.Report($"malformed JSON ({FirstSentence(ex.Message)}), skipped");
            return null;
        }

        using (document)
        {
            var provenance = context.AtLine(framer.ValueLine, framer.ValueOffset);
            void Warn(string message) => context.ReportLine(framer.ValueLine, message, DiagnosticSeverity.Warning);
            return ReferenceWindowsEventMapper.IsWindowsEvent(document.RootElement, out var evt)
                ? ReferenceWindowsEventMapper.Map(evt, context, provenance, Warn)
                : ReferenceFlatJsonMapper.Map(document.RootElement, context, provenance, Warn);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
