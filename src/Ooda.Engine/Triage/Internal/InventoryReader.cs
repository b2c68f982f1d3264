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
        var columns = Array.ConvertAll(Columns, c => index.TryGetValue(c, out var i) ? i : -1);
        while (csv.Advance(out var line, out var error))
        {
            if (error is not null)
            {
                report(new Diagnostic(path, Line(line), error));
                continue;
            }

            if (csv.FieldCount == 1 && csv.Field(0).IsEmpty)
                continue;
            if (csv.FieldCount != header.Length)
            {
                report(new Diagnostic(path, Line(line), $"row has {csv.FieldCount} fields, the header has {header.Length}; row skipped"));
                continue;
            }

            // Columns by position, values read straight from the row: only the host's own values become new strings.
            ReadOnlySpan<char> Field(int column) => columns[column] is >= 0 and var i ? csv.Field(i).Trim() : default;
            string? Own(int column) => Field(column) is { IsEmpty: false } v ? v.ToString() : null;
            var location = Line(line);
            var tenant = pool.Share(Field(0));
            var host = Own(1);
            if (tenant is null || host is null)
            {
                report(new Diagnostic(path, location, "row without tenant or host; skipped"));
                continue;
            }

            yield return new InventoryHost(tenant, host, Own(2), Own(3), Own(4), pool.Share(Field(5)), pool.Roles(Field(6)),
                pool.Share(Field(7)), pool.Share(Field(8)), location);
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
