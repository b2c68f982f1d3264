using System.Text.Json;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>
/// Walks a JSON document token by token and hands over, one at a time, the objects inside the arrays a format keeps
/// its entries in; a syntax error ends the walk with its line but keeps every entry read before it.
/// </summary>
internal static class JsonEntryWalker
{
    public const int MaxDepth = 64;

    private static readonly JsonReaderOptions _options = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Calls <paramref name="onEntry"/> (element, index in its array, 1-based line) for each object in an array whose
    /// dotted path (<c>objects</c>, <c>Event.Object[].Attribute</c>; the root array is <c>""</c>) satisfies
    /// <paramref name="isEntryArray"/>, and <paramref name="onString"/> for other string properties (path, value).
    /// </summary>
    /// <returns>Null, or the syntax error and its line.</returns>
    public static (long Line, string Message)? Walk(
        ReadOnlySpan<byte> json,
        Func<string, bool> isEntryArray,
        Action<JsonElement, int, long> onEntry,
        Action<string, string>? onString = null)
    {
        var reader = new Utf8JsonReader(json, _options);
        var frames = new List<Frame>();
        string? property = null;
        long line = 1;
        var counted = 0L;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        continue;
                    case JsonTokenType.StartObject when frames.Count > 0 && frames[^1].IsArray && frames[^1].IsEntryArray:
                        var index = frames[^1].Count++;
                        line += json[(int)counted..(int)reader.TokenStartIndex].Count((byte)'\n');
                        counted = reader.TokenStartIndex;
                        using (var entry = JsonDocument.ParseValue(ref reader))
                            onEntry(entry.RootElement, index, line);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        var path = ChildPath(frames, property);
                        var isArray = reader.TokenType == JsonTokenType.StartArray;
                        frames.Add(new Frame(path, isArray, isArray && isEntryArray(path)));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.String when onString is not null && property is not null:
                        onString(ChildPath(frames, property), reader.GetString()!);
                        break;
                }

                property = null;
            }

            return null;
        }
        catch (JsonException e)
        {
            return ((e.LineNumber ?? 0) + 1, "not valid JSON: " + e.Message);
        }
        catch (InvalidOperationException e)
        {
            return (line, "not valid JSON text: " + e.Message);
        }
    }

    private static string ChildPath(List<Frame> frames, string? property)
    {
        if (frames.Count == 0)
            return string.Empty;
        var parent = frames[^1];
        if (parent.IsArray)
            return parent.Path + "[]";
        return parent.Path.Length == 0 ? property ?? string.Empty : parent.Path + "." + property;
    }

    private sealed class Frame(string path, bool isArray, bool isEntryArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public bool IsEntryArray { get; } = isEntryArray;

        public int Count { get; set; }
    }
}
