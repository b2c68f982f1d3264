using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ooda.Core;

namespace Ooda.Store.Internal;

/// <summary>Writes and reads the JSON object that holds an event's fields in the store.</summary>
internal sealed class FieldsJson
{
    // Relaxed escaping keeps '<', '&', '+' and non-ASCII as-is, so SQL substring search over the JSON finds them.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public FieldsJson() => _writer = new Utf8JsonWriter(_buffer, s_options);

    public string Serialize(EventFields fields)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        foreach (var (name, value) in fields)
            _writer.WriteString(name, value);
        _writer.WriteEndObject();
        _writer.Flush();
        return System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    public static EventFields Deserialize(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var fields = new EventFields(doc.RootElement.GetPropertyCount());
        foreach (var property in doc.RootElement.EnumerateObject())
            fields.TryAdd(property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText());
        return fields;
    }
}
