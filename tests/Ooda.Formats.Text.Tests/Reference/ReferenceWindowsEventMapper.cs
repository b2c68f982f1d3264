using System.Globalization;
using System.Text.Json;
using Ooda.Core;
using Ooda.Formats.Text.Internal;

namespace Ooda.Formats.Text.Tests.Reference;

/// <summary>
/// Test oracle: the JsonDocument-based evtx-shape mapper as it was before the streaming rewrite, kept verbatim for the
/// differential tests.
/// Maps the evtx-crate / Hayabusa / SigmaHQ <c>regression_data</c> rendering <c>{"Event":{"System":…,"EventData":…}}</c>.
/// Field order decides clashes (first wins): EventData, then UserData leaves, then System fields under fixed names.
/// </summary>
/// <remarks>
/// EventData forms: <c>{"Name":value}</c>; <c>{"Data":[{"#attributes":{"Name":"N"},"#text":"v"}]}</c> (named);
/// unnamed <c>{"Data":"v"}</c> or <c>{"Data":["a","b"]}</c> become <c>Data</c> (all values joined with commas) plus
/// <c>Data1</c>…<c>DataN</c> when there are several. Arrays of scalars are joined with commas. <c>#attributes</c> of
/// EventData/UserData elements (e.g. <c>xmlns</c>) are not fields.
/// </remarks>
internal static class ReferenceWindowsEventMapper
{
    private const string UnnamedData = "Data";

    public static bool IsWindowsEvent(JsonElement root, out JsonElement evt) =>
        root.TryGetProperty("Event", out evt) && evt.ValueKind == JsonValueKind.Object
        && evt.TryGetProperty("System", out var system) && system.ValueKind == JsonValueKind.Object;

    public static EvidenceEvent Map(JsonElement evt, ParseContext context, Provenance provenance, Action<string> warn)
    {
        var fields = new EventFields(32);
        if (evt.TryGetProperty("EventData", out var eventData))
            AddEventData(eventData, fields);
        if (evt.TryGetProperty("UserData", out var userData))
            AddLeaves(userData, null, fields);

        var system = evt.GetProperty("System");
        var provider = Child(system, "Provider");
        var providerName = ReferenceJsonText.Attribute(provider, "Name");
        var eventIdText = Child(system, "EventID") is { ValueKind: not JsonValueKind.Undefined } eventIdElement ? ReferenceJsonText.Scalar(eventIdElement) : null;
        var channel = Text(system, "Channel");
        var recordIdText = Text(system, "EventRecordID");
        var systemTime = ReferenceJsonText.Attribute(Child(system, "TimeCreated"), "SystemTime");
        var execution = Child(system, "Execution");

        AddSystem(fields, "EventID", eventIdText);
        AddSystem(fields, "Channel", channel);
        AddSystem(fields, "Provider_Name", providerName);
        AddSystem(fields, "Provider_Guid", ReferenceJsonText.Attribute(provider, "Guid"));
        AddSystem(fields, "Computer", Text(system, "Computer"));
        AddSystem(fields, "EventRecordID", recordIdText);
        AddSystem(fields, "Level", Text(system, "Level"));
        AddSystem(fields, "Task", Text(system, "Task"));
        AddSystem(fields, "Opcode", Text(system, "Opcode"));
        AddSystem(fields, "Keywords", Text(system, "Keywords"));
        AddSystem(fields, "Version", Text(system, "Version"));
        AddSystem(fields, "Execution_ProcessID", ReferenceJsonText.Attribute(execution, "ProcessID"));
        AddSystem(fields, "Execution_ThreadID", ReferenceJsonText.Attribute(execution, "ThreadID"));
        AddSystem(fields, "Security_UserID", ReferenceJsonText.Attribute(Child(system, "Security"), "UserID"));
        AddSystem(fields, "Correlation_ActivityID", ReferenceJsonText.Attribute(Child(system, "Correlation"), "ActivityID"));
        AddSystem(fields, "TimeCreated_SystemTime", systemTime);

        var timestamp = Timestamps.None;
        if (systemTime is null)
            warn("event has no System.TimeCreated.SystemTime; kept without a time");
        else if (!ReferenceJsonText.TryParseUtc(systemTime, out timestamp))
            warn($"unreadable SystemTime '{systemTime}'; kept without a time");

        int? eventId = int.TryParse(eventIdText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
        if (eventId is null)
            warn("event has no numeric System.EventID");

        return new EvidenceEvent
        {
            Timestamp = timestamp,
            Tenant = context.Source.Tenant,
            Host = context.Source.Host,
            Kind = SourceKind.WindowsEvent,
            Channel = channel,
            Provider = providerName,
            EventId = eventId,
            RecordId = long.TryParse(recordIdText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var record) ? record : null,
            Fields = fields,
            Provenance = provenance,
        };
    }

    private static JsonElement Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : default;

    private static string? Text(JsonElement element, string name) =>
        Child(element, name) is { ValueKind: not JsonValueKind.Undefined } child ? ReferenceJsonText.Scalar(child) : null;

    private static void AddSystem(EventFields fields, string name, string? value)
    {
        if (value is not null)
            fields.TryAdd(name, value);
    }

    private static void AddEventData(JsonElement eventData, EventFields fields)
    {
        var unnamed = new List<string>();
        switch (eventData.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in eventData.EnumerateObject())
                {
                    if (property.NameEquals(ReferenceJsonText.AttributesKey))
                        continue;
                    if (property.NameEquals(UnnamedData) || property.NameEquals(ReferenceJsonText.TextKey))
                        AddData(property.Value, fields, unnamed);
                    else
                        AddNamed(property.Name, property.Value, fields);
                }

                break;
            default:
                AddData(eventData, fields, unnamed);
                break;
        }

        if (unnamed.Count == 0)
            return;
        fields.TryAdd(UnnamedData, string.Join(',', unnamed));
        if (unnamed.Count > 1)
        {
            for (var i = 0; i < unnamed.Count; i++)
                fields.TryAdd(UnnamedData + (i + 1).ToString(CultureInfo.InvariantCulture), unnamed[i]);
        }
    }

