using System.Text.Json;
using Ooda.Cli.Rendering;
using Ooda.Store;

namespace Ooda.Cli.Commands;

/// <summary>What the lead commands share: the JSON shape of a lead and turning workflow refusals into bad input.</summary>
internal static class LeadCli
{
    public static StoredLead Guard(Func<StoredLead> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            throw new InputException(e.Message, e);
        }
    }

    public static void Write(Utf8JsonWriter w, StoredLead lead, DateTime now)
    {
        w.WriteStartObject();
        w.WriteString("id", lead.Id);
        w.WriteString("tenant", lead.Tenant);
        w.WriteString("host", lead.Host);
        w.WriteString("title", lead.Title);
        w.WriteString("severity", lead.Severity);
        w.WriteString("detector", lead.Detector);
        w.WriteString("state", lead.State);
        w.WriteString("dedup_key", lead.DedupKey);
        w.WriteNumber("count", lead.Count);
        w.WriteString("first_seen", Iso.Format(lead.FirstSeen));
        w.WriteString("last_seen", Iso.Format(lead.LastSeen));
        w.WriteString("raised_at", Iso.Format(lead.RaisedAt));
        w.WriteString("ack_due_at", Iso.Format(lead.AckDueAt));
        w.WriteString("resolve_due_at", Iso.Format(lead.ResolveDueAt));
        w.WriteBoolean("ack_overdue", lead.IsAckOverdue(now));
        w.WriteBoolean("resolve_overdue", lead.IsResolveOverdue(now));
        w.WriteString("acknowledged_by", lead.AcknowledgedBy);
        w.WriteString("closed_by", lead.ClosedBy);
        w.WriteString("dismiss_reason", lead.DismissReason);
        w.WriteString("case", lead.CaseId);
        w.WriteStartArray("findings");
        foreach (var id in lead.FindingIds)
            w.WriteStringValue(id);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
