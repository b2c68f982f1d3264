using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ooda.Demo.Internal;

/// <summary>
/// Writes events as JSON lines in the shape of the Rust evtx crate (and SigmaHQ regression_data):
/// <c>{"Event":{"#attributes":{"xmlns":…},"System":{…},"EventData":{…}}}</c>, one per line,
/// with EventRecordID increasing per channel file.
/// </summary>
internal sealed class EvtxJsonWriter : IDisposable
{
    private const string EventNamespace = "http://schemas.microsoft.com/win/2004/08/events/event";
    private static readonly JsonWriterOptions _options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private readonly OutputTracker _output;
    private readonly string _relativePath;
    private readonly FileStream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;
    private readonly string _computer;
    private long _recordId;
    private long _count;

    public EvtxJsonWriter(OutputTracker output, string relativePath, string computer, long firstRecordId)
    {
        _output = output;
        _relativePath = relativePath;
        _stream = output.Create(relativePath);
        _json = new Utf8JsonWriter(_buffer, _options);
        _computer = computer;
        _recordId = firstRecordId;
    }

    public void Write(WinEvent e)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        var j = _json;
        j.WriteStartObject();
        j.WriteStartObject("Event");
        j.WriteStartObject("#attributes");
        j.WriteString("xmlns", EventNamespace);
        j.WriteEndObject();

        j.WriteStartObject("System");
        j.WriteStartObject("Provider");
        j.WriteStartObject("#attributes");
        j.WriteString("Name", e.Channel.Provider);
        if (e.Channel.ProviderGuid is { } guid)
            j.WriteString("Guid", guid);
        if (e.Channel.EventSourceName is { } source)
            j.WriteString("EventSourceName", source);
        j.WriteEndObject();
        j.WriteEndObject();
        if (e.Qualifiers is { } qualifiers)
        {
            j.WriteStartObject("EventID");
            j.WriteStartObject("#attributes");
            j.WriteNumber("Qualifiers", qualifiers);
            j.WriteEndObject();
            j.WriteNumber("#text", e.EventId);
            j.WriteEndObject();
        }
        else
        {
            j.WriteNumber("EventID", e.EventId);
        }

        if (e.Version is { } version)
            j.WriteNumber("Version", version);
        j.WriteNumber("Level", e.Level);
        j.WriteNumber("Task", e.Task);
        if (e.Opcode is { } opcode)
            j.WriteNumber("Opcode", opcode);
        j.WriteString("Keywords", e.Keywords);
        j.WriteStartObject("TimeCreated");
        j.WriteStartObject("#attributes");
        j.WriteString("SystemTime", e.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteNumber("EventRecordID", _recordId++);
        if (e.ProcessId is not null)
        {
            if (e.ActivityId is { } activity)
            {
                j.WriteStartObject("Correlation");
                j.WriteStartObject("#attributes");
                j.WriteString("ActivityID", activity);
                j.WriteEndObject();
                j.WriteEndObject();
            }
            else
            {
                j.WriteNull("Correlation");
            }

            j.WriteStartObject("Execution");
            j.WriteStartObject("#attributes");
            j.WriteNumber("ProcessID", e.ProcessId.Value);
            j.WriteNumber("ThreadID", e.ThreadId ?? 0);
            j.WriteEndObject();
            j.WriteEndObject();
        }

        j.WriteString("Channel", e.Channel.Channel);
        j.WriteString("Computer", _computer);
        if (e.UserId is { } user)
        {
            j.WriteStartObject("Security");
            j.WriteStartObject("#attributes");
            j.WriteString("UserID", user);
            j.WriteEndObject();
            j.WriteEndObject();
        }
        else
        {
            j.WriteNull("Security");
        }

        j.WriteEndObject();

        j.WriteStartObject("EventData");
        if (e.UnnamedData is { } unnamed)
        {
            j.WriteStartObject("Data");
            j.WriteStartArray("#text");
            foreach (var value in unnamed)
                j.WriteStringValue(value);
            j.WriteEndArray();
            j.WriteEndObject();
        }

        foreach (var (name, value) in e.Data)
        {
            if (value is long number)
                j.WriteNumber(name, number);
            else if (value is int small)
                j.WriteNumber(name, small);
            else
                j.WriteString(name, (string)value);
        }

        if (e.UnnamedData is not null)
        {
            if (e.Binary is { } binary)
                j.WriteString("Binary", binary);
            else
                j.WriteNull("Binary");
        }

        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteEndObject();
        j.Flush();
        _stream.Write(_buffer.WrittenSpan);
        _stream.WriteByte((byte)'\n');
        _count++;
    }

    public void Dispose()
    {
        _json.Dispose();
        _stream.Flush();
        var length = _stream.Length;
        _stream.Dispose();
        _output.Record(_relativePath, DemoFileKind.EventJsonLines, _count, length);
    }
}
