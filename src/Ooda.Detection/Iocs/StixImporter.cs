using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Ooda.Core;
using Ooda.Detection.Iocs.Internal;

namespace Ooda.Detection.Iocs;

/// <summary>
/// Reads indicators from a STIX 2.1 bundle: each <c>indicator</c> object with a STIX pattern gives one indicator per
/// alternative of its pattern. Alternatives no indicator kind expresses (registry keys, AND of different observables,
/// qualifiers) are reported, never guessed.
/// </summary>
public static class StixImporter
{
    public static IocImport ReadFile(string path, IocImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path, options);
    }

    /// <param name="file">How the bundle is named in diagnostics and in each indicator's source.</param>
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

        var error = JsonEntryWalker.Walk(
            json,
            path => path is "objects" or "",
            (element, index, line) => ReadObject(session, element, index, line));
        if (error is { } e)
            session.Note(e.Line.ToString(CultureInfo.InvariantCulture), e.Message + "; objects after this point are lost");
        return session.Finish();
    }

    private static void ReadObject(ImportSession session, JsonElement element, int index, long line)
    {
        if (Text(element, "type") != "indicator")
            return;
        var id = Text(element, "id") ?? $"objects[{index}]";
        var where = $"{id} (line {line})";
        if (element.TryGetProperty("revoked", out var revoked) && revoked.ValueKind == JsonValueKind.True)
        {
            session.Reject(id, $"{where}: revoked indicator skipped", DiagnosticSeverity.Warning);
            return;
        }

        var patternType = Text(element, "pattern_type") ?? "stix";
        if (!string.Equals(patternType, "stix", StringComparison.OrdinalIgnoreCase))
        {
            session.Reject(id, $"{where}: pattern_type '{patternType}' is not a STIX pattern; not imported");
            return;
        }

        var pattern = Text(element, "pattern");
        if (string.IsNullOrWhiteSpace(pattern))
        {
            session.Reject(id, $"{where}: indicator without a pattern");
            return;
        }

        if (pattern.Length > session.Options.MaxPatternChars)
        {
            session.Reject(id, $"{where}: pattern of {pattern.Length} characters is longer than {session.Options.MaxPatternChars}");
            return;
        }

        var alternatives = StixPatternParser.Parse(pattern, out var patternError);
        if (alternatives is null)
        {
            session.Reject(id, $"{where}: pattern not imported: {patternError}");
            return;
        }

        var template = Template(element, session.At(id), out var templateError);
        if (template is null)
        {
            session.Reject(id, $"{where}: {templateError}");
            return;
        }

        foreach (var alternative in alternatives)
        {
            var comparisons = alternative.Count > 1 ? alternative.Where(c => !StixPatterns.IsTypeConstraint(c)).ToList() : alternative;
            if (comparisons.Count != 1)
            {
                session.Reject(id, $"{where}: AND of {string.Join(", ", comparisons)} has no single-indicator equivalent");
                continue;
            }

            var comparison = comparisons[0];
            foreach (var value in comparison.Values)
            {
                var kind = StixPatterns.KindOf(comparison, value, out var kindError);
                if (kind is null)
                    session.Reject(id, $"{where}: {kindError}");
                else
                    session.Offer(template with { Kind = kind.Value, Value = value });
            }
        }
    }

    /// <summary>What every indicator of this object shares; null with a reason when a property is malformed.</summary>
    private static Ioc? Template(JsonElement element, IocSource source, out string? error)
    {
        error = null;
        var tags = ImmutableArray.CreateBuilder<string>();
        if (element.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array)
        {
            foreach (var label in labels.EnumerateArray())
            {
                if (label.ValueKind == JsonValueKind.String)
                    tags.Add(label.GetString()!);
            }
        }

        int? confidence = null;
        if (element.TryGetProperty("confidence", out var c))
        {
            if (c.ValueKind != JsonValueKind.Number || !c.TryGetInt32(out var value))
            {
                error = "confidence is not an integer";
                return null;
            }

            confidence = value;
        }

        var from = Time(element, "valid_from", ref error);
        var until = Time(element, "valid_until", ref error);
        if (error is not null)
            return null;
        if (element.TryGetProperty(StixExporter.ValidFromUnsetProperty, out var unset) && unset.ValueKind == JsonValueKind.True)
            from = null;
        return new Ioc(IocKind.Keyword, string.Empty)
        {
            Comment = Text(element, "description") ?? Text(element, "name"),
            Source = source,
            Tags = tags.ToImmutable(),
            ValidFrom = from,
            ValidUntil = until,
            Confidence = confidence,
            Exclude = Text(element, StixExporter.ExcludeProperty),
        };
    }

    private static DateTime? Time(JsonElement element, string name, ref string? error)
    {
        var text = Text(element, name);
        if (text is null)
            return null;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
            return time;
        error ??= $"{name} '{IocNormalizer.Clip(text)}' is not a timestamp";
        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
