using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Ooda.Core;
using Ooda.Detection.Iocs.Internal;

namespace Ooda.Detection.Iocs;

/// <summary>
/// Reads indicators from MISP event JSON (<c>{"Event":{…}}</c>, a list of them, or a <c>response</c> of a search): the
/// attributes of the event and of its objects. Only attributes marked <c>to_ids</c> are taken unless asked otherwise;
/// types with no indicator kind (registry keys, mutexes, e-mail addresses, …) are reported and skipped.
/// </summary>
public static class MispImporter
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
        var json = BoundedStream.ReadAll(stream, session.Options.MaxJsonBytes);
        if (json is null)
        {
            session.Note(string.Empty, $"larger than {session.Options.MaxJsonBytes} bytes; not read");
            return session.Finish();
        }

        string? eventInfo = null;
        var error = JsonEntryWalker.Walk(
            json,
            IsAttributeArray,
            (element, index, line) => ReadAttribute(session, element, index, line, eventInfo),
            (path, value) =>
            {
                if (path == "Event.info" || path.EndsWith(".Event.info", StringComparison.Ordinal))
                    eventInfo = value;
            });
        if (error is { } e)
            session.Note(e.Line.ToString(CultureInfo.InvariantCulture), e.Message + "; attributes after this point are lost");
        return session.Finish();
    }

    private static bool IsAttributeArray(string path) =>
        EndsWithSegment(path, "Event.Attribute") || EndsWithSegment(path, "Event.Object[].Attribute") || EndsWithSegment(path, "response.Attribute");

    private static bool EndsWithSegment(string path, string suffix) =>
        path == suffix || (path.EndsWith(suffix, StringComparison.Ordinal) && path[^(suffix.Length + 1)] == '.');

    private static void ReadAttribute(ImportSession session, JsonElement attribute, int index, long line, string? eventInfo)
    {
        var location = line.ToString(CultureInfo.InvariantCulture);
        var type = Text(attribute, "type");
        var value = Text(attribute, "value");
        var name = $"attribute {Text(attribute, "uuid") ?? "#" + index.ToString(CultureInfo.InvariantCulture)}";
        if (type is null || value is null)
        {
            session.Reject(location, $"{name}: no type or value");
            return;
        }

        if (Flag(attribute, "deleted") == true)
        {
            session.Reject(location, $"{name} ({type}): deleted attribute skipped", DiagnosticSeverity.Warning);
            return;
        }

        if (session.Options.MispToIdsOnly && Flag(attribute, "to_ids") != true)
        {
            session.Reject(location, $"{name} ({type}): to_ids is false; skipped", DiagnosticSeverity.Warning);
            return;
        }

        var comment = Text(attribute, "comment");
        var template = new Ioc(IocKind.Keyword, string.Empty)
        {
            Comment = string.IsNullOrWhiteSpace(comment) ? eventInfo : comment,
            Source = session.AtLine(line),
            Tags = Tags(attribute),
            ValidFrom = Time(attribute, "first_seen"),
            ValidUntil = Time(attribute, "last_seen"),
        };

        var pipe = value.IndexOf('|', StringComparison.Ordinal);
        var (first, second) = pipe < 0 ? (value, null) : (value[..pipe], value[(pipe + 1)..]);
        switch (type)
        {
            case "md5" or "sha1" or "sha256":
                session.Offer(template with { Kind = IocKinds.TryParse(type, out var hash) ? hash.Value : IocKind.Md5, Value = value });
                break;
            case "filename|md5" or "filename|sha1" or "filename|sha256" when second is not null:
                // The hash identifies the file; its name travels along in the comment.
                var hashKind = IocKinds.TryParse(type["filename|".Length..], out var k) ? k.Value : IocKind.Md5;
                session.Offer(template with { Kind = hashKind, Value = second, Comment = Join(template.Comment, "file " + first) });
                break;
            case "ip-src" or "ip-dst":
                session.Offer(template with { Kind = value.Contains('/', StringComparison.Ordinal) ? IocKind.Cidr : IocKind.Ip, Value = value });
                break;
            case "ip-src|port" or "ip-dst|port":
                session.Offer(template with { Kind = IocKind.Ip, Value = first });
                break;
            case "domain" or "hostname":
                session.Offer(template with { Kind = IocKind.Domain, Value = value });
                break;
            case "domain|ip" when second is not null:
                session.Offer(template with { Kind = IocKind.Domain, Value = first });
                session.Offer(template with { Kind = IocKind.Ip, Value = second });
                break;
            case "hostname|port":
                session.Offer(template with { Kind = IocKind.Domain, Value = first });
                break;
            case "url" or "uri":
                session.Offer(template with { Kind = IocKind.Url, Value = value });
                break;
            case "user-agent":
                session.Offer(template with { Kind = IocKind.UserAgent, Value = value });
                break;
            case "filename":
                var isPath = value.AsSpan().ContainsAny('\\', '/');
                session.Offer(template with { Kind = isPath ? IocKind.FilePath : IocKind.FileName, Value = value });
                break;
            default:
                session.Reject(location, $"{name}: MISP type '{type}' has no indicator kind; skipped", DiagnosticSeverity.Warning);
                break;
        }
    }

    private static string? Join(string? comment, string addition) => comment is null ? addition : comment + "; " + addition;

    private static ImmutableArray<string> Tags(JsonElement attribute)
    {
        if (!attribute.TryGetProperty("Tag", out var tags) || tags.ValueKind != JsonValueKind.Array)
            return [];
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var tag in tags.EnumerateArray())
        {
            if (tag.ValueKind == JsonValueKind.Object && Text(tag, "name") is { } name)
                result.Add(name);
        }

        return result.ToImmutable();
    }

    /// <summary>MISP writes booleans as JSON booleans, as <c>"1"</c>/<c>"0"</c> or as numbers, depending on version.</summary>
    private static bool? Flag(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => value.GetString() is "1" or "true" or "True",
            JsonValueKind.Number => value.TryGetInt32(out var n) && n != 0,
            _ => null,
        };
    }

    private static DateTime? Time(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
