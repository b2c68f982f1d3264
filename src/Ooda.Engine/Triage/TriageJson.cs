using System.Text.Json;

namespace Ooda.Engine.Triage;

/// <summary>The <c>ooda triage --json</c> contract: one object per host (issue 5).</summary>
public static class TriageJson
{
    public static void WriteHost(Utf8JsonWriter writer, HostTriage h)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(h);
        writer.WriteStartObject();
        writer.WriteString("tenant", h.Tenant);
        writer.WriteString("host", h.Host);
        Nullable(writer, "fqdn", h.Inventory.Fqdn);
        Nullable(writer, "publicIp", h.Inventory.PublicIp);
        Nullable(writer, "product", h.Assessment?.Product);
        Nullable(writer, "cu", h.Assessment?.Cu);
        Nullable(writer, "securityUpdate", h.Assessment?.SecurityUpdate);
        Nullable(writer, "build", h.Assessment?.Build?.ToString() ?? h.Inventory.ExchangeBuild);
        writer.WriteString("status", h.Status);
        writer.WriteStartArray("vulnerableTo");
        foreach (var e in h.VulnerableTo)
            writer.WriteStringValue(e.Cve.Id);
        writer.WriteEndArray();
        if (h.Assessment?.FixAvailableForCu is { } fix)
            writer.WriteBoolean("fixAvailableForCu", fix);
        else
            writer.WriteNull("fixAvailableForCu");
        Nullable(writer, "recommendedBuild", h.Assessment?.RecommendedBuild?.ToString());
        if (h.InternetExposed443 is { } exposed)
            writer.WriteBoolean("internetExposed443", exposed);
        else
            writer.WriteNull("internetExposed443");
        writer.WriteString("priority", PriorityName(h.Priority));
        writer.WriteStartArray("reasons");
        foreach (var r in h.Reasons)
            writer.WriteStringValue(r);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static string PriorityName(TriagePriority priority) => priority switch
    {
        TriagePriority.Critical => "critical",
        TriagePriority.High => "high",
        TriagePriority.Medium => "medium",
        TriagePriority.Low => "low",
        _ => "none",
    };

    private static void Nullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
            writer.WriteNull(name);
        else
            writer.WriteString(name, value);
    }
}
