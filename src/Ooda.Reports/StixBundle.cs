using System.Globalization;
using System.Text;
using System.Text.Json;
using Ooda.Reports.Internal;

namespace Ooda.Reports;

/// <summary>
/// The case as a STIX 2.1 bundle: the producer and the customer as identities, the case's TLP 2.0 marking (OASIS's published
/// object), an indicator with a STIX pattern and a sighting for each IOC, an attack-pattern with its ATT&amp;CK reference for each
/// observed technique, and a report object tying them together. Every object but the marking carries object_marking_refs. Ids
/// are UUIDv5 of the tenant, case and content, and times come from the case, so exporting again gives the same bundle.
/// </summary>
public static class StixBundle
{
    public const string SpecVersion = "2.1";

    // The producer's identity is the same in every bundle, so its creation time is a constant too.
    private const string ProducerCreated = "2021-01-01T00:00:00.000Z";
    private static readonly string _producerId = "identity--" + Uuid5.Create("ooda|identity|producer");

    public static string Render(CaseReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        Write(buffer, report);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Stream output, CaseReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var h = report.Header;
        var scope = $"{h.Tenant}|{h.CaseId}";
        string Id(string type, string value) => $"{type}--{Uuid5.Create($"{scope}|{type}|{value}")}";
        var created = Time(h.OpenedAt);
        var modified = Time(h.UpdatedAt < h.OpenedAt ? h.OpenedAt : h.UpdatedAt);
        var marking = TlpMarking.Id(h.Tlp);
        var customer = Id("identity", h.Tenant);
        var objectIds = new List<string>();

        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        void Common(string type, string id, string createdAt, string modifiedAt, bool producer = true)
        {
            json.WriteString("type", type);
            json.WriteString("spec_version", SpecVersion);
            json.WriteString("id", id);
            json.WriteString("created", createdAt);
            json.WriteString("modified", modifiedAt);
            if (producer)
                json.WriteString("created_by_ref", _producerId);
            json.WriteStartArray("object_marking_refs");
            json.WriteStringValue(marking);
            json.WriteEndArray();
        }

        json.WriteStartObject();
        json.WriteString("type", "bundle");
        var indicators = report.Iocs.Select(i => (Ioc: i, Id: Id("indicator", $"{i.Kind}|{i.Value}"))).ToList();
        var patterns = report.Attack.Observed.Select(t => (Technique: t, Id: Id("attack-pattern", t.Id.ToUpperInvariant()))).ToList();
        var reportId = Id("report", h.CaseId);
        var bundleContent = string.Join(",", indicators.Select(i => i.Id).Concat(patterns.Select(p => p.Id)).Append(modified));
        json.WriteString("id", "bundle--" + Uuid5.Create($"{scope}|bundle|{bundleContent}"));
        json.WriteStartArray("objects");

        json.WriteStartObject();
        Common("identity", _producerId, ProducerCreated, ProducerCreated, producer: false);
        json.WriteString("name", "Ooda");
        json.WriteString("description", "Ooda investigation and threat-hunting workbench (MDR)");
        json.WriteString("identity_class", "system");
        json.WriteEndObject();

        json.WriteStartObject();
        Common("identity", customer, created, created);
        json.WriteString("name", h.Tenant);
        json.WriteString("identity_class", "organization");
        json.WriteEndObject();

        // OASIS's TLP 2.0 object, exactly as published: it is referenced by id and must not change.
        json.WriteStartObject();
        json.WriteString("type", "marking-definition");
        json.WriteString("spec_version", SpecVersion);
        json.WriteString("id", marking);
        json.WriteString("created", TlpMarking.Created);
        json.WriteString("name", Tlp.Label(h.Tlp));
        json.WriteStartObject("extensions");
        json.WriteStartObject(TlpMarking.ExtensionId);
        json.WriteString("extension_type", "property-extension");
        json.WriteString("tlp_2_0", Tlp.Level(h.Tlp));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        foreach (var (t, id) in patterns)
        {
            objectIds.Add(id);
            json.WriteStartObject();
            Common("attack-pattern", id, created, modified);
            json.WriteString("name", t.Name);
            json.WriteString("description", string.Create(CultureInfo.InvariantCulture,
                $"Observed in {h.CaseId} on {string.Join(", ", t.Hosts)} ({t.Findings} finding{(t.Findings == 1 ? string.Empty : "s")})."));
            json.WriteStartArray("external_references");
            json.WriteStartObject();
            json.WriteString("source_name", "mitre-attack");
            json.WriteString("external_id", t.Id.ToUpperInvariant());
            json.WriteString("url", t.Url);
            json.WriteEndObject();
            json.WriteEndArray();
            var phases = report.Attack.Tactics.Where(c => c.Techniques.Any(x => x.Observed && x.Id == t.Id)).ToList();
            if (phases.Count > 0)
            {
                json.WriteStartArray("kill_chain_phases");
                foreach (var phase in phases)
                {
                    json.WriteStartObject();
                    json.WriteString("kill_chain_name", "mitre-attack");
                    json.WriteString("phase_name", phase.ShortName);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        foreach (var (ioc, id) in indicators)
        {
            objectIds.Add(id);
            var first = ioc.FirstSeen ?? h.OpenedAt;
            json.WriteStartObject();
            Common("indicator", id, created, modified);
            json.WriteString("name", $"{IocKinds.Label(ioc.Kind)}: {Clip(ioc.Value, 200)}");
            json.WriteString("description", $"Seen on {string.Join(", ", ioc.Seen.Select(s => s.Host).Distinct(StringComparer.OrdinalIgnoreCase))} in {h.CaseId}.");
            json.WriteStartArray("indicator_types");
            json.WriteStringValue("malicious-activity");
            json.WriteEndArray();
            json.WriteString("pattern", StixPattern.For(ioc));
            json.WriteString("pattern_type", "stix");
            json.WriteString("pattern_version", SpecVersion);
            json.WriteString("valid_from", Time(first));
            json.WriteEndObject();

            var sighting = Id("sighting", $"{ioc.Kind}|{ioc.Value}");
            objectIds.Add(sighting);
            json.WriteStartObject();
            Common("sighting", sighting, created, modified);
            json.WriteString("sighting_of_ref", id);
            json.WriteStartArray("where_sighted_refs");
            json.WriteStringValue(customer);
            json.WriteEndArray();
            if (ioc.FirstSeen is { } firstSeen)
                json.WriteString("first_seen", Time(firstSeen));
            if (ioc.LastSeen is { } lastSeen)
                json.WriteString("last_seen", Time(lastSeen));
            json.WriteNumber("count", ioc.Seen.Count);
            json.WriteString("description", string.Join("; ", ioc.Seen.Take(10).Select(s => $"{s.Host} {(s.Time is { } t ? Time(t) : "(no time)")} in {s.Field} ({Evidence(s.Provenance)})")));
            json.WriteEndObject();
        }

        json.WriteStartObject();
        Common("report", reportId, created, modified);
        json.WriteString("name", $"{h.CaseId}: {h.Title}");
        json.WriteString("description", string.Join(" ", SummaryText.Sentences(report)));
        json.WriteStartArray("report_types");
        json.WriteStringValue("attack-pattern");
        json.WriteStringValue("indicator");
        json.WriteEndArray();
        json.WriteString("published", modified);
        json.WriteStartArray("object_refs");
        json.WriteStringValue(customer);
        foreach (var id in objectIds)
            json.WriteStringValue(id);
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>STIX timestamps: UTC, milliseconds, Z.</summary>
    internal static string Time(DateTime time) =>
        DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The evidence file by name and hash, and the place in it: its folders are the analyst's and stay with the analyst.</summary>
    private static string Evidence(ReportProvenance p) =>
        string.Join(", ", new[] { p.FileName, p.Sha256.Length > 0 ? "SHA-256 " + p.Sha256 : string.Empty, p.Location }.Where(s => s.Length > 0));

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
