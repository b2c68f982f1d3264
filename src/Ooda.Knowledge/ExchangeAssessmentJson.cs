using System.Globalization;
using System.Text.Json;

namespace Ooda.Knowledge;

/// <summary>The <c>ooda exchange assess --json</c> contract (issue 5).</summary>
public static class ExchangeAssessmentJson
{
    public static void Write(Utf8JsonWriter writer, ExchangeAssessment a)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(a);
        writer.WriteStartObject();
        WriteNullable(writer, "build", a.Build?.ToString() ?? a.Input);
        WriteNullable(writer, "product", a.Product);
        WriteNullable(writer, "cu", a.Cu);
        WriteNullable(writer, "securityUpdate", a.SecurityUpdate);
        WriteNullable(writer, "releaseDate", a.ReleaseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("status", StatusName(a.Status));
        writer.WriteStartArray("vulnerableTo");
        foreach (var e in a.VulnerableTo)
        {
            writer.WriteStartObject();
            writer.WriteString("cve", e.Cve.Id);
            writer.WriteString("group", e.Cve.Group);
            WriteNullable(writer, "fixedIn", e.FixedIn?.ToString());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteNullable(writer, "latestBuildForCu", a.LatestBuildForCu?.ToString());
        WriteNullable(writer, "recommendedBuild", a.RecommendedBuild?.ToString());
        writer.WriteEndObject();
    }

    public static string StatusName(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Vulnerable => "vulnerable",
        AssessmentStatus.Patched => "patched",
        _ => "unknown",
    };

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
            writer.WriteNull(name);
        else
            writer.WriteString(name, value);
    }
}
