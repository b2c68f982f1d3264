using System.Globalization;
using System.Text.Json;

namespace Ooda.Formats.Text.Tests.Reference;

/// <summary>
/// Test oracle: the JsonDocument-based value rules as it was before the streaming rewrite.
/// How JSON values become field strings: numbers exactly as written, booleans lower-case, null absent.</summary>
internal static class ReferenceJsonText
{
    public const string AttributesKey = "#attributes";
    public const string TextKey = "#text";
    private const string ArraySeparator = ",";

    /// <summary>The text of a scalar, of an element's <c>#text</c>, or of an array of scalars joined with commas; null otherwise.</summary>
    public static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object when value.TryGetProperty(TextKey, out var text) => Scalar(text),
        JsonValueKind.Array => JoinScalars(value),
        _ => null,
    };

    /// <summary>An attribute of an evtx-style element: under <c>#attributes</c>, or as a plain property.</summary>
    public static string? Attribute(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        if (element.TryGetProperty(AttributesKey, out var attributes) && attributes.ValueKind == JsonValueKind.Object
            && attributes.TryGetProperty(name, out var value))
            return Scalar(value);
        return element.TryGetProperty(name, out var direct) ? Scalar(direct) : null;
    }

    /// <summary>The pre-streaming <c>Timestamps.TryParseUtc</c>: invariant culture, offsets honoured, otherwise UTC.</summary>
    public static bool TryParseUtc(string s, out DateTime utc)
    {
        if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            utc = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return true;
        }

        utc = default;
        return false;
    }

    public static bool IsScalarArray(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                return false;
        }

        return true;
    }

    private static string? JoinScalars(JsonElement array)
    {
        if (!IsScalarArray(array))
            return null;
        var parts = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (Scalar(item) is { } text)
                parts.Add(text);
        }

        return string.Join(ArraySeparator, parts);
    }
}
