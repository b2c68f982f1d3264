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
        var header = csv.ReadRecord(out var headerLine);
        if (header is null)
        {
            report(new Diagnostic(path, "", "empty inventory"));
            yield break;
        }

        var index = header.Select((name, i) => (Name: name.Trim().ToLowerInvariant(), i)).GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        if (!index.ContainsKey("tenant") || !index.ContainsKey("host"))
        {
            report(new Diagnostic(path, Line(headerLine), $"not an inventory: the header must name the columns {string.Join(',', Columns)}"));
            yield break;
        }

        while (true)
        {
            var record = csv.ReadRecord(out var line);
            if (record is null)
                yield break;
            if (record is [""])
                continue;
            if (record.Length != header.Length)
            {
                report(new Diagnostic(path, Line(line), $"row has {record.Length} fields, the header has {header.Length}; row skipped"));
                continue;
            }

            string? Field(string name) => index.TryGetValue(name, out var i) && record[i].Trim() is { Length: > 0 } v ? v : null;
            if (Create(Field, path, Line(line), report) is { } host)
                yield return host;
        }
    }

    private static IEnumerable<InventoryHost> Json(StreamReader reader, string path, Action<Diagnostic> report)
    {
        JsonDocument document;
        var text = reader.ReadToEnd();
        var items = new List<JsonElement>();
        try
        {
            if (text.TrimStart().StartsWith('['))
            {
                document = JsonDocument.Parse(text);
                items.AddRange(document.RootElement.EnumerateArray());
            }
            else
            {
                var lineNumber = 0;
                foreach (var line in text.Split('\n'))
                {
                    lineNumber++;
                    if (string.IsNullOrWhiteSpace(line))
                        continue;
                    try
                    {
                        items.Add(JsonDocument.Parse(line).RootElement);
                    }
                    catch (JsonException e)
                    {
                        report(new Diagnostic(path, Line(lineNumber), $"not a JSON object, line skipped: {e.Message}"));
                    }
                }
            }
        }
        catch (JsonException e)
        {
            report(new Diagnostic(path, e.LineNumber is { } n ? Line((int)n + 1) : "", $"not a JSON inventory: {e.Message}"));
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var location = string.Create(CultureInfo.InvariantCulture, $"item {i + 1}");
            if (item.ValueKind != JsonValueKind.Object)
            {
                report(new Diagnostic(path, location, "inventory item is not an object; skipped"));
                continue;
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

            if (Create(Field, path, location, report) is { } host)
                yield return host;
        }
    }

    private static InventoryHost? Create(Func<string, string?> field, string path, string location, Action<Diagnostic> report)
    {
        var tenant = field("tenant");
        var host = field("host");
        if (tenant is null || host is null)
        {
            report(new Diagnostic(path, location, "row without tenant or host; skipped"));
            return null;
        }

        var roles = (field("roles") ?? "").Split([';', '|', ' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        return new InventoryHost(tenant, host, field("fqdn"), field("ip"), field("public_ip"), field("os"), roles, field("exchange_build"), field("response_mode"), location);
    }

    private static string Camel(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static string Line(int line) => line.ToString(CultureInfo.InvariantCulture);
}
