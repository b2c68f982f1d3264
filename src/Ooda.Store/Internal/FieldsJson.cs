using System.Text.Json;
using Ooda.Core;

namespace Ooda.Store.Internal;

/// <summary>Reads the JSON object that holds an event's fields in the store (written by <see cref="EventBatch"/>).</summary>
internal static class FieldsJson
{
    public static EventFields Deserialize(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var fields = new EventFields(doc.RootElement.GetPropertyCount());
        foreach (var property in doc.RootElement.EnumerateObject())
            fields.TryAdd(property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText());
        return fields;
    }
}
