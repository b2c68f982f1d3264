using System.Globalization;
using System.Text;
using Ooda.Core;
using Ooda.Detection.Iocs.Internal;

namespace Ooda.Detection.Iocs;

/// <summary>
/// Reads signature-base text lists. Blank lines and <c>#</c> comments are skipped; the last comment before a block of
/// entries (up to the next blank line) describes them, as in the published files, unless the entry has its own.
/// </summary>
public static class SignatureBaseImporter
{
    /// <summary>
    /// The list format a file name announces, as signature-base's README says: "hash", "filename", "c2" or "keyword" in
    /// the name; null when none does.
    /// </summary>
    public static SignatureBaseList? ListFromFileName(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.Contains("hash", StringComparison.Ordinal))
            return SignatureBaseList.Hash;
        if (name.Contains("filename", StringComparison.Ordinal))
            return SignatureBaseList.FileName;
        if (name.Contains("c2", StringComparison.Ordinal))
            return SignatureBaseList.C2;
        if (name.Contains("keyword", StringComparison.Ordinal))
            return SignatureBaseList.Keyword;
        return null;
    }

    public static IocImport ReadFile(string path, SignatureBaseList list, IocImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path, list, options);
    }

    public static IocImport Read(Stream stream, string file, SignatureBaseList list, IocImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var session = new ImportSession(file, options ?? IocImportOptions.Default);
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lines = new BoundedLineReader(text, session.Options.MaxLineChars);
        string? heading = null;
        while (lines.TryReadLine(out var line))
        {
            var location = lines.LineNumber.ToString(CultureInfo.InvariantCulture);
            if (line is null)
            {
                session.Reject(location, $"line longer than {session.Options.MaxLineChars} characters; skipped");
                continue;
            }

            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                heading = null;
                continue;
            }

            if (trimmed[0] == '#')
            {
                var comment = trimmed.TrimStart('#').Trim();
                if (comment.Length > 0)
                    heading = comment;
                continue;
            }

            var source = session.AtLine(lines.LineNumber);
            switch (list)
            {
                case SignatureBaseList.Hash:
                    ReadHash(session, trimmed, source, heading);
                    break;
                case SignatureBaseList.FileName:
                    ReadFileName(session, trimmed, source, heading);
                    break;
                case SignatureBaseList.C2:
                    ReadC2(session, trimmed, source, heading);
                    break;
                default:
                    session.Offer(new Ioc(IocKind.Keyword, trimmed) { Comment = heading, Source = source });
                    break;
            }
        }

        return session.Finish();
    }

    private static void ReadHash(ImportSession session, string line, IocSource source, string? heading)
    {
        var (hash, comment) = SplitFirst(line);
        if (IocKinds.HashKindForLength(hash.Length) is not { } kind)
        {
            session.Reject(source.Location, $"hash '{IocNormalizer.Clip(hash)}' of {hash.Length} characters is neither MD5 (32), SHA-1 (40) nor SHA-256 (64)");
            return;
        }

        session.Offer(new Ioc(kind, hash) { Comment = comment ?? heading, Source = source });
    }

    /// <summary><c>regex;score[;false-positive regex]</c>; a regex may itself contain <c>;</c> only where a score cannot follow.</summary>
    private static void ReadFileName(ImportSession session, string line, IocSource source, string? heading)
    {
        var parts = line.Split(';');
        var scoreAt = Array.FindIndex(parts, 1, p => int.TryParse(p.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _));
        if (scoreAt < 0)
        {
            session.Reject(source.Location, "expected 'regex;score[;false-positive regex]'");
            return;
        }

        var regex = string.Join(';', parts[..scoreAt]);
        var score = int.Parse(parts[scoreAt].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
        var exclude = scoreAt + 1 < parts.Length ? string.Join(';', parts[(scoreAt + 1)..]) : null;
        session.Offer(new Ioc(IocKind.FilePathRegex, regex)
        {
            Comment = heading,
            Source = source,
            Confidence = Math.Clamp(score, 0, 100),
            Exclude = string.IsNullOrWhiteSpace(exclude) ? null : exclude,
        });
    }

    /// <summary><c>ip-or-domain[;score-or-comment]</c>.</summary>
    private static void ReadC2(ImportSession session, string line, IocSource source, string? heading)
    {
        var (value, rest) = SplitFirst(line);
        int? confidence = rest is not null && int.TryParse(rest, NumberStyles.Integer, CultureInfo.InvariantCulture, out var score) ? Math.Clamp(score, 0, 100) : null;
        var comment = confidence is null ? rest ?? heading : heading;
        var kind = value.Contains("://", StringComparison.Ordinal) ? IocKind.Url
            : value.Contains('/', StringComparison.Ordinal) ? IocKind.Cidr
            : IpAddressText.TryParse(value, out _, out _) ? IocKind.Ip
            : IocKind.Domain;
        session.Offer(new Ioc(kind, value) { Comment = comment, Source = source, Confidence = confidence });
    }

    private static (string Value, string? Remainder) SplitFirst(string line)
    {
        var semicolon = line.IndexOf(';', StringComparison.Ordinal);
        if (semicolon < 0)
            return (line, null);
        var rest = line[(semicolon + 1)..].Trim();
        return (line[..semicolon].Trim(), rest.Length == 0 ? null : rest);
    }
}
