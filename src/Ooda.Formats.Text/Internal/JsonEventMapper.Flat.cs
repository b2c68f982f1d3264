using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Ooda.Core;

namespace Ooda.Formats.Text.Internal;

/// <summary>
/// A flat JSON event (<c>{"EventID":4688,"CommandLine":"…","@timestamp":"…"}</c>): nested objects are flattened
/// with <c>.</c>, arrays of scalars joined with commas, arrays holding containers flattened with the index as a segment.
/// </summary>
internal sealed partial class JsonEventMapper
{
    private const string EventName = "Event";

    private static readonly string[] _timeNames = ["@timestamp", "timestamp", "TimeCreated", "TimeCreated_SystemTime", "SystemTime", "UtcTime", "EventTime", "TimeGenerated", "time", "date"];
    private static readonly string[] _eventIdNames = ["EventID", "EventId", "event_id", "winlog.event_id", "event.code"];
    private static readonly string[] _channelNames = ["Channel", "winlog.channel", "LogName"];
    private static readonly string[] _providerNames = ["Provider_Name", "ProviderName", "SourceName", "winlog.provider_name"];
    private static readonly string[] _recordIdNames = ["EventRecordID", "RecordNumber", "winlog.record_id"];

    private readonly List<KeyValuePair<string, string>> _flat = [];

    /// <summary>Flattens a value under <paramref name="prefix"/> (null only for the root object).</summary>
    private void Flatten(ref Utf8JsonReader reader, string? prefix)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                while (NextProperty(ref reader))
                {
                    var name = Name(ref reader);
                    reader.Read();
                    Flatten(ref reader, prefix is null ? name : prefix + "." + name);
                }

                break;
            case JsonTokenType.StartArray:
                // Primitives are held back until the array proves to be all primitives (one joined field) or not (one field per index).
                var start = _scalars.Count;
                var allPrimitive = true;
                var index = 0;
                while (NextItem(ref reader))
                {
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        if (allPrimitive)
                        {
                            allPrimitive = false;
                            AddHeldIndexed(start, prefix);
                        }

                        Flatten(ref reader, Indexed(prefix, index));
                    }
                    else if (allPrimitive)
                    {
                        _scalars.Add(Primitive(ref reader));
                    }
                    else if (Primitive(ref reader) is { } item)
                    {
                        _flat.Add(new(Indexed(prefix, index), item));
                    }

                    index++;
                }

                if (!allPrimitive)
                    break;
                if (prefix is not null)
                    _flat.Add(new(prefix, JoinScalars(start)));
                else
                    DropScalars(start);
                break;
            default:
                if (prefix is not null && Primitive(ref reader) is { } text)
                    _flat.Add(new(prefix, text));
                break;
        }
    }

    private void AddHeldIndexed(int start, string? prefix)
    {
        var held = CollectionsMarshal.AsSpan(_scalars)[start..];
        for (var i = 0; i < held.Length; i++)
        {
            if (held[i] is { } item)
                _flat.Add(new(Indexed(prefix, i), item));
        }

        DropScalars(start);
    }

    private static string Indexed(string? prefix, int index) => (prefix ?? string.Empty) + "." + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The object held an <c>Event</c> object that turned out not to be an evtx event: flatten all of it.</summary>
    private void FlattenAgain(ReadOnlySpan<byte> json)
    {
        _flat.Clear();
        var reader = new Utf8JsonReader(json, _readerOptions);
        reader.Read();
        Flatten(ref reader, null);
    }

    private EvidenceEvent FlatEvent(ParseContext context, Provenance provenance, long line)
    {
        var fields = new EventFields(_flat.Count);
        foreach (var (name, value) in CollectionsMarshal.AsSpan(_flat))
            fields.TryAdd(name, value);

        var timestamp = Timestamps.None;
        if (First(fields, _timeNames) is { } time && !Timestamps.TryParseUtc(time, out timestamp))
            context.ReportLine(line, $"unreadable timestamp '{time}'; kept without a time", DiagnosticSeverity.Warning);

        return NewEvent(context, SourceKind.FlatJson, timestamp, First(fields, _channelNames), First(fields, _providerNames),
            First(fields, _eventIdNames), First(fields, _recordIdNames), fields, provenance);
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
}
