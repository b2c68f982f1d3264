using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Ooda.Core;

namespace Ooda.Formats.Text.Internal;

/// <summary>
/// The evtx-crate / Hayabusa / SigmaHQ <c>regression_data</c> rendering <c>{"Event":{"System":…,"EventData":…}}</c>.
/// Field order decides clashes (first wins): EventData, then UserData leaves, then System fields under fixed names.
/// </summary>
/// <remarks>
/// EventData forms: <c>{"Name":value}</c>; <c>{"Data":[{"#attributes":{"Name":"N"},"#text":"v"}]}</c> (named);
/// unnamed <c>{"Data":"v"}</c> or <c>{"Data":["a","b"]}</c> become <c>Data</c> (all values joined with commas) plus
/// <c>Data1</c>…<c>DataN</c> when there are several. Arrays of scalars are joined with commas. <c>#attributes</c> of
/// EventData/UserData elements (e.g. <c>xmlns</c>) are not fields.
/// </remarks>
internal sealed partial class JsonEventMapper
{
    private const string UnnamedData = "Data";
    private const string NameAttribute = "Name";

    private readonly List<KeyValuePair<string, string>> _eventData = [];
    private readonly List<KeyValuePair<string, string>> _userData = [];
    private readonly List<string> _unnamed = [];
    private EvtxSystemFields _system;

