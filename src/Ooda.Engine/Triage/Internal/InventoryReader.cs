using System.Globalization;
using System.Text;
using System.Text.Json;
using Ooda.Core;

namespace Ooda.Engine.Triage.Internal;

/// <summary>Reads the inventory as CSV (header row, RFC 4180 quoting) or JSON (an array of objects, or one object per line).</summary>
internal static class InventoryReader
{
    public static readonly string[] Columns = ["tenant", "host", "fqdn", "ip", "public_ip", "os", "roles", "exchange_build", "response_mode"];

    public static IEnumerable<InventoryHost> Read(string path, Action<Diagnostic> report)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        var first = reader.Peek();
        while (first is ' ' or '\t' or '\r' or '\n')
        {
            reader.Read();
            first = reader.Peek();
        }

        var rows = first is '[' or '{' ? Json(reader, path, report) : Csv(reader, path, report);
        foreach (var row in rows)
            yield return row;
    }

    private static IEnumerable<InventoryHost> Csv(StreamReader reader, string path, Action<Diagnostic> report)
    {
        var csv = new CsvCursor(reader);
        var pool = new InventoryPool();
        CsvRecord? first;
        while ((first = csv.Read()) is { Fields: [""] })
        {
        }

        if (first is not { } headerRecord)
        {
            report(new Diagnostic(path, "", "empty inventory"));
            yield break;
        }

        var header = headerRecord.Fields ?? [];
        var index = header.Select((name, i) => (Name: name.Trim().ToLowerInvariant(), i)).GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        if (!index.ContainsKey("tenant") || !index.ContainsKey("host"))
        {
            report(new Diagnostic(path, Line(headerRecord.Line), $"not an inventory: the header must name the columns {string.Join(',', Columns)}"));
            yield break;
        }

        csv.ExpectedFields = header.Length;
        while (csv.Read() is { } record)
        {
            if (record.Fields is not { } fields)
            {
                report(new Diagnostic(path, Line(record.Line), record.Error!));
                continue;
            }

            if (fields is [""])
                continue;
            if (fields.Length != header.Length)
            {
                report(new Diagnostic(path, Line(record.Line), $"row has {fields.Length} fields, the header has {header.Length}; row skipped"));
                continue;
            }

            string? Field(string name) => index.TryGetValue(name, out var i) && fields[i].Trim() is { Length: > 0 } v ? v : null;
            if (Create(Field, pool, path, Line(record.Line), report) is { } host)
                yield return host;
        }
    }

    /// <summary>A JSON array of objects (one document, disposed after use) or JSON lines (one object per line, streamed).</summary>
    private static IEnumerable<InventoryHost> Json(StreamReader reader, string path, Action<Diagnostic> report)
    {
        var pool = new InventoryPool();
        if (reader.Peek() == '[')
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(reader.ReadToEnd());
            }
            catch (JsonException e)
            {
                report(new Diagnostic(path, e.LineNumber is { } n ? Line((int)n + 1) : "", $"not a JSON inventory: {e.Message}"));
                yield break;
            }

            using (document)
            {
                var i = 0;
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    if (Item(item, pool, path, string.Create(CultureInfo.InvariantCulture, $"item {++i}"), report) is { } host)
                        yield return host;
                }
            }

            yield break;
        }

        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                report(new Diagnostic(path, Line(lineNumber), $"not a JSON object, line skipped: {e.Message}"));
                continue;
            }

            using (document)
            {
                if (Item(document.RootElement, pool, path, Line(lineNumber), report) is { } host)
                    yield return host;
            }
        }
    }

    private static InventoryHost? Item(JsonElement item, InventoryPool pool, string path, string location, Action<Diagnostic> report)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            report(new Diagnostic(path, location, "inventory item is not an object; skipped"));
            return null;
        }

        string? Field(string name)
        {
            if (!item.TryGetProperty(name, out var value) && !item.TryGetProperty(Camel(name), out value))
                return null;
            var s = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Array => string.Join(';', value.EnumerateArray().Select(v => v.ToString())),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.ToString(),
            };
            return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        }

        return Create(Field, pool, path, location, report);
    }

    private static InventoryHost? Create(Func<string, string?> field, InventoryPool pool, string path, string location, Action<Diagnostic> report)
    {
        var tenant = field("tenant");
        var host = field("host");
        if (tenant is null || host is null)
        {
            report(new Diagnostic(path, location, "row without tenant or host; skipped"));
            return null;
        }

        return new InventoryHost(pool.Share(tenant)!, host, field("fqdn"), field("ip"), field("public_ip"), pool.Share(field("os")), pool.Roles(field("roles")),
            pool.Share(field("exchange_build")), pool.Share(field("response_mode")), location);
    }

    private static string Camel(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static string Line(int line) => line.ToString(CultureInfo.InvariantCulture);
}
