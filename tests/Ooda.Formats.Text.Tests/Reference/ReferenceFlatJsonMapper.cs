using System.Globalization;
using System.Text.Json;
using Ooda.Core;
using Ooda.Formats.Text.Internal;

namespace Ooda.Formats.Text.Tests.Reference;

/// <summary>
/// Test oracle: the JsonDocument-based flat mapper as it was before the streaming rewrite, kept verbatim for the
/// differential tests.
/// Maps a flat JSON event (<c>{"EventID":4688,"CommandLine":"…","@timestamp":"…"}</c>): nested objects are flattened
/// with <c>.</c>, arrays of scalars joined with commas, arrays holding objects flattened with the index as a segment.
/// </summary>
internal static class ReferenceFlatJsonMapper
{
    private static readonly string[] _timeNames = ["@timestamp", "timestamp", "TimeCreated", "TimeCreated_SystemTime", "SystemTime", "UtcTime", "EventTime", "TimeGenerated", "time", "date"];
    private static readonly string[] _eventIdNames = ["EventID", "EventId", "event_id", "winlog.event_id", "event.code"];
    private static readonly string[] _channelNames = ["Channel", "winlog.channel", "LogName"];
    private static readonly string[] _providerNames = ["Provider_Name", "ProviderName", "SourceName", "winlog.provider_name"];
    private static readonly string[] _recordIdNames = ["EventRecordID", "RecordNumber", "winlog.record_id"];

    public static EvidenceEvent Map(JsonElement root, ParseContext context, Provenance provenance, Action<string> warn)
    {
        var fields = new EventFields(16);
        Flatten(root, null, fields);

        var timestamp = Timestamps.None;
        if (First(fields, _timeNames) is { } time && !ReferenceJsonText.TryParseUtc(time, out timestamp))
            warn($"unreadable timestamp '{time}'; kept without a time");

        return new EvidenceEvent
        {
            Timestamp = timestamp,
            Tenant = context.Source.Tenant,
            Host = context.Source.Host,
            Kind = SourceKind.FlatJson,
            Channel = First(fields, _channelNames),
            Provider = First(fields, _providerNames),
            EventId = int.TryParse(First(fields, _eventIdNames), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null,
            RecordId = long.TryParse(First(fields, _recordIdNames), NumberStyles.Integer, CultureInfo.InvariantCulture, out var record) ? record : null,
            Fields = fields,
            Provenance = provenance,
        };
    }

    private static string? First(EventFields fields, string[] names)
    {
        foreach (var name in names)
        {
            if (fields.Get(name) is { } value)
                return value;
        }

        return null;
    }

    private static void Flatten(JsonElement node, string? prefix, EventFields fields)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                    Flatten(property.Value, prefix is null ? property.Name : prefix + "." + property.Name, fields);
                break;
            case JsonValueKind.Array when !ReferenceJsonText.IsScalarArray(node):
                var index = 0;
                foreach (var item in node.EnumerateArray())
                    Flatten(item, (prefix ?? string.Empty) + "." + (index++).ToString(CultureInfo.InvariantCulture), fields);
                break;
            default:
                if (prefix is not null && ReferenceJsonText.Scalar(node) is { } text)
                    fields.TryAdd(prefix, text);
                break;
        }
    }
}
