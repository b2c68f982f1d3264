using System.Text.RegularExpressions;
using Ooda.Core;
using Ooda.Formats.Text.Internal;

namespace Ooda.Formats.Text;

/// <summary>
/// The original IIS log format (<c>ex*.log</c> before W3C): 15 comma-separated values per line, times local to the server.
/// Values are stored under the W3C field names so web hunts read both formats alike.
/// </summary>
/// <remarks>IIS log file format, "IIS Log File Format (IIS 6.0)": client IP, user, date, time, service, server, server IP,
/// time taken, bytes received, bytes sent, status, Windows status, method, target, parameters.</remarks>
public sealed partial class IisLegacyLogParser(TextParserOptions? options = null) : IEvidenceParser
{
    public const string FormatName = "iis-legacy";

    private const int DateIndex = 2;
    private const int TimeIndex = 3;
    private const int ServiceIndex = 4;

    /// <summary>W3C names of the 15 positions; date and time keep their own names.</summary>
    private static readonly string[] _names =
    [
        "c-ip", "cs-username", "date", "time", "s-sitename", "s-computername", "s-ip", "time-taken",
        "cs-bytes", "sc-bytes", "sc-status", "sc-win32-status", "cs-method", "cs-uri-stem", "cs-uri-query",
    ];

    private readonly TextParserOptions _options = options ?? TextParserOptions.Default;

    public string Format => FormatName;

    /// <summary>True when the first line has 15 comma-separated values with an <c>M/D/YY</c> date third and a time fourth.</summary>
    public bool CanParse(ReadOnlySpan<byte> head)
    {
        var text = TextEncodingSniffer.HeadAsUtf8(head);
        var newline = text.IndexOf((byte)'\n');
        var firstLine = LineReader.Decode(newline < 0 ? text : text[..newline]).TrimEnd('\r');
        var values = Split(firstLine);
        return values is not null && FirstLineShape().IsMatch(values[DateIndex] + " " + values[TimeIndex]);
    }

    public IEnumerable<EvidenceEvent> Parse(Stream stream, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(context);
        return ParseLines(stream, context);
    }

    private IEnumerable<EvidenceEvent> ParseLines(Stream stream, ParseContext context)
    {
        using var reader = new LineReader(stream, context, _options.MaxLineLength);
        var warnedLocal = false;
        while (reader.ReadLine())
        {
            var line = LineReader.Decode(reader.Line);
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var values = Split(line);
            if (values is null)
            {
                context.ReportLine(reader.LineNumber, $"expected {_names.Length} comma-separated values, skipped");
                continue;
            }

            if (!warnedLocal)
            {
                warnedLocal = true;
                context.ReportLine(reader.LineNumber, "IIS legacy log times are local to the server; kept as written, not converted to UTC", DiagnosticSeverity.Warning);
            }

            var timestamp = Timestamps.None;
            if (Timestamps.TryParseLegacyDate(values[DateIndex], out var date))
            {
                timestamp = date;
                if (Timestamps.TryParseW3cTime(System.Text.Encoding.ASCII.GetBytes(values[TimeIndex]), out var time))
                    timestamp += time;
                else
                    context.ReportLine(reader.LineNumber, "unreadable time; event kept at midnight of its date", DiagnosticSeverity.Warning);
                values[DateIndex] = timestamp.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                context.ReportLine(reader.LineNumber, "unreadable date; event kept without a time", DiagnosticSeverity.Warning);
            }

            var fields = new EventFields(_names.Length);
            for (var i = 0; i < _names.Length; i++)
            {
                if (values[i].Length > 0 && values[i] != "-")
                    fields.TryAdd(_names[i], values[i]);
            }

            yield return new EvidenceEvent
            {
                Timestamp = timestamp,
                Tenant = context.Source.Tenant,
                Host = context.Source.Host,
                Kind = SourceKind.IisLegacy,
                Channel = values[ServiceIndex] is { Length: > 0 } and not "-" ? values[ServiceIndex] : "IIS",
                Fields = fields,
                Provenance = context.AtLine(reader.LineNumber, reader.Offset),
            };
        }
    }

    /// <summary>The 15 trimmed values, or null when the line has another count (a trailing comma is allowed).</summary>
    private static string[]? Split(string line)
    {
        var parts = line.Split(',');
        var count = parts.Length == _names.Length + 1 && parts[^1].Trim().Length == 0 ? _names.Length : parts.Length;
        if (count != _names.Length)
            return null;
        var values = new string[count];
        for (var i = 0; i < count; i++)
            values[i] = parts[i].Trim();
        return values;
    }

    [GeneratedRegex(@"^\d{1,2}/\d{1,2}/(\d{2}|\d{4}) \d{1,2}:\d{2}:\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex FirstLineShape();
}