    /// <summary>Reads an <c>Event</c> object (the last one counts); true when its (last) <c>System</c> is an object.</summary>
    private bool ReadEvent(ref Utf8JsonReader reader)
    {
        _eventData.Clear();
        _userData.Clear();
        _system = default;
        var systemIsObject = false;
        while (NextProperty(ref reader))
        {
            switch (Name(ref reader))
            {
                case "System":
                    reader.Read();
                    _system = default;
                    systemIsObject = reader.TokenType == JsonTokenType.StartObject;
                    if (systemIsObject)
                        ReadSystem(ref reader);
                    else
                        reader.Skip();
                    break;
                case "EventData":
                    reader.Read();
                    ReadEventData(ref reader);
                    break;
                case "UserData":
                    reader.Read();
                    _userData.Clear();
                    AddLeaves(ref reader, null, _userData);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return systemIsObject;
    }

    private void ReadSystem(ref Utf8JsonReader reader)
    {
        while (NextProperty(ref reader))
        {
            var name = Name(ref reader);
            reader.Read();
            switch (name)
            {
                case "Provider":
                    ReadAttributes(ref reader, "Name", "Guid", _systemValues, out _system.ProviderName, out _system.ProviderGuid);
                    break;
                case "EventID":
                    _system.EventId = Scalar(ref reader, _systemValues);
                    break;
                case "Version":
                    _system.Version = Scalar(ref reader, _systemValues);
                    break;
                case "Level":
                    _system.Level = Scalar(ref reader, _systemValues);
                    break;
                case "Task":
                    _system.Task = Scalar(ref reader, _systemValues);
                    break;
                case "Opcode":
                    _system.Opcode = Scalar(ref reader, _systemValues);
                    break;
                case "Keywords":
                    _system.Keywords = Scalar(ref reader, _systemValues);
                    break;
                case "TimeCreated":
                    ReadAttributes(ref reader, "SystemTime", null, null, out _system.SystemTime, out _);
                    break;
                case "EventRecordID":
                    _system.RecordId = Scalar(ref reader);
                    break;
                case "Correlation":
                    ReadAttributes(ref reader, "ActivityID", null, null, out _system.ActivityId, out _);
                    break;
                case "Execution":
                    ReadAttributes(ref reader, "ProcessID", "ThreadID", null, out _system.ProcessId, out _system.ThreadId);
                    break;
                case "Channel":
                    _system.Channel = Scalar(ref reader, _systemValues);
                    break;
                case "Computer":
                    _system.Computer = Scalar(ref reader, _systemValues);
                    break;
                case "Security":
                    ReadAttributes(ref reader, "UserID", null, _systemValues, out _system.UserId, out _);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    /// <summary>
    /// Up to two attributes of an evtx-style element: from its (last) <c>#attributes</c> object when that has the
    /// name, else from a plain property of that name; null when the value is not an object.
    /// </summary>
    private void ReadAttributes(ref Utf8JsonReader reader, string first, string? second, Utf8StringCache? cache, out string? firstValue, out string? secondValue)
    {
        firstValue = secondValue = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        bool inAttributes1 = false, inAttributes2 = false, direct1 = false, direct2 = false;
        string? attribute1 = null, attribute2 = null, plain1 = null, plain2 = null;
        while (NextProperty(ref reader))
        {
            var name = Name(ref reader);
            reader.Read();
            if (name == AttributesKey)
            {
                inAttributes1 = inAttributes2 = false;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (NextProperty(ref reader))
                {
                    var attribute = Name(ref reader);
                    reader.Read();
                    if (attribute == first)
                    {
                        inAttributes1 = true;
                        attribute1 = Scalar(ref reader, cache);
                    }
                    else if (attribute == second)
                    {
                        inAttributes2 = true;
                        attribute2 = Scalar(ref reader, cache);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else if (name == first)
            {
                direct1 = true;
                plain1 = Scalar(ref reader, cache);
            }
            else if (name == second)
            {
                direct2 = true;
                plain2 = Scalar(ref reader, cache);
            }
            else
            {
                reader.Skip();
            }
        }

        firstValue = inAttributes1 ? attribute1 : direct1 ? plain1 : null;
        secondValue = inAttributes2 ? attribute2 : direct2 ? plain2 : null;
    }

    /// <summary>An <c>EventData</c> value (the last one counts): named fields in order, then the unnamed <c>Data</c> values.</summary>
    private void ReadEventData(ref Utf8JsonReader reader)
    {
        _eventData.Clear();
        _unnamed.Clear();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (NextProperty(ref reader))
            {
                var name = Name(ref reader);
                reader.Read();
                switch (name)
                {
                    case AttributesKey:
                        reader.Skip();
                        break;
                    case UnnamedData or TextKey:
                        AddData(ref reader);
                        break;
                    default:
                        AddNamed(ref reader, name);
                        break;
                }
            }
        }
        else
        {
            AddData(ref reader);
        }

        if (_unnamed.Count == 0)
            return;
        _eventData.Add(new(UnnamedData, string.Join(',', _unnamed)));
        if (_unnamed.Count > 1)
        {
            for (var i = 0; i < _unnamed.Count; i++)
                _eventData.Add(new(UnnamedData + (i + 1).ToString(CultureInfo.InvariantCulture), _unnamed[i]));
        }
    }

    /// <summary>A <c>Data</c> node: named items go to their names, the rest to the unnamed list.</summary>
    private void AddData(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                while (NextItem(ref reader))
                    AddData(ref reader);
                break;
            case JsonTokenType.StartObject:
                AddDataElement(ref reader);
                break;
            default:
                if (Primitive(ref reader) is { } scalar)
                    _unnamed.Add(scalar);
                break;
        }
    }

    /// <summary>
    /// <c>{"#attributes":{"Name":"N"},"#text":v}</c> is the field N; without a name, the (last) <c>#text</c> is a
    /// Data node of its own. The <c>#text</c> is re-read from a saved reader once the name is known.
    /// </summary>
    private void AddDataElement(ref Utf8JsonReader reader)
    {
        var hasAttributes = false;
        bool inAttributes = false, direct = false;
        string? attributeName = null, plainName = null;
        var text = default(Utf8JsonReader);
        var hasText = false;
        while (NextProperty(ref reader))
        {
            var key = Name(ref reader);
            reader.Read();
            switch (key)
            {
                case AttributesKey:
                    hasAttributes = true;
                    inAttributes = false;
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        reader.Skip();
                        break;
                    }

                    while (NextProperty(ref reader))
                    {
                        var attribute = Name(ref reader);
                        reader.Read();
                        if (attribute == NameAttribute)
                        {
                            inAttributes = true;
                            attributeName = Scalar(ref reader);
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    break;
                case NameAttribute:
                    direct = true;
                    plainName = Scalar(ref reader);
                    break;
                case TextKey:
                    hasText = true;
                    text = reader;
                    reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        var name = inAttributes ? attributeName : direct ? plainName : null;
        if (name is not null && hasAttributes)
        {
            if (hasText && Scalar(ref text) is { } value)
                _eventData.Add(new(name, value));
        }
        else if (hasText)
        {
            AddData(ref text);
        }
    }

    /// <summary>A named EventData value: an element with <c>#text</c> is that text; anything else goes by its leaves.</summary>
    private void AddNamed(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            AddLeaves(ref reader, name, _eventData);
            return;
        }

        var start = reader;
        var text = default(Utf8JsonReader);
        var hasText = false;
        while (NextProperty(ref reader))
        {
            var key = Name(ref reader);
            reader.Read();
            if (key == TextKey)
            {
                hasText = true;
                text = reader;
            }

            reader.Skip();
        }

        if (!hasText)
            AddLeaves(ref start, name, _eventData);
        else if (Scalar(ref text) is { } value)
            _eventData.Add(new(name, value));
    }

    /// <summary>UserData and nested values: every leaf under its own name (an element's <c>#text</c> under the element's name).</summary>
    private void AddLeaves(ref Utf8JsonReader reader, string? name, List<KeyValuePair<string, string>> target)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                while (NextProperty(ref reader))
                {
                    var key = Name(ref reader);
                    reader.Read();
                    if (key == AttributesKey)
                        reader.Skip();
                    else
                        AddLeaves(ref reader, key == TextKey ? name : key, target);
                }

                break;
            case JsonTokenType.StartArray:
                // Primitives are held back until the array proves to be all primitives (one joined leaf) or not (one leaf each).
                var start = _scalars.Count;
                var allPrimitive = true;
                while (NextItem(ref reader))
                {
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        if (allPrimitive)
                        {
                            allPrimitive = false;
                            AddHeldLeaves(start, name, target);
                        }

                        AddLeaves(ref reader, name, target);
                    }
                    else if (allPrimitive)
                    {
                        _scalars.Add(Primitive(ref reader));
                    }
                    else if (name is not null && Primitive(ref reader) is { } item)
                    {
                        target.Add(new(name, item));
                    }
                }

                if (!allPrimitive)
                    break;
                if (name is not null)
                    target.Add(new(name, JoinScalars(start)));
                else
                    DropScalars(start);
                break;
            default:
                if (name is not null && Primitive(ref reader) is { } text)
                    target.Add(new(name, text));
                break;
        }
    }

    private void AddHeldLeaves(int start, string? name, List<KeyValuePair<string, string>> target)
    {
        if (name is not null)
        {
            foreach (var item in CollectionsMarshal.AsSpan(_scalars)[start..])
            {
                if (item is not null)
                    target.Add(new(name, item));
            }
        }

        DropScalars(start);
    }

    private EvidenceEvent WindowsEvent(ParseContext context, Provenance provenance, long line)
    {
        var fields = new EventFields(_eventData.Count + _userData.Count + EvtxSystemFields.Count);
        foreach (var (name, value) in CollectionsMarshal.AsSpan(_eventData))
            fields.TryAdd(name, value);
        foreach (var (name, value) in CollectionsMarshal.AsSpan(_userData))
            fields.TryAdd(name, value);
        _system.AddTo(fields);

        var systemTime = _system.SystemTime;
        var timestamp = Timestamps.None;
        if (systemTime is null)
            context.ReportLine(line, "event has no System.TimeCreated.SystemTime; kept without a time", DiagnosticSeverity.Warning);
        else if (!Timestamps.TryParseUtc(systemTime, out timestamp))
            context.ReportLine(line, $"unreadable SystemTime '{systemTime}'; kept without a time", DiagnosticSeverity.Warning);
        if (ParseEventId(_system.EventId) is null)
            context.ReportLine(line, "event has no numeric System.EventID", DiagnosticSeverity.Warning);

        return NewEvent(context, SourceKind.WindowsEvent, timestamp, _system.Channel, _system.ProviderName, _system.EventId, _system.RecordId, fields, provenance);
    }
}
