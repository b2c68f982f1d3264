using System.Globalization;
using Ooda.Core;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>Maps a record (tree or template instance) to the flat event model, with values as the crate's JSON shows them.</summary>
internal static class EventFieldMapper
{
    public static EvidenceEvent Map(EvtxRecord record, ParseContext context, Utf8Buffer scratch) =>
        Map(new ElementView(record.Root), record.RecordId, record.Written, record.Offset, context, scratch);

    /// <param name="capacity">Fields expected (the previous record's count serves: neighbours share templates).</param>
    public static EvidenceEvent Map(in ElementView root, ulong recordId, DateTime written, long offset, ParseContext context, Utf8Buffer scratch, int capacity = 48)
    {
        var fields = new EventFields(capacity);

        if (root.TryGetElement("EventData", out var eventData))
            AddData(fields, eventData, scratch);
        if (root.TryGetElement("UserData", out var userData))
            AddUserData(fields, userData, scratch);

        string? eventId = null, channel = null, provider = null;
        var timestamp = written;
        if (root.TryGetElement("System", out var system))
        {
            var found = default(SystemElements);
            var seen = SystemElements.Collect(system, ref found);
            eventId = Text(fields, found, seen, SystemElements.EventId, "EventID", scratch);
            provider = Attribute(fields, found, seen, SystemElements.Provider, "Name", "Provider_Name", scratch);
            Attribute(fields, found, seen, SystemElements.Provider, "Guid", "Provider_Guid", scratch);
            channel = Text(fields, found, seen, SystemElements.Channel, "Channel", scratch);
            Text(fields, found, seen, SystemElements.Computer, "Computer", scratch);
            Text(fields, found, seen, SystemElements.EventRecordId, "EventRecordID", scratch);
            Text(fields, found, seen, SystemElements.Level, "Level", scratch);
            Text(fields, found, seen, SystemElements.Task, "Task", scratch);
            Text(fields, found, seen, SystemElements.Opcode, "Opcode", scratch);
            Text(fields, found, seen, SystemElements.Keywords, "Keywords", scratch);
            Text(fields, found, seen, SystemElements.Version, "Version", scratch);
            Attribute(fields, found, seen, SystemElements.Execution, "ProcessID", "Execution_ProcessID", scratch);
            Attribute(fields, found, seen, SystemElements.Execution, "ThreadID", "Execution_ThreadID", scratch);
            Attribute(fields, found, seen, SystemElements.Security, "UserID", "Security_UserID", scratch);
            Attribute(fields, found, seen, SystemElements.Correlation, "ActivityID", "Correlation_ActivityID", scratch);
            Attribute(fields, found, seen, SystemElements.TimeCreated, "SystemTime", "TimeCreated_SystemTime", scratch);
            if ((seen & (1 << SystemElements.TimeCreated)) != 0
                && found[SystemElements.TimeCreated].TryGetAttribute("SystemTime", out var time)
                && time.TryGetSingle(out var single) && single.Kind == NodeKind.Value
                && single.Value.TryGetDateTime(out var created))
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
            RecordId = (long)recordId,
            Fields = fields,
            Provenance = context.AtOffset(offset),
        };
    }

    /// <summary>Named <c>Data</c> items by name (unnamed ones joined one per line under <c>Data</c>); other children by element name.</summary>
    private static void AddData(EventFields fields, in ElementView container, Utf8Buffer scratch)
    {
        List<string>? unnamed = null;
        var children = container.Children;
        for (var i = 0; i < children.Length; i++)
        {
            var node = children[i];
            if (node.Kind != NodeKind.Element)
                continue;
            var child = node.Element;
            if (child.Name == "Data" && child.TryGetAttribute("Name", out var name) && CrateJsonRenderer.HasContent(name))
                fields.TryAdd(CrateJsonRenderer.ContentText(name, scratch), Value(child, scratch));
            else if (child.Name == "Data")
                (unnamed ??= []).Add(Value(child, scratch));
            else if (!child.HasElementChild)
                fields.TryAdd(child.Name, Value(child, scratch));
        }

        if (unnamed is not null)
            fields.TryAdd("Data", string.Join('\n', unnamed));
    }

    /// <summary>UserData holds one provider element: its leaf children by name, their attributes as <c>Element_Attribute</c>.</summary>
    private static void AddUserData(EventFields fields, in ElementView container, Utf8Buffer scratch)
    {
        var providers = container.Children;
        for (var p = 0; p < providers.Length; p++)
        {
            if (providers[p].Kind != NodeKind.Element)
                continue;
            var provider = providers[p].Element;
            AddData(fields, provider, scratch);
            var leaves = provider.Children;
            for (var l = 0; l < leaves.Length; l++)
            {
                if (leaves[l].Kind != NodeKind.Element)
                    continue;
                var element = leaves[l].Element;
                if (element.HasElementChild)
                    continue;
                for (var a = 0; a < element.AttributeCount; a++)
                {
                    var value = element.AttributeValue(a);
                    if (CrateJsonRenderer.HasContent(value))
                        fields.TryAdd($"{element.Name}_{element.AttributeName(a)}", CrateJsonRenderer.ContentText(value, scratch));
                }
            }
        }
    }

    private static string Value(in ElementView element, Utf8Buffer scratch)
    {
        var children = element.Children;
        return CrateJsonRenderer.HasContent(children) ? CrateJsonRenderer.ContentText(children, scratch) : string.Empty;
    }

    private static string? Text(EventFields fields, in SystemElements found, int seen, int index, string field, Utf8Buffer scratch)
    {
        if ((seen & (1 << index)) == 0 || !CrateJsonRenderer.HasContent(found[index].Children))
            return null;
        var text = CrateJsonRenderer.ContentText(found[index].Children, scratch);
        fields.TryAdd(field, text);
        return text;
    }

    private static string? Attribute(EventFields fields, in SystemElements found, int seen, int index, string attribute, string field, Utf8Buffer scratch)
    {
        if ((seen & (1 << index)) == 0 || !found[index].TryGetAttribute(attribute, out var a) || !CrateJsonRenderer.HasContent(a))
            return null;
        var text = CrateJsonRenderer.ContentText(a, scratch);
        fields.TryAdd(field, text);
        return text;
    }
}
