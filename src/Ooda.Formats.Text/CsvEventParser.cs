using System.Globalization;
using System.Text;
using Ooda.Core;
using Ooda.Formats.Text.Internal;

namespace Ooda.Formats.Text;

/// <summary>
/// A generic CSV export with a header row (e.g. an Event Viewer "Save as CSV" of MSExchange Management):
/// one event per record, fields named by the header, quoted values may span lines. Times are taken as UTC.
/// </summary>
public sealed class CsvEventParser(TextParserOptions? options = null) : IEvidenceParser
{
    public const string FormatName = "csv";

    private const int MinimumColumns = 3;
    private static readonly string[] _timeColumns = ["TimeCreated", "Date and Time", "DateTime", "Timestamp", "@timestamp", "date-time", "TimeGenerated", "UtcTime"];
    private static readonly string[] _eventIdColumns = ["Event ID", "EventID", "EventId", "Id"];
    private static readonly string[] _providerColumns = ["Source", "ProviderName", "Provider", "Provider_Name"];
    private static readonly string[] _channelColumns = ["LogName", "Log Name", "Channel"];

    private readonly TextParserOptions _options = options ?? TextParserOptions.Default;

    public string Format => FormatName;

    /// <summary>True when the first line splits into at least three CSV columns and one of them is named like a time.</summary>
    public bool CanParse(ReadOnlySpan<byte> head)
    {
        var text = TextEncodingSniffer.HeadAsUtf8(head);
        var newline = text.IndexOf((byte)'\n');
        if (newline < 0 && text.Length >= 4096)
            return false;
        var firstLine = LineReader.Decode(newline < 0 ? text : text[..newline]).TrimEnd('\r');
        if (firstLine.Length == 0 || firstLine[0] is '#' or '{' or '[')
            return false;
        var columns = new List<string>();
        return CsvSplitter.TrySplit(firstLine, columns) && columns.Count >= MinimumColumns
            && IndexOf(columns, _timeColumns) >= 0;
    }

    public IEnumerable<EvidenceEvent> Parse(Stream stream, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(context);
        return ParseRecords(stream, context);
    }

    private IEnumerable<EvidenceEvent> ParseRecords(Stream stream, ParseContext context)
    {
        using var reader = new LineReader(stream, context, _options.MaxLineLength);
        string[]? names = null;
        int timeIndex = -1, eventIdIndex = -1, providerIndex = -1, channelIndex = -1;
        var values = new List<string>();
        var record = new StringBuilder();
        var pendingRecord = false;
        while (true)
        {
            if (!pendingRecord && !reader.ReadLine())
                yield break;
            pendingRecord = false;
            var line = LineReader.Decode(reader.Line);
            if (line.Length == 0)
                continue;

            var firstLine = reader.LineNumber;
            var offset = reader.Offset;
            var complete = CsvSplitter.TrySplit(line, values);
            if (!complete)
            {
                // A quoted value may hold line breaks (event messages do): join lines until the quote closes.
                record.Clear().Append(line);
                for (var extra = 1; !complete && extra < _options.MaxCsvRecordLines && record.Length <= _options.MaxLineLength; extra++)
                {
                    if (!reader.ReadLine())
                        break;
                    record.Append('\n').Append(LineReader.Decode(reader.Line));
                    complete = CsvSplitter.TrySplit(record.ToString(), values);
                }

                if (!complete)
                {
                    context.ReportLine(firstLine, "quoted value not closed, record skipped");
                    continue;
                }
            }

            if (names is null)
            {
                names = [.. values.Select(v => v.Trim())];
                timeIndex = IndexOf(names, _timeColumns);
                eventIdIndex = IndexOf(names, _eventIdColumns);
                providerIndex = IndexOf(names, _providerColumns);
                channelIndex = IndexOf(names, _channelColumns);
                continue;
            }

            if (values.Count != names.Length)
            {
                context.ReportLine(firstLine, $"{values.Count} values but the header has {names.Length}, skipped");
                continue;
            }

            var fields = new EventFields(names.Length);
            for (var i = 0; i < names.Length; i++)
            {
                if (values[i].Length > 0 && names[i].Length > 0)
                    fields.TryAdd(names[i], values[i]);
            }

            var timestamp = Timestamps.None;
            if (timeIndex >= 0 && !Timestamps.TryParseUtc(values[timeIndex], out timestamp))
                context.ReportLine(firstLine, $"unreadable {names[timeIndex]}; event kept without a time", DiagnosticSeverity.Warning);

            yield return new EvidenceEvent
            {
                Timestamp = timestamp,
                Tenant = context.Source.Tenant,
                Host = context.Source.Host,
                Kind = SourceKind.Csv,
                Channel = Value(values, channelIndex),
                Provider = Value(values, providerIndex),
                EventId = int.TryParse(Value(values, eventIdIndex), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null,
                Fields = fields,
                Provenance = context.AtLine(firstLine, offset),
            };
        }
    }

    private static string? Value(List<string> values, int index) => index >= 0 && values[index].Length > 0 ? values[index] : null;

    private static int IndexOf(IReadOnlyList<string> names, string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (names[i].Trim().Equals(candidate, StringComparison.OrdinalIgnoreCase))
                    return i;
            }
        }

        return -1;
    }
}
