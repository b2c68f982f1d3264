using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Ooda.Core;

namespace Ooda.Formats.Text.Internal;

/// <summary>
/// Maps one framed JSON object to an event in a single <see cref="Utf8JsonReader"/> pass, without a DOM: the
/// evtx-crate shape <c>{"Event":{"System":…,"EventData":…}}</c> (see the Windows partial) or, for anything else,
/// flat JSON (see the Flat partial). One instance serves one stream: it keeps scratch lists and string caches.
/// </summary>
/// <remarks>
/// It reads exactly the tokens <c>JsonDocument.Parse</c> would (same limits, same first error), and follows the DOM
/// rules of the mapping it replaced: a property looked up by name is its last occurrence; enumerated properties
/// are taken in order, the first value of a field name winning. Values are collected in scratch lists and become
/// fields only once the whole object has proved valid.
/// </remarks>
internal sealed partial class JsonEventMapper
{
    private const string ArraySeparator = ",";
    private const string AttributesKey = "#attributes";
    private const string TextKey = "#text";

    /// <summary>Escaped tokens up to this length are unescaped into <see cref="_unescaped"/> and looked up in a cache.</summary>
    private const int MaxCachedEscapedLength = 256;

    private static readonly JsonReaderOptions _readerOptions = new() { MaxDepth = WindowsJsonEventParser.MaxDepth };

    /// <summary>Property names: a small vocabulary, so nearly every lookup hits.</summary>
    private readonly Utf8StringCache _names = new(slotBits: 10, maxLength: 64);

    /// <summary>
    /// System values that repeat from event to event (channel, provider, computer, level…). Event data is never
    /// cached: its values are mostly unique, and each replaced slot would only keep a young string alive longer.
    /// </summary>
    private readonly Utf8StringCache _systemValues = new(slotBits: 8, maxLength: 128);
    private readonly byte[] _unescaped = new byte[MaxCachedEscapedLength];

    /// <summary>Primitive texts of arrays being read, as a stack: each array owns the entries from where it started.</summary>
    private readonly List<string?> _scalars = [];

    /// <summary>Maps one complete JSON object (the framer only yields values that start with <c>{</c>).</summary>
    /// <exception cref="JsonException">The bytes are not one valid JSON value, or nest deeper than the limit.</exception>
    public EvidenceEvent Map(ReadOnlySpan<byte> json, ParseContext context, long line, long offset)
    {
        var reader = new Utf8JsonReader(json, _readerOptions);
        var isWindowsEvent = false;
        var sawEventObject = false;
        _flat.Clear();
        try
        {
            reader.Read();
            while (NextProperty(ref reader))
            {
                var name = Name(ref reader);
                reader.Read();
                if (name == EventName && reader.TokenType == JsonTokenType.StartObject)
                {
                    sawEventObject = true;
                    isWindowsEvent = ReadEvent(ref reader);
                    continue;
                }

                if (name == EventName)
                    isWindowsEvent = false;
                Flatten(ref reader, name);
            }

            // Whitespace may follow the object; anything else throws, as in JsonDocument.Parse.
            while (reader.Read())
            {
            }
        }
        catch (InvalidOperationException ex)
        {
            // A string with a lone surrogate escape (\uD800) cannot be decoded: a syntax error further on is reported
            // first, as JsonDocument.Parse would; otherwise the object is malformed for this reason.
            while (reader.Read())
            {
            }

            throw new JsonException(ex.Message, ex);
        }

        var provenance = context.AtLine(line, offset);
        if (isWindowsEvent)
            return WindowsEvent(context, provenance, line);
        if (sawEventObject)
            FlattenAgain(json);
        return FlatEvent(context, provenance, line);
    }

    private static EvidenceEvent NewEvent(ParseContext context, SourceKind kind, DateTime timestamp, string? channel, string? provider,
        string? eventIdText, string? recordIdText, EventFields fields, Provenance provenance) => new()
        {
            Timestamp = timestamp,
            Tenant = context.Source.Tenant,
            Host = context.Source.Host,
            Kind = kind,
            Channel = channel,
            Provider = provider,
            EventId = ParseEventId(eventIdText),
            RecordId = long.TryParse(recordIdText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var record) ? record : null,
            Fields = fields,
            Provenance = provenance,
        };

    private static int? ParseEventId(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Moves to the next property of the object being read; false at its end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Moves to the next item of the array being read; false at its end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NextItem(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>The current property name.</summary>
    private string Name(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Unescaped(ref reader, _names) : _names.Get(reader.ValueSpan);

    /// <summary>A string or property name with escapes; throws <see cref="InvalidOperationException"/> on a lone surrogate, as GetString does.</summary>
    private string Unescaped(ref Utf8JsonReader reader, Utf8StringCache? cache)
    {
        if (cache is null || reader.ValueSpan.Length > MaxCachedEscapedLength)
            return reader.GetString()!;
        var length = reader.CopyString(_unescaped);
        return cache.Get(_unescaped.AsSpan(0, length));
    }

    /// <summary>A string, a number as written, <c>true</c>/<c>false</c>; null for null and for containers.</summary>
    /// <remarks>The value has been checked to be UTF-8, so decoding the span directly gives what GetString would.</remarks>
    private string? Primitive(ref Utf8JsonReader reader, Utf8StringCache? cache = null) => reader.TokenType switch
    {
        JsonTokenType.String when reader.ValueIsEscaped => Unescaped(ref reader, cache),
        JsonTokenType.String or JsonTokenType.Number => cache is null ? Encoding.UTF8.GetString(reader.ValueSpan) : cache.Get(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    /// <summary>
    /// The text of a value: a primitive; an element's last <c>#text</c>; an array of primitives joined with commas
    /// (nulls left out); null for null, an object without <c>#text</c> or an array holding containers.
    /// </summary>
    private string? Scalar(ref Utf8JsonReader reader, Utf8StringCache? cache = null)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                string? text = null;
                while (NextProperty(ref reader))
                {
                    if (Name(ref reader) == TextKey)
                    {
                        reader.Read();
                        text = Scalar(ref reader, cache);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return text;
            case JsonTokenType.StartArray:
                var start = _scalars.Count;
                var allPrimitive = true;
                while (NextItem(ref reader))
                {
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        allPrimitive = false;
                        reader.Skip();
                    }
                    else if (allPrimitive)
                    {
                        _scalars.Add(Primitive(ref reader, cache));
                    }
                }

                return allPrimitive ? JoinScalars(start) : DropScalars(start);
            default:
                return Primitive(ref reader, cache);
        }
    }

    /// <summary>Joins the non-null primitives collected since <paramref name="start"/> and drops them.</summary>
    private string JoinScalars(int start)
    {
        var items = CollectionsMarshal.AsSpan(_scalars)[start..];
        var count = 0;
        foreach (var item in items)
        {
            if (item is not null)
                items[count++] = item;
        }

        var joined = count == 1 ? items[0]! : string.Join(ArraySeparator, items[..count]);
        DropScalars(start);
        return joined;
    }

    private string? DropScalars(int start)
    {
        CollectionsMarshal.SetCount(_scalars, start);
        return null;
    }
}
