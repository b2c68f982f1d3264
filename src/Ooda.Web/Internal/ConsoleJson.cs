using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Ooda.Core;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Json;
using Ooda.Store;

namespace Ooda.Web.Internal;

/// <summary>The API's JSON: the same field names and shapes as the CLI's <c>--json</c> output for the same objects.</summary>
internal static class ConsoleJson
{
    public static IResult Result(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
            write(w);
        return Results.Content(Encoding.UTF8.GetString(buffer.ToArray()), "application/json; charset=utf-8", Encoding.UTF8, status);
    }

    public static IResult Array<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> write) =>
        Result(w =>
        {
            w.WriteStartArray();
            foreach (var item in items)
                write(w, item);
            w.WriteEndArray();
        });

    public static IResult Error(int status, string message) =>
        Result(w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            w.WriteEndObject();
        }, status);

    /// <summary>A triage host as stored, with the field names of <c>ooda triage --json</c>.</summary>
    public static void TriageHost(Utf8JsonWriter w, StoredTriageHost h)
    {
        w.WriteStartObject();
        w.WriteNumber("rank", h.Rank);
        w.WriteString("tenant", h.Tenant);
        w.WriteString("host", h.Host);
        w.WriteString("fqdn", h.Fqdn);
        w.WriteString("publicIp", h.PublicIp);
        w.WriteString("build", h.Build);
        w.WriteString("status", h.Status);
        Strings(w, "vulnerableTo", h.VulnerableTo);
        if (h.InternetExposed443 is { } exposed)
            w.WriteBoolean("internetExposed443", exposed);
        else
            w.WriteNull("internetExposed443");
        w.WriteString("priority", h.Priority);
        Strings(w, "reasons", h.Reasons);
        w.WriteString("responseMode", h.ResponseMode);
        w.WriteEndObject();
    }

    public static void Lead(Utf8JsonWriter w, StoredLead l)
    {
        w.WriteStartObject();
        w.WriteString("leadId", l.Id);
        w.WriteString("tenant", l.Tenant);
        w.WriteString("host", l.Host);
        w.WriteString("title", l.Title);
        w.WriteString("severity", l.Severity);
        w.WriteString("detector", l.Detector);
        w.WriteString("state", l.State);
        w.WriteString("firstSeen", JsonTime.Format(l.FirstSeen));
        w.WriteString("lastSeen", JsonTime.Format(l.LastSeen));
        w.WriteNumber("findings", l.Count);
        Strings(w, "findingIds", l.FindingIds);
        w.WriteString("raisedAt", JsonTime.Format(l.RaisedAt));
        w.WriteString("ackDueAt", JsonTime.Format(l.AckDueAt));
        w.WriteString("resolveDueAt", JsonTime.Format(l.ResolveDueAt));
        w.WriteString("acknowledgedBy", l.AcknowledgedBy);
        w.WriteString("caseId", l.CaseId);
        w.WriteString("dismissReason", l.DismissReason);
        w.WriteEndObject();
    }

    /// <summary>As <c>ooda runbook list --json</c>.</summary>
    public static void Runbook(Utf8JsonWriter w, Runbook r, RunbookLibrary library)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("version", r.Version.ToString());
        w.WriteString("title", r.Title);
        w.WriteString("status", r.Status);
        Strings(w, "versions", library.Versions(r.Id).Select(v => v.Version.ToString()));
        Strings(w, "cves", r.Threat.Cves);
        w.WriteNumber("ttps", r.Ttps.Count);
        w.WriteNumber("iocs", r.Iocs.Count);
        w.WriteNumber("hunts", r.Hunts.Count);
        w.WriteStartArray("changelog");
        foreach (var change in r.Changelog)
        {
            w.WriteStartObject();
            w.WriteString("version", change.Version.ToString());
            w.WriteString("date", change.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Strings(w, "changes", change.Changes);
            w.WriteString("source", change.Source);
            w.WriteString("author", change.Author);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("remediation");
        foreach (var step in r.Remediation)
        {
            w.WriteStartObject();
            w.WriteString("id", step.Id);
            w.WriteString("action", step.Action);
            w.WriteString("target", step.Target);
            w.WriteString("description", step.Description);
            w.WriteString("command", step.Command);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>As <c>ooda runbook diff --json</c>, one object per difference.</summary>
    public static void DiffEntry(Utf8JsonWriter w, RunbookDiffEntry e)
    {
        w.WriteStartObject();
        w.WriteString("section", e.Section);
        w.WriteString("change", ChangeName(e.Change));
        w.WriteString("item", e.Item);
        w.WriteString("detail", e.Detail);
        w.WriteEndObject();
    }

    public static string ChangeName(char change) => change switch { '+' => "added", '-' => "removed", _ => "changed" };

    public static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
            w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
            w.WriteNumber(name, v);
        else
            w.WriteNull(name);
    }
}
