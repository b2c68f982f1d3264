using System.Globalization;
using Ooda.Core;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>Maps a record tree to the flat event model, with values as the crate's JSON shows them.</summary>
internal static class EventFieldMapper
{
    public static EvidenceEvent Map(EvtxRecord record, ParseContext context)
    {
        var root = record.Root;
        var system = root.Element("System");
        var fields = new EventFields(48);

        AddData(fields, root.Element("EventData"));
        AddUserData(fields, root.Element("UserData"));

        string? eventId = null, channel = null, provider = null;
        var timestamp = record.Written;
        if (system is not null)
        {
            eventId = Text(fields, system, "EventID", "EventID");
            provider = Attribute(fields, system, "Provider", "Name", "Provider_Name");
            Attribute(fields, system, "Provider", "Guid", "Provider_Guid");
            channel = Text(fields, system, "Channel", "Channel");
            Text(fields, system, "Computer", "Computer");
            Text(fields, system, "EventRecordID", "EventRecordID");
            Text(fields, system, "Level", "Level");
            Text(fields, system, "Task", "Task");
            Text(fields, system, "Opcode", "Opcode");
            Text(fields, system, "Keywords", "Keywords");
            Text(fields, system, "Version", "Version");
            Attribute(fields, system, "Execution", "ProcessID", "Execution_ProcessID");
            Attribute(fields, system, "Execution", "ThreadID", "Execution_ThreadID");
            Attribute(fields, system, "Security", "UserID", "Security_UserID");
            Attribute(fields, system, "Correlation", "ActivityID", "Correlation_ActivityID");
            Attribute(fields, system, "TimeCreated", "SystemTime", "TimeCreated_SystemTime");
            if (system.Element("TimeCreated")?.Attribute("SystemTime")?.Value is [EvtxValueNode time]
                && time.Value.TryGetDateTime(out var created))
            {
                timestamp = created;
            }
        }

        return new EvidenceEvent
        {
            Timestamp = DateTime.SpecifyKind(timestamp, DateTimeKind.Utc),
            Tenant = context.Source.Tenant,
            Host = context.Source.Host,
            Kind = SourceKind.WindowsEvent,
            Channel = channel,
            Provider = provider,
            EventId = int.TryParse(eventId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null,
            RecordId = (long)record.RecordId,
            Fields = fields,
            Provenance = context.AtOffset(record.Offset),
        };
    }

    /// <summary>Named <c>Data</c> items by name (unnamed ones joined one per line under <c>Data</c>); other children by element name.</summary>
    private static void AddData(EventFields fields, EvtxElement? container)
    {
        if (container is null)
            return;
        List<string>? unnamed = null;
        foreach (var node in container.Children)
        {
            if (node is not EvtxElement child)
                continue;
            if (child.Name == "Data" && child.Attribute("Name") is { } name && CrateJsonRenderer.HasContent(name.Value))
                fields.TryAdd(CrateJsonRenderer.ContentText(name.Value), Value(child));
            else if (child.Name == "Data")
                (unnamed ??= []).Add(Value(child));
            else if (!child.HasElementChild)
                fields.TryAdd(child.Name, Value(child));
        }

        if (unnamed is not null)
            fields.TryAdd("Data", string.Join('\n', unnamed));
    }

    /// <summary>UserData holds one provider element: its leaf children by name, their attributes as <c>Element_Attribute</c>.</summary>
    private static void AddUserData(EventFields fields, EvtxElement? container)
    {
        if (container is null)
            return;
        foreach (var node in container.Children)
        {
            if (node is not EvtxElement provider)
                continue;
            AddData(fields, provider);
            foreach (var leaf in provider.Children)
            {
                if (leaf is not EvtxElement element || element.HasElementChild)
                    continue;
                foreach (var attribute in element.Attributes)
                {
                    if (CrateJsonRenderer.HasContent(attribute.Value))
                        fields.TryAdd($"{element.Name}_{attribute.Name}", CrateJsonRenderer.ContentText(attribute.Value));
                }
            }
        }
    }

    private static string Value(EvtxElement element) =>
        CrateJsonRenderer.HasContent(element.Children) ? CrateJsonRenderer.ContentText(element.Children) : string.Empty;

    private static string? Text(EventFields fields, EvtxElement system, string element, string field)
    {
        if (system.Element(element) is not { } e || !CrateJsonRenderer.HasContent(e.Children))
            return null;
        var text = CrateJsonRenderer.ContentText(e.Children);
        fields.TryAdd(field, text);
        return text;
    }

    private static string? Attribute(EventFields fields, EvtxElement system, string element, string attribute, string field)
    {
        if (system.Element(element)?.Attribute(attribute) is not { } a || !CrateJsonRenderer.HasContent(a.Value))
            return null;
        var text = CrateJsonRenderer.ContentText(a.Value);
        fields.TryAdd(field, text);
        return text;
    }
}
