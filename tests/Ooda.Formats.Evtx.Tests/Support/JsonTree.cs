using System.Text;
using System.Text.Json;

namespace Ooda.Formats.Evtx.Tests.Support;

/// <summary>Compares JSON as parsed trees: object member order is ignored, a repeated name keeps its last value.</summary>
internal static class JsonTree
{
    /// <summary>All top-level values of a file holding one or more concatenated JSON documents.</summary>
    public static List<JsonElement> ParseMany(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowMultipleValues = true });
        var values = new List<JsonElement>();
        while (reader.Read())
        {
            using var document = JsonDocument.ParseValue(ref reader);
            values.Add(document.RootElement.Clone());
        }

        return values;
    }

    public static List<JsonElement> ParseMany(string text) => ParseMany(Encoding.UTF8.GetBytes(text));

    /// <summary>Every difference, as <c>(path, description)</c>.</summary>
    public static List<(string Path, string Difference)> Diffs(JsonElement expected, JsonElement actual)
    {
        var diffs = new List<(string, string)>();
        Collect(expected, actual, "$", diffs);
        return diffs;
    }

    /// <summary>The first difference as <c>path: expected ≠ actual</c>, or null when equal.</summary>
    public static string? Diff(JsonElement expected, JsonElement actual) =>
        Diffs(expected, actual) is [var first, ..] ? $"{first.Path}: {first.Difference}" : null;

    private static void Collect(JsonElement expected, JsonElement actual, string path, List<(string, string)> diffs)
    {
        if (expected.ValueKind != actual.ValueKind
            && !(expected.ValueKind is JsonValueKind.True or JsonValueKind.False && actual.ValueKind is JsonValueKind.True or JsonValueKind.False))
        { diffs.Add((path, $"{expected.GetRawText()} ≠ {actual.GetRawText()}")); return; }
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var e = LastWins(expected);
                var a = LastWins(actual);
                foreach (var (name, value) in e)
                {
                    if (!a.TryGetValue(name, out var other))
                    { diffs.Add(($"{path}.{name}", "missing")); continue; }
                    Collect(value, other, $"{path}.{name}", diffs);
                }

                foreach (var name in a.Keys)
                {
                    if (!e.ContainsKey(name))
                        diffs.Add(($"{path}.{name}", $"unexpected {a[name].GetRawText()}"));
                }

                return;
            }

            case JsonValueKind.Array:
            {
                var e = expected.EnumerateArray().ToList();
                var a = actual.EnumerateArray().ToList();
                if (e.Count != a.Count)
                { diffs.Add((path, $"{e.Count} items ≠ {a.Count}")); return; }
                for (var i = 0; i < e.Count; i++)
                {
                    Collect(e[i], a[i], $"{path}[{i}]", diffs);
                }

                return;
            }

            case JsonValueKind.String:
            {
                var e = expected.GetString()!;
                var a = actual.GetString()!;
                if (e != a)
                    diffs.Add((path, $"\"{e}\" ≠ \"{a}\""));
                return;
            }

            case JsonValueKind.Number:
                if (expected.GetDecimal() != actual.GetDecimal())
                    diffs.Add((path, $"{expected} ≠ {actual}"));
                return;
            default:
                if (expected.ValueKind != actual.ValueKind)
                    diffs.Add((path, $"{expected.GetRawText()} ≠ {actual.GetRawText()}"));
                return;
        }
    }

    private static Dictionary<string, JsonElement> LastWins(JsonElement element)
    {
        var map = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
            map[property.Name] = property.Value;
        return map;
    }
}
