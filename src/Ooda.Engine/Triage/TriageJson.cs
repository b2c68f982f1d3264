using System.Text.Json;

namespace Ooda.Engine.Triage;

/// <summary>The <c>ooda triage --json</c> contract: one object per host (issue 5).</summary>
public static class TriageJson
{
    // Property names encoded once: they are written 15 times per host.
    private static readonly JsonEncodedText _tenant = JsonEncodedText.Encode("tenant");

    private static readonly JsonEncodedText _host = JsonEncodedText.Encode("host");

    private static readonly JsonEncodedText _fqdn = JsonEncodedText.Encode("fqdn");

    private static readonly JsonEncodedText _publicIp = JsonEncodedText.Encode("publicIp");

    private static readonly JsonEncodedText _product = JsonEncodedText.Encode("product");

    private static readonly JsonEncodedText _cu = JsonEncodedText.Encode("cu");

    private static readonly JsonEncodedText _securityUpdate = JsonEncodedText.Encode("securityUpdate");

    private static readonly JsonEncodedText _build = JsonEncodedText.Encode("build");

    private static readonly JsonEncodedText _status = JsonEncodedText.Encode("status");

    private static readonly JsonEncodedText _vulnerableTo = JsonEncodedText.Encode("vulnerableTo");

    private static readonly JsonEncodedText _fixAvailableForCu = JsonEncodedText.Encode("fixAvailableForCu");

    private static readonly JsonEncodedText _recommendedBuild = JsonEncodedText.Encode("recommendedBuild");

    private static readonly JsonEncodedText _internetExposed443 = JsonEncodedText.Encode("internetExposed443");

    private static readonly JsonEncodedText _priority = JsonEncodedText.Encode("priority");

    private static readonly JsonEncodedText _reasons = JsonEncodedText.Encode("reasons");

    public static void WriteHost(Utf8JsonWriter writer, HostTriage h)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(h);
        writer.WriteStartObject();
        writer.WriteString(_tenant, h.Tenant);
        writer.WriteString(_host, h.Host);
        Nullable(writer, _fqdn, h.Inventory.Fqdn);
        Nullable(writer, _publicIp, h.Inventory.PublicIp);
        Nullable(writer, _product, h.Assessment?.Product);
        Nullable(writer, _cu, h.Assessment?.Cu);
        Nullable(writer, _securityUpdate, h.Assessment?.SecurityUpdate);
        Nullable(writer, _build, h.Facts?.BuildText ?? h.Inventory.ExchangeBuild);
        writer.WriteString(_status, h.Status);
        writer.WriteStartArray(_vulnerableTo);
        var exposures = h.VulnerableTo;
        for (var i = 0; i < exposures.Count; i++)
            writer.WriteStringValue(exposures[i].Cve.Id);
        writer.WriteEndArray();
        if (h.Assessment?.FixAvailableForCu is { } fix)
            writer.WriteBoolean(_fixAvailableForCu, fix);
        else
            writer.WriteNull(_fixAvailableForCu);
        Nullable(writer, _recommendedBuild, h.Facts?.RecommendedBuildText);
        if (h.InternetExposed443 is { } exposed)
            writer.WriteBoolean(_internetExposed443, exposed);
        else
            writer.WriteNull(_internetExposed443);
        writer.WriteString(_priority, PriorityName(h.Priority));
        writer.WriteStartArray(_reasons);
        if (h.Facts is { } facts)
        {
            // The exposure sentence goes straight into the writer: no string per host.
            var reasons = facts.StatusReasons;
            for (var i = 0; i < reasons.Count; i++)
                writer.WriteStringValue(reasons[i]);
            Span<char> exposure = stackalloc char[256];
            if (h.ExposureFacts.TryWrite(exposure, h.Inventory.PublicIp, out var written))
                writer.WriteStringValue(exposure[..written]);
            else
                writer.WriteStringValue(h.Exposure);
            if (facts.FixReason is not null)
                writer.WriteStringValue(facts.FixReason);
        }
        else
        {
            writer.WriteStringValue(HostTriage.NotExchange);
        }
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

    private static void Nullable(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
            writer.WriteNull(name);
        else
            writer.WriteString(name, value);
    }
}
