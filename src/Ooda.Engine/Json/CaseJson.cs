using System.Text.Json;
using Ooda.Core;
using Ooda.Store;

namespace Ooda.Engine.Json;

/// <summary>The JSON shape of a case in <c>ooda case show|list --json</c> and the console's API: one writer, so both stay alike.</summary>
public static class CaseJson
{
    /// <summary>The case; with <paramref name="findings"/> its linked findings too.</summary>
    public static void Write(Utf8JsonWriter w, StoredCase c, IReadOnlyList<Finding>? findings)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(c);
        w.WriteStartObject();
        w.WriteString("caseId", c.Id);
        w.WriteString("tenant", c.Tenant);
        w.WriteString("title", c.Title);
        w.WriteString("severity", c.Severity);
        w.WriteString("status", c.Status);
        w.WriteString("assignee", c.Assignee);
        w.WriteString("tlp", c.Tlp);
        w.WriteStartArray("tags");
        foreach (var tag in c.Tags)
            w.WriteStringValue(tag);
        w.WriteEndArray();
        w.WriteString("openedAt", JsonTime.Format(c.OpenedAt));
        w.WriteString("openedBy", c.OpenedBy);
        w.WriteString("updatedAt", JsonTime.Format(c.UpdatedAt));
        w.WriteStartArray("hosts");
        foreach (var h in c.Hosts)
        {
            w.WriteStartObject();
            w.WriteString("host", h.Host);
            w.WriteString("reason", h.Reason);
            w.WriteString("addedAt", JsonTime.Format(h.AddedAt));
            w.WriteString("addedBy", h.AddedBy);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("findingIds");
        foreach (var id in c.FindingIds)
            w.WriteStringValue(id);
        w.WriteEndArray();
        if (findings is not null)
        {
            w.WriteStartArray("findings");
            foreach (var f in findings)
                FindingJson.Write(w, f);
            w.WriteEndArray();
        }

        w.WriteStartArray("notes");
        foreach (var n in c.Notes)
        {
            w.WriteStartObject();
            w.WriteNumber("number", n.Number);
            w.WriteString("at", JsonTime.Format(n.At));
            w.WriteString("author", n.Author);
            w.WriteString("text", n.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("evidence");
        foreach (var e in c.Evidence)
        {
            w.WriteStartObject();
            w.WriteNumber("number", e.Number);
            w.WriteString("description", e.Description);
            w.WriteString("host", e.Host);
            w.WriteString("sourcePath", e.SourcePath);
            w.WriteString("sourceSha256", e.SourceSha256);
            WriteNumber(w, "recordId", e.RecordId);
            WriteNumber(w, "line", e.Line);
            WriteNumber(w, "offset", e.Offset);
            w.WriteString("acquiredAt", e.AcquiredAt is { } acquired ? JsonTime.Format(acquired) : null);
            w.WriteString("ingestedAt", e.IngestedAt is { } ingested ? JsonTime.Format(ingested) : null);
            w.WriteString("addedAt", JsonTime.Format(e.AddedAt));
            w.WriteString("addedBy", e.AddedBy);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
            w.WriteNumber(name, v);
        else
            w.WriteNull(name);
    }
}
