using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Ooda.Core;
using Ooda.Detection.Iocs.Internal;

namespace Ooda.Detection.Iocs;

/// <summary>
/// Reads a CSV list with a header naming at least <c>type</c> and <c>value</c>; optional <c>comment</c> (or
/// <c>description</c>), <c>tags</c> (separated by <c>|</c> or <c>;</c>), <c>confidence</c> (or <c>score</c>),
/// <c>valid_from</c>, <c>valid_until</c> and <c>exclude</c>. Comma, semicolon or tab separated, RFC 4180 quoting;
/// <c>#</c> comment lines and blank lines are skipped. Types are <see cref="IocKinds"/> names or aliases, or <c>hash</c>.
/// </summary>
public static class CsvIocImporter
{
    public static IocImport ReadFile(string path, IocImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path, options);
    }

    public static IocImport Read(Stream stream, string file, IocImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var session = new ImportSession(file, options ?? IocImportOptions.Default);
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lines = new BoundedLineReader(text, session.Options.MaxLineChars);
        Columns? columns = null;
        var delimiter = ',';
        var pending = new StringBuilder();
        long recordLine = 0;
        while (lines.TryReadLine(out var line))
        {
            if (line is null)
            {
                session.Reject(Line(lines.LineNumber), $"line longer than {session.Options.MaxLineChars} characters; skipped");
                pending.Clear();
                continue;
            }

            if (pending.Length == 0)
            {
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                    continue;
                recordLine = lines.LineNumber;
            }
            else
            {
                pending.Append('\n');
            }

            pending.Append(line);
            if (columns is null)
                delimiter = CsvFields.Sniff(line);
            var fields = CsvFields.Split(pending.ToString(), delimiter);
            if (fields is null)
            {
                // A quoted field spans lines; keep reading, within the line limit.
                if (pending.Length > session.Options.MaxLineChars)
                {
                    session.Reject(Line(recordLine), $"quoted field never closes within {session.Options.MaxLineChars} characters; record skipped");
                    pending.Clear();
                }

                continue;
            }

            pending.Clear();
            if (columns is null)
            {
                columns = Columns.FromHeader(fields);
                if (columns is not null)
                    continue;
                columns = Columns.Default;
                session.Note(Line(recordLine), "no header naming 'type' and 'value'; reading columns as type,value,comment", DiagnosticSeverity.Warning);
            }

            ReadRecord(session, columns, fields, recordLine);
        }

        if (pending.Length > 0)
            session.Reject(Line(recordLine), "quoted field does not close before the end of the file; record skipped");
        return session.Finish();
    }

    private static string Line(long line) => line.ToString(CultureInfo.InvariantCulture);

    private static void ReadRecord(ImportSession session, Columns columns, List<string> fields, long line)
    {
        var type = columns.Get(fields, columns.Type);
        var value = columns.Get(fields, columns.Value);
        if (string.IsNullOrEmpty(type) || string.IsNullOrEmpty(value))
        {
            session.Reject(Line(line), "record without a type or a value");
            return;
        }

        IocKind kind;
        if (string.Equals(type, "hash", StringComparison.OrdinalIgnoreCase))
        {
            if (IocKinds.HashKindForLength(value.Length) is not { } hashKind)
            {
                session.Reject(Line(line), $"hash '{IocNormalizer.Clip(value)}' of {value.Length} characters is neither MD5, SHA-1 nor SHA-256");
                return;
            }

            kind = hashKind;
        }
        else if (IocKinds.TryParse(type, out var parsed))
        {
            kind = parsed.Value;
        }
        else
        {
            session.Reject(Line(line), $"unknown type '{IocNormalizer.Clip(type)}'");
            return;
        }

        int? confidence = null;
        if (columns.Get(fields, columns.Confidence) is { Length: > 0 } confidenceText)
        {
            if (!int.TryParse(confidenceText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c))
            {
                session.Reject(Line(line), $"confidence '{IocNormalizer.Clip(confidenceText)}' is not an integer");
                return;
            }

            confidence = c;
        }

        if (!TryTime(columns.Get(fields, columns.ValidFrom), out var from) || !TryTime(columns.Get(fields, columns.ValidUntil), out var until))
        {
            session.Reject(Line(line), "valid_from or valid_until is not a timestamp");
            return;
        }

        var tags = columns.Get(fields, columns.Tags) is { Length: > 0 } tagText
            ? [.. tagText.Split(['|', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : ImmutableArray<string>.Empty;
        session.Offer(new Ioc(kind, value)
        {
            Comment = columns.Get(fields, columns.Comment),
            Source = session.AtLine(line),
            Tags = tags,
            Confidence = confidence,
            ValidFrom = from,
            ValidUntil = until,
            Exclude = columns.Get(fields, columns.Exclude) is { Length: > 0 } exclude ? exclude : null,
        });
    }

    private static bool TryTime(string? text, out DateTime? time)
    {
        time = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            return false;
        time = parsed;
        return true;
    }

    /// <summary>Where each known column is (-1 when absent).</summary>
    private sealed record Columns(int Type, int Value, int Comment, int Tags, int Confidence, int ValidFrom, int ValidUntil, int Exclude)
    {
        public static Columns Default { get; } = new(0, 1, 2, -1, -1, -1, -1, -1);

        public static Columns? FromHeader(List<string> header)
        {
            int Find(params string[] names) => header.FindIndex(h => names.Any(n => string.Equals(h.Replace(' ', '_'), n, StringComparison.OrdinalIgnoreCase)));
            var type = Find("type", "ioc_type", "kind", "indicator_type");
            var value = Find("value", "ioc", "indicator", "ioc_value");
            if (type < 0 || value < 0)
                return null;
            return new Columns(type, value, Find("comment", "description", "comments", "info"), Find("tags", "tag", "labels"),
                Find("confidence", "score"), Find("valid_from", "first_seen"), Find("valid_until", "last_seen"), Find("exclude"));
        }

        public string? Get(List<string> fields, int column) => column >= 0 && column < fields.Count ? fields[column] : null;
    }
}
