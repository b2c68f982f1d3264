using System.Text.Json;
using Ooda.Knowledge;

namespace Ooda.Engine.Probe;

/// <summary>The <c>ooda probe --json</c> document.</summary>
public static class ProbeJson
{
    public static void Write(Utf8JsonWriter writer, ProbeReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        var f = report.Fingerprint;
        writer.WriteStartObject();
        writer.WriteString("target", report.Target);
        writer.WriteBoolean("exchange", f.LooksLikeExchange);
        Nullable(writer, "owaVersion", f.OwaVersionHeader);
        Nullable(writer, "owaResourcePath", f.OwaPathBuild);
        Nullable(writer, "build", f.Build?.ToString());
        Nullable(writer, "buildSource", f.BuildSource);
        writer.WriteStartArray("serverNames");
        foreach (var e in f.ServerNames)
            Evidence(writer, e);
        writer.WriteEndArray();
        writer.WritePropertyName("assessment");
        if (report.Assessment is { } assessment)
            ExchangeAssessmentJson.Write(writer, assessment);
        else
            writer.WriteNullValue();
        writer.WriteStartArray("checks");
        foreach (var check in report.Checks)
        {
            writer.WriteStartObject();
            writer.WriteString("name", check.Name);
            writer.WriteString("verdict", VerdictName(check.Verdict));
            writer.WriteString("summary", check.Summary);
            writer.WriteStartArray("evidence");
            foreach (var e in check.Evidence)
                Evidence(writer, e);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("requests");
        foreach (var r in report.Requests)
        {
            writer.WriteStartObject();
            writer.WriteString("method", r.Method);
            writer.WriteString("path", r.Path);
            if (r.Status is { } status)
                writer.WriteNumber("status", status);
            else
                writer.WriteNull("status");
            writer.WriteString("outcome", r.Outcome);
            Nullable(writer, "error", r.Error);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("notes");
        foreach (var note in report.Notes)
            writer.WriteStringValue(note);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static string VerdictName(ProbeVerdict verdict) => verdict switch
    {
        ProbeVerdict.IndicatesVulnerable => "indicates-vulnerable",
        ProbeVerdict.IndicatesPatched => "indicates-patched",
        ProbeVerdict.Inconclusive => "inconclusive",
        _ => "error",
    };

    private static void Evidence(Utf8JsonWriter writer, ProbeEvidence e)
    {
        writer.WriteStartObject();
        writer.WriteString("name", e.Name);
        writer.WriteString("value", e.Value);
        writer.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
            writer.WriteNull(name);
        else
            writer.WriteString(name, value);
    }
}
