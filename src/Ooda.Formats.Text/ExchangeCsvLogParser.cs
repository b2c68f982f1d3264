using Ooda.Core;
using Ooda.Formats.Text.Internal;

namespace Ooda.Formats.Text;

/// <summary>
/// Exchange Server CSV logs (HttpProxy, ECP, OAB, EWS, MAPI, Autodiscover, RPC, ActiveSync, audit):
/// <c>#Software</c>/<c>#Version</c>/<c>#Log-type</c>/<c>#Date</c>/<c>#Fields</c> directives, then RFC 4180 records.
/// Field names are kept as declared (<c>UrlStem</c>, <c>AuthenticatedUser</c>, <c>ClientIpAddress</c>).
/// </summary>
public sealed class ExchangeCsvLogParser(TextParserOptions? options = null) : IEvidenceParser
{
    public const string FormatName = "exchange-log";

    private static ReadOnlySpan<byte> ExchangeSoftware => "#Software: Microsoft Exchange"u8;
    private static readonly string[] _timeFields = ["DateTime", "date-time", "TimeStamp", "Timestamp"];
    private static readonly string[] _logTypeSuffixes = [" Logs", " Log"];

    private readonly TextParserOptions _options = options ?? TextParserOptions.Default;

    public string Format => FormatName;

    /// <summary>True when the file starts (after a BOM) with <c>#Software: Microsoft Exchange</c>.</summary>
    public bool CanParse(ReadOnlySpan<byte> head) =>
        TextEncodingSniffer.HeadAsUtf8(head).StartsWith(ExchangeSoftware);

    public IEnumerable<EvidenceEvent> Parse(Stream stream, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(context);
        return ParseLines(stream, context);
    }

    private IEnumerable<EvidenceEvent> ParseLines(Stream stream, ParseContext context)
    {
        using var reader = new LineReader(stream, context, _options.MaxLineLength);
        string[]? names = null;
        var timeIndex = -1;
        var channel = "Exchange";
        var values = new List<string>();
        while (reader.ReadLine())
        {
            var line = LineReader.Decode(reader.Line);
            if (line.Length == 0)
                continue;
            if (line[0] == '#')
            {
                if (TryDirective(line, "Fields", out var declared))
                {
                    CsvSplitter.TrySplit(declared, values);
                    names = [.. values.Select(v => v.Trim())];
                    timeIndex = Array.FindIndex(names, n => _timeFields.Contains(n, StringComparer.OrdinalIgnoreCase));
                }
                else if (TryDirective(line, "Log-type", out var logType))
                {
                    channel = LogTypeChannel(logType);
                }

                continue;
            }

            if (names is null)
            {
                context.ReportLine(reader.LineNumber, "data line before any #Fields directive, skipped");
                continue;
            }

            if (!CsvSplitter.TrySplit(line, values))
            {
                context.ReportLine(reader.LineNumber, "quoted value not closed before the end of the line, skipped");
                continue;
            }

            if (values.Count != names.Length)
            {
                context.ReportLine(reader.LineNumber, $"{values.Count} values but #Fields declares {names.Length}, skipped");
                continue;
            }

            var fields = new EventFields(names.Length);
            for (var i = 0; i < names.Length; i++)
            {
                if (values[i].Length > 0)
                    fields.TryAdd(names[i], values[i]);
            }

            var timestamp = Timestamps.None;
            if (timeIndex >= 0 && !Timestamps.TryParseUtc(values[timeIndex], out timestamp))
                context.ReportLine(reader.LineNumber, $"unreadable {names[timeIndex]}; event kept without a time", DiagnosticSeverity.Warning);

            yield return new EvidenceEvent
            {
                Timestamp = timestamp,
                Tenant = context.Source.Tenant,
                Host = context.Source.Host,
                Kind = SourceKind.ExchangeLog,
                Channel = channel,
                Fields = fields,
                Provenance = context.AtLine(reader.LineNumber, reader.Offset),
            };
        }
    }

    private static bool TryDirective(string line, string name, out string value)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon > 1 && line.AsSpan(1, colon - 1).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
        {
            value = line[(colon + 1)..].Trim();
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary><c>HttpProxy Logs</c> → <c>HttpProxy</c>; <c>ECP Server Log</c> → <c>ECP Server</c>.</summary>
    private static string LogTypeChannel(string logType)
    {
        foreach (var suffix in _logTypeSuffixes)
        {
            if (logType.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && logType.Length > suffix.Length)
                return logType[..^suffix.Length];
        }

        return logType.Length > 0 ? logType : "Exchange";
    }
}