    /// <summary>A <c>Data</c> node: named items go to their names, the rest to the unnamed list.</summary>
    private static void AddData(JsonElement data, EventFields fields, List<string> unnamed)
    {
        switch (data.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in data.EnumerateArray())
                    AddData(item, fields, unnamed);
                break;
            case JsonValueKind.Object:
                if (ReferenceJsonText.Attribute(data, "Name") is { } name && data.TryGetProperty(ReferenceJsonText.AttributesKey, out _))
                {
                    if (data.TryGetProperty(ReferenceJsonText.TextKey, out var named) && ReferenceJsonText.Scalar(named) is { } namedText)
                        fields.TryAdd(name, namedText);
                }
                else if (data.TryGetProperty(ReferenceJsonText.TextKey, out var text))
                {
                    AddData(text, fields, unnamed);
                }

                break;
            default:
                if (ReferenceJsonText.Scalar(data) is { } scalar)
                    unnamed.Add(scalar);
                break;
        }
    }

    private static void AddNamed(string name, JsonElement value, EventFields fields)
    {
        if (value.ValueKind == JsonValueKind.Object && !value.TryGetProperty(ReferenceJsonText.TextKey, out _))
        {
            AddLeaves(value, name, fields);
            return;
        }

        if (ReferenceJsonText.Scalar(value) is { } text)
            fields.TryAdd(name, text);
        else if (value.ValueKind == JsonValueKind.Array)
            AddLeaves(value, name, fields);
    }

    /// <summary>UserData and nested values: every leaf under its own name (an element's <c>#text</c> under the element's name).</summary>
    private static void AddLeaves(JsonElement node, string? name, EventFields fields)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    if (property.NameEquals(ReferenceJsonText.AttributesKey))
                        continue;
                    AddLeaves(property.Value, property.NameEquals(ReferenceJsonText.TextKey) ? name : property.Name, fields);
                }

                break;
            case JsonValueKind.Array when !ReferenceJsonText.IsScalarArray(node):
                foreach (var item in node.EnumerateArray())
                    AddLeaves(item, name, fields);
                break;
            default:
                if (name is not null && ReferenceJsonText.Scalar(node) is { } text)
                    fields.TryAdd(name, text);
                break;
        }
    }
}
