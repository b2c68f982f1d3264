using Ooda.Core;
using Ooda.Formats.Text.Internal;

namespace Ooda.Formats.Text;

/// <summary>
/// W3C extended log files (IIS <c>u_ex*.log</c>, Windows Firewall <c>pfirewall.log</c>, proxies):
/// <c>#</c> directives, then space-separated values in the order of the latest <c>#Fields:</c> directive.
/// Field names are kept exactly as declared (<c>cs-uri-query</c>, <c>cs(User-Agent)</c>), the names Sigma web rules use.
/// </summary>
/// <remarks>W3C Working Draft WD-logfile-960323 (Extended Log File Format); IIS writes times in UTC.</remarks>
public sealed class W3cLogParser(TextParserOptions? options = null) : IEvidenceParser
{
    public const string FormatName = "iis-w3c";

    private const byte DirectiveMark = (byte)'#';
    private const byte Space = (byte)' ';
    private const byte Dash = (byte)'-';

    private static ReadOnlySpan<byte> ExchangeSoftware => "#Software: Microsoft Exchange"u8;

    private readonly TextParserOptions _options = options ?? TextParserOptions.Default;

    public string Format => FormatName;

    /// <summary>True when the first line (after a BOM) is a W3C directive, and the software is not Microsoft Exchange.</summary>
    public bool CanParse(ReadOnlySpan<byte> head)
    {
        var text = TextEncodingSniffer.HeadAsUtf8(head);
        // "#Verson:" is how the Windows Firewall (ICF) log spells it.
        return !text.StartsWith(ExchangeSoftware)
            && (text.StartsWith("#Software:"u8) || text.StartsWith("#Version:"u8) || text.StartsWith("#Date:"u8)
                || text.StartsWith("#Fields:"u8) || text.StartsWith("#Verson:"u8) || text.StartsWith("#Remark:"u8)
                || text.StartsWith("#Start-Date:"u8));
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
        var state = new W3cState();
        while (reader.ReadLine())
        {
            var evidence = ParseLine(reader.Line, reader.LineNumber, reader.Offset, state, context);
            if (evidence is not null)
                yield return evidence;
        }
    }

    private static EvidenceEvent? ParseLine(ReadOnlySpan<byte> line, long lineNumber, long offset, W3cState state, ParseContext context)
    {
        line = line.TrimEnd(Space);
        if (line.IsEmpty)
            return null;
        if (line[0] == DirectiveMark)
        {
            ParseDirective(LineReader.Decode(line), lineNumber, state, context);
            return null;
        }

        var header = state.Header;
        if (header is null)
        {
            context.ReportLine(lineNumber, "data line before any #Fields directive, skipped");
            return null;
        }

        var names = header.Names;
        var starts = state.Starts;
        var lengths = state.Lengths;
        var count = 0;
        var position = 0;
        while (true)
        {
            var rest = line[position..];
            var space = rest.IndexOf(Space);
            if (count == names.Length)
            {
                count++;
                break;
            }

            starts[count] = position;
            if (space < 0)
            {
                lengths[count++] = rest.Length;
                break;
            }

            lengths[count++] = space;
            position += space + 1;
        }

        if (count != names.Length)
        {
            context.ReportLine(lineNumber, count > names.Length
                ? $"more fields than the {names.Length} #Fields declares, skipped"
                : $"{count} fields but #Fields declares {names.Length}, skipped");
            return null;
        }

        var fields = new EventFields(names.Length);
        string? channel = null;
        for (var i = 0; i < names.Length; i++)
        {
            var value = line.Slice(starts[i], lengths[i]);
            if (value.IsEmpty || (value.Length == 1 && value[0] == Dash))
                continue;
            var text = LineReader.Decode(value);
            fields.TryAdd(names[i], text);
            if (i == header.SiteIndex)
                channel = text;
        }

        return new EvidenceEvent
        {
            Timestamp = Timestamp(line, header, state, lineNumber, context),
            Tenant = context.Source.Tenant,
            Host = context.Source.Host,
            Kind = header.Kind,
            Channel = channel ?? header.DefaultChannel,
            Fields = fields,
            Provenance = context.AtLine(lineNumber, offset),
        };
    }

    private static DateTime Timestamp(ReadOnlySpan<byte> line, W3cHeader header, W3cState state, long lineNumber, ParseContext context)
    {
        DateTime date;
        if (header.DateIndex >= 0)
        {
            if (!Timestamps.TryParseW3cDate(line.Slice(state.Starts[header.DateIndex], state.Lengths[header.DateIndex]), out date))
            {
                context.ReportLine(lineNumber, "unreadable date; event kept without a time", DiagnosticSeverity.Warning);
                return Timestamps.None;
            }
        }
        else if (state.DirectiveDate is { } directiveDate && header.TimeIndex >= 0)
        {
            date = directiveDate.Date;
        }
        else
        {
            return header.TimeIndex >= 0 ? Timestamps.None : state.DirectiveDate ?? Timestamps.None;
        }

        if (header.TimeIndex < 0)
            return date;
        if (!Timestamps.TryParseW3cTime(line.Slice(state.Starts[header.TimeIndex], state.Lengths[header.TimeIndex]), out var time))
        {
            context.ReportLine(lineNumber, "unreadable time; event kept at midnight of its date", DiagnosticSeverity.Warning);
            return date;
        }

        return date + time;
    }

    private static void ParseDirective(string line, long lineNumber, W3cState state, ParseContext context)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return;
        var name = line.AsSpan(1, colon - 1).Trim();
        var value = line[(colon + 1)..].Trim();
        if (name.Equals("Fields", StringComparison.OrdinalIgnoreCase))
        {
            var names = value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (names.Length == 0)
            {
                context.ReportLine(lineNumber, "#Fields directive declares no fields; lines up to the next #Fields are skipped");
                state.SetHeader(null);
                return;
            }

            state.SetHeader(new W3cHeader(names, state.Software));
        }
        else if (name.Equals("Software", StringComparison.OrdinalIgnoreCase))
        {
            state.Software = value;
            if (state.Header is { } header)
                state.SetHeader(new W3cHeader(header.Names, value));
        }
        else if (name.Equals("Date", StringComparison.OrdinalIgnoreCase))
        {
            state.DirectiveDate = Timestamps.TryParseUtc(value, out var date) ? date : null;
        }
        else if (name.Equals("Time Format", StringComparison.OrdinalIgnoreCase)
            && value.Equals("Local", StringComparison.OrdinalIgnoreCase) && !state.ReportedLocalTime)
        {
            state.ReportedLocalTime = true;
            context.ReportLine(lineNumber, "times are local (#Time Format: Local); kept as written, not converted to UTC", DiagnosticSeverity.Warning);
        }
    }
}
