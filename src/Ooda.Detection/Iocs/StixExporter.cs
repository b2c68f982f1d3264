using System.Globalization;
using System.Text.Json;
using Ooda.Detection.Iocs.Internal;

namespace Ooda.Detection.Iocs;

/// <summary>
/// Writes indicators as a STIX 2.1 bundle: one <c>identity</c> (the producer) and one <c>indicator</c> per IOC, with ids
/// derived from kind and value (UUIDv5), so the same IOC has the same id in every export. <see cref="StixImporter"/>
/// reads the bundle back to the same indicators, sources aside.
/// </summary>
public static class StixExporter
{
    /// <summary>Custom property: the indicator had no start of validity; <c>valid_from</c> (required by STIX) is only the export time.</summary>
    public const string ValidFromUnsetProperty = "x_ooda_valid_from_unset";

    /// <summary>Custom property: the false-positive exclusion regex of a regex indicator.</summary>
    public const string ExcludeProperty = "x_ooda_exclude";

    public static void WriteFile(IocSet iocs, string path, StixExportOptions options)
    {
        using var stream = File.Create(path);
        Write(iocs, stream, options);
    }

    public static void Write(IocSet iocs, Stream stream, StixExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(iocs);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var created = Timestamp(options.Created, milliseconds: true);
        var identity = "identity--" + UuidV5.Create(UuidV5.Namespace, "identity:" + options.IdentityName);
        var ids = iocs.Select(IndicatorId).ToArray();
        var bundle = "bundle--" + UuidV5.Create(UuidV5.Namespace, "bundle:" + created + ":" + string.Join(",", ids.Order(StringComparer.Ordinal)));
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = options.Indented });
        json.WriteStartObject();
        json.WriteString("type", "bundle");
        json.WriteString("id", bundle);
        json.WriteStartArray("objects");

        json.WriteStartObject();
        json.WriteString("type", "identity");
        json.WriteString("spec_version", "2.1");
        json.WriteString("id", identity);
        json.WriteString("created", created);
        json.WriteString("modified", created);
        json.WriteString("name", options.IdentityName);
        json.WriteString("identity_class", "system");
        json.WriteEndObject();

        for (var i = 0; i < iocs.Count; i++)
        {
            var ioc = iocs[i];
            json.WriteStartObject();
            json.WriteString("type", "indicator");
            json.WriteString("spec_version", "2.1");
            json.WriteString("id", ids[i]);
            json.WriteString("created_by_ref", identity);
            json.WriteString("created", created);
            json.WriteString("modified", created);
            if (ioc.Comment is not null)
                json.WriteString("description", ioc.Comment);
            json.WriteStartArray("indicator_types");
            json.WriteStringValue("malicious-activity");
            json.WriteEndArray();
            json.WriteString("pattern", StixPatterns.For(ioc));
            json.WriteString("pattern_type", "stix");
            json.WriteString("valid_from", Timestamp(ioc.ValidFrom ?? options.Created, milliseconds: false));
            if (ioc.ValidFrom is null)
                json.WriteBoolean(ValidFromUnsetProperty, true);
            if (ioc.ValidUntil is { } until)
                json.WriteString("valid_until", Timestamp(until, milliseconds: false));
            if (ioc.Tags.Length > 0)
            {
                json.WriteStartArray("labels");
                foreach (var tag in ioc.Tags)
                    json.WriteStringValue(tag);
                json.WriteEndArray();
            }

            if (ioc.Confidence is { } confidence)
                json.WriteNumber("confidence", confidence);
            if (ioc.Exclude is not null)
                json.WriteString(ExcludeProperty, ioc.Exclude);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The indicator id an IOC always gets: <c>indicator--</c> and the UUIDv5 of its kind and value.</summary>
    public static string IndicatorId(Ioc ioc)
    {
        ArgumentNullException.ThrowIfNull(ioc);
        return "indicator--" + UuidV5.Create(UuidV5.Namespace, IocKinds.Name(ioc.Kind) + ":" + ioc.Value);
    }

    /// <summary>RFC 3339 in UTC; <c>created</c>/<c>modified</c> to the millisecond as STIX requires, others exact.</summary>
    private static string Timestamp(DateTime time, bool milliseconds)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        return utc.ToString(milliseconds ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }
}
