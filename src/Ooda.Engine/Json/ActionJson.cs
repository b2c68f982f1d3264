using System.Text.Json;
using Ooda.Response;
using Ooda.Store;

namespace Ooda.Engine.Json;

/// <summary>The JSON shape of a response action in <c>ooda respond … --json</c> and the console's API.</summary>
public static class ActionJson
{
    /// <summary>The action with its history; with <paramref name="decision"/> what the gate would do with it now.</summary>
    public static void Write(Utf8JsonWriter w, StoredAction a, GateDecision? decision = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(a);
        w.WriteStartObject();
        w.WriteString("actionId", a.Id);
        w.WriteString("caseId", a.CaseId);
        w.WriteString("tenant", a.Tenant);
        w.WriteString("kind", a.Kind);
        w.WriteString("target", a.Target);
        w.WriteString("host", a.Host);
        w.WriteString("subject", a.Subject);
        w.WriteStartObject("parameters");
        foreach (var (name, value) in a.Parameters)
            w.WriteString(name, value);
        w.WriteEndObject();
        w.WriteString("reason", a.Reason);
        w.WriteStartArray("findings");
        foreach (var f in a.FindingIds)
            w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteStartArray("evidenceItems");
        foreach (var e in a.EvidenceItems)
            w.WriteNumberValue(e);
        w.WriteEndArray();
        w.WriteString("state", a.State);
        w.WriteString("idempotencyKey", a.IdempotencyKey);
        w.WriteString("createdAt", JsonTime.Format(a.CreatedAt));
        w.WriteString("createdBy", a.CreatedBy);
        w.WriteString("updatedAt", JsonTime.Format(a.UpdatedAt));
        w.WriteString("updatedBy", a.UpdatedBy);
        if (decision is not null)
        {
            w.WriteString("gate", decision.Verdict.ToString());
            w.WriteString("gateReason", decision.Reason);
        }

        w.WriteStartArray("events");
        foreach (var e in a.Events)
        {
            w.WriteStartObject();
            w.WriteNumber("number", e.Number);
            w.WriteString("at", JsonTime.Format(e.At));
            w.WriteString("actor", e.Actor);
            w.WriteString("from", e.From);
            w.WriteString("to", e.To);
            w.WriteString("via", e.Via);
            w.WriteString("authorizedBy", e.AuthorizedBy);
            w.WriteString("mode", e.Mode);
            w.WriteStartArray("contactsTried");
            foreach (var c in e.ContactsTried)
                w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteString("note", e.Note);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
