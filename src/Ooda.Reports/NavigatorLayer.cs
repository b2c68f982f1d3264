using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ooda.Reports;

/// <summary>
/// The case's techniques as an ATT&amp;CK Navigator layer (layer format 4.5): observed techniques scored by how many findings show
/// them and coloured, with a comment saying where and when; techniques the runbooks expect but nothing shows, uncoloured with score 0.
/// </summary>
public static class NavigatorLayer
{
    public const string LayerVersion = "4.5";
    public const string NavigatorVersion = "5.2.0";
    public const string ObservedColour = "#e5534b";
    public const string ExpectedColour = "#fff3b0";

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
        var observed = report.Attack.Observed;
        var expected = report.Attack.Tactics.SelectMany(t => t.Techniques).Where(t => !t.Observed)
            .Where(t => !observed.Any(o => string.Equals(o.Id, t.Id, StringComparison.OrdinalIgnoreCase)))
            .DistinctBy(t => t.Id, StringComparer.OrdinalIgnoreCase).ToList();
        var max = Math.Max(1, observed.Select(t => t.Findings).DefaultIfEmpty(1).Max());
        var parents = observed.Concat(expected).Where(t => t.Id.Contains('.', StringComparison.Ordinal)).Select(t => t.Id[..t.Id.IndexOf('.', StringComparison.Ordinal)])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("name", $"{h.CaseId}: {h.Title}");
        json.WriteStartObject("versions");
        json.WriteString("attack", report.Attack.Version);
        json.WriteString("navigator", NavigatorVersion);
        json.WriteString("layer", LayerVersion);
        json.WriteEndObject();
        json.WriteString("domain", "enterprise-attack");
        json.WriteString("description", string.Create(CultureInfo.InvariantCulture,
            $"Techniques observed in case {h.CaseId} ({h.Tenant}), {observed.Count} observed and {expected.Count} expected by the runbooks; {Internal.Tlp.Label(h.Tlp)}."));
        json.WriteNumber("sorting", 3);
        json.WriteStartObject("layout");
        json.WriteString("layout", "side");
        json.WriteBoolean("showID", true);
        json.WriteBoolean("showName", true);
        json.WriteString("expandedSubtechniques", "annotated");
        json.WriteEndObject();
        json.WriteBoolean("hideDisabled", false);
        json.WriteStartArray("techniques");
        foreach (var t in observed)
        {
            json.WriteStartObject();
            json.WriteString("techniqueID", t.Id.ToUpperInvariant());
            json.WriteNumber("score", t.Findings);
            json.WriteString("color", ObservedColour);
            json.WriteString("comment", string.Create(CultureInfo.InvariantCulture,
                $"{t.Findings} finding{(t.Findings == 1 ? string.Empty : "s")} on {string.Join(", ", t.Hosts)}; first seen {Internal.ReportText.Time(t.FirstSeen)}, last seen {Internal.ReportText.Time(t.LastSeen)}"));
            json.WriteBoolean("enabled", true);
            if (parents.Contains(t.Id))
                json.WriteBoolean("showSubtechniques", true);
            json.WriteEndObject();
        }

        foreach (var t in expected)
        {
            json.WriteStartObject();
            json.WriteString("techniqueID", t.Id.ToUpperInvariant());
            json.WriteNumber("score", 0);
            json.WriteString("color", ExpectedColour);
            json.WriteString("comment", "Expected by the case's runbooks; not seen in the evidence");
            json.WriteBoolean("enabled", true);
            if (parents.Contains(t.Id))
                json.WriteBoolean("showSubtechniques", true);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("gradient");
        json.WriteStartArray("colors");
        json.WriteStringValue("#ffffff");
        json.WriteStringValue(ObservedColour);
        json.WriteEndArray();
        json.WriteNumber("minValue", 0);
        json.WriteNumber("maxValue", max);
        json.WriteEndObject();
        json.WriteStartArray("legendItems");
        Legend(json, "observed in the evidence", ObservedColour);
        Legend(json, "expected by the runbooks, not seen", ExpectedColour);
        json.WriteEndArray();
        json.WriteStartArray("metadata");
        Metadata(json, "case", h.CaseId);
        Metadata(json, "tenant", h.Tenant);
        Metadata(json, "tlp", Internal.Tlp.Label(h.Tlp));
        Metadata(json, "attack release", report.Attack.Release);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Legend(Utf8JsonWriter json, string label, string colour)
    {
        json.WriteStartObject();
        json.WriteString("label", label);
        json.WriteString("color", colour);
        json.WriteEndObject();
    }

    private static void Metadata(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
