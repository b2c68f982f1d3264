using System.Data.Common;
using System.Globalization;
using System.Text;
using Ooda.Core;

namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>Lead ids look like <c>L-0042</c>.</summary>
    public const string LeadIdPrefix = "L-";

    private const string LeadColumns =
        """
        lead_id, dedup_key, tenant, host, title, severity, detector, state, first_seen, last_seen, hits, raised_at, ack_due_at,
        resolve_due_at, acknowledged_at, acknowledged_by, closed_at, closed_by, dismiss_reason, case_id, updated_at
        """;

    /// <summary>
    /// The key that makes findings one lead: tenant, host (lower case), and the detector rule that fired — not the runbook
    /// steps that ran it, so a rule hunted by several runbooks raises one lead.
    /// </summary>
    public static string LeadDedupKey(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return $"{finding.Tenant}|{finding.Host.ToLowerInvariant()}|{finding.Detector}:{finding.RuleId ?? finding.Title}";
    }

    public static string LeadSubject(string leadId) => "lead/" + leadId;

    /// <summary>
    /// Raises leads from findings, in one transaction. Findings with one dedup key make one lead: a new key raises a lead
    /// (state new, due times from <paramref name="policy"/>); a known key adds the findings to its lead (count, last seen,
    /// severity), never a second lead. A finding already in a lead is ignored, so raising the same findings again changes
    /// nothing. A dismissed lead stays dismissed when its detection recurs, unless a finding is more severe than the lead:
    /// then it re-opens as new with fresh SLA clocks. A severity rise on an open lead tightens its due times.
    /// </summary>
    public LeadRaiseResult RaiseLeads(IEnumerable<Finding> findings, DateTime now, LeadSlaPolicy? policy = null, string actor = "ooda")
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        policy ??= LeadSlaPolicy.Default;
        now = LeadUtc(now);
        var groups = findings.DistinctBy(f => f.Id, StringComparer.Ordinal).GroupBy(LeadDedupKey, StringComparer.Ordinal).ToList();
        if (groups.Count == 0)
            return LeadRaiseResult.None;

        List<string> raised = [], updated = [], reopened = [];
        AuditEntry? last = null;
        using (var transaction = _connection.BeginTransaction())
        {
            foreach (var group in groups)
            {
                var known = KnownLeadFindings([.. group.Select(f => f.Id)]);
                var fresh = group.Where(f => !known.Contains(f.Id))
                    .OrderByDescending(f => SeverityLevels.Rank(f.Severity)).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
                var existing = ReadLeads($"WHERE dedup_key = $1", group.Key).SingleOrDefault();
                // A finding already in the lead may come back more severe (another runbook hunted it): it escalates the lead.
                var risen = existing is null ? [] : group.Where(f => known.Contains(f.Id) && SeverityLevels.Rank(f.Severity) > SeverityLevels.Rank(existing.Severity)).ToList();
                if (fresh.Count == 0 && risen.Count == 0)
                    continue;
                last = existing is null
                    ? InsertLead(group.Key, fresh, now, policy, actor, raised)
                    : AddToLead(existing, fresh, risen, now, policy, actor, updated, reopened);
            }

            transaction.Commit();
        }

        if (last is not null)
            WriteAuditHead(last);
        return new LeadRaiseResult(raised, updated, reopened);
    }

    /// <summary>A lead by id (<c>L-0042</c>), case-insensitively, or by its number alone (<c>42</c>); null when none.</summary>
    public StoredLead? FindLead(string idOrNumber)
    {
        ArgumentNullException.ThrowIfNull(idOrNumber);
        var text = idOrNumber.Trim();
        if (text.StartsWith(LeadIdPrefix, StringComparison.OrdinalIgnoreCase))
            text = text[LeadIdPrefix.Length..];
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            return null;
        return ReadLeads("WHERE lead_id = $1", LeadId(number)).SingleOrDefault();
    }

    /// <summary>Leads in queue order: state (new, acknowledged, case-opened, dismissed), most severe first, earliest acknowledgement due first.</summary>
    public IReadOnlyList<StoredLead> ListLeads(LeadQuery? query = null)
    {
        query ??= new LeadQuery();
        var where = new StringBuilder("WHERE true");
        var parameters = new List<object?>();
        void Filter(string clause, object? value)
        {
            parameters.Add(value);
            where.Append(CultureInfo.InvariantCulture, $" AND {clause.Replace("$?", $"${parameters.Count}", StringComparison.Ordinal)}");
        }

        if (query.Tenant is not null)
            Filter("tenant = $?", query.Tenant);
        if (query.Tenants is not null)
            Filter("list_contains($?, tenant)", query.Tenants.ToList());
        if (query.Host is not null)
            Filter("lower(host) = $?", query.Host.ToLowerInvariant());
        if (query.State is "open")
            Filter("list_contains($?, state)", new List<string> { LeadStates.New, LeadStates.Acknowledged });
        else if (query.State is not null)
            Filter("state = $?", query.State);
        if (query.CaseId is not null)
            Filter("case_id = $?", query.CaseId);
        var minimum = SeverityLevels.Rank(query.MinSeverity);
        if (minimum > 0)
            Filter("list_contains($?, severity)", SeverityLevels.All.Skip(minimum).ToList());
        where.Append(
            """
             ORDER BY CASE state WHEN 'new' THEN 0 WHEN 'acknowledged' THEN 1 WHEN 'case-opened' THEN 2 ELSE 3 END,
                      CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END,
                      ack_due_at, lead_id
            """);
        if (query.Limit is { } limit)
            where.Append(CultureInfo.InvariantCulture, $" LIMIT {Math.Max(0, limit)}");
        if (query.Offset > 0)
            where.Append(CultureInfo.InvariantCulture, $" OFFSET {query.Offset}");
        return ReadLeads(where.ToString(), [.. parameters], ordered: true);
    }

    /// <summary>Marks a new lead acknowledged; acknowledging it again changes nothing.</summary>
    /// <exception cref="KeyNotFoundException">No such lead.</exception>
    /// <exception cref="InvalidOperationException">The lead was dismissed or escalated to a case already.</exception>
    public StoredLead AcknowledgeLead(string leadId, string actor, DateTime? at = null) =>
        ChangeLead(leadId, actor, at, (lead, now) =>
        {
            if (lead.State == LeadStates.Acknowledged)
                return null;
            if (lead.State != LeadStates.New)
                throw new InvalidOperationException($"lead {lead.Id} is {lead.State}; only a new lead can be acknowledged");
            ExecuteLeadSql("UPDATE leads SET state = $2, acknowledged_at = $3, acknowledged_by = $4, updated_at = $3 WHERE lead_id = $1",
                lead.Id, LeadStates.Acknowledged, now, actor);
            return AppendAuditInTransaction(actor, "lead.ack", LeadSubject(lead.Id), AuditJson(w => w.WriteString("from", lead.State)), now);
        });

    /// <summary>Dismisses an open lead with a reason; dismissing it again changes nothing.</summary>
    /// <exception cref="KeyNotFoundException">No such lead.</exception>
    /// <exception cref="InvalidOperationException">The lead was escalated to a case.</exception>
    public StoredLead DismissLead(string leadId, string reason, string actor, DateTime? at = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return ChangeLead(leadId, actor, at, (lead, now) =>
        {
            if (lead.State == LeadStates.Dismissed)
                return null;
            if (lead.State == LeadStates.CaseOpened)
                throw new InvalidOperationException($"lead {lead.Id} is escalated to case {lead.CaseId}; close the case instead");
            ExecuteLeadSql("UPDATE leads SET state = $2, closed_at = $3, closed_by = $4, dismiss_reason = $5, updated_at = $3 WHERE lead_id = $1",
                lead.Id, LeadStates.Dismissed, now, actor, reason);
            return AppendAuditInTransaction(actor, "lead.dismiss", LeadSubject(lead.Id), AuditJson(w =>
            {
                w.WriteString("from", lead.State);
                w.WriteString("reason", reason);
            }), now);
        });
    }

    /// <summary>
    /// Escalates a lead to a case of the same tenant: the lead becomes case-opened and its findings are linked to the case,
    /// all audited in one transaction. Linking it to the same case again changes nothing.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such lead or case.</exception>
    /// <exception cref="InvalidOperationException">The case belongs to another tenant, or the lead is linked to another case.</exception>
    public StoredLead LinkLeadToCase(string leadId, string caseId, string actor, DateTime? at = null)
    {
        var target = RequireCase(caseId);
        return ChangeLead(leadId, actor, at, (lead, now) =>
        {
            if (!string.Equals(target.Tenant, lead.Tenant, StringComparison.Ordinal))
                throw new InvalidOperationException($"lead {lead.Id} is of tenant {lead.Tenant}, case {target.Id} of {target.Tenant}");
            if (lead.CaseId == target.Id)
                return null;
            if (lead.CaseId is not null)
                throw new InvalidOperationException($"lead {lead.Id} is linked to case {lead.CaseId} already");
            ExecuteLeadSql("UPDATE leads SET state = $2, case_id = $3, closed_at = $4, closed_by = $5, updated_at = $4 WHERE lead_id = $1",
                lead.Id, LeadStates.CaseOpened, target.Id, now, actor);
            var entry = AppendAuditInTransaction(actor, "lead.case", LeadSubject(lead.Id), AuditJson(w =>
            {
                w.WriteString("from", lead.State);
                w.WriteString("case", target.Id);
            }), now);
            var linked = InsertFindingLinks(target.Id, lead.FindingIds, actor, now);
            if (linked is not null)
                ExecuteLeadSql("UPDATE cases SET updated_at = $2 WHERE case_id = $1", target.Id, now);
            return linked ?? entry;
        });
    }

    private StoredLead RequireLead(string leadId) =>
        FindLead(leadId) ?? throw new KeyNotFoundException($"no lead {leadId} in this workspace");

    private StoredLead ChangeLead(string leadId, string actor, DateTime? at, Func<StoredLead, DateTime, AuditEntry?> apply)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        var lead = RequireLead(leadId);
        var now = LeadUtc(at ?? DateTime.UtcNow);
        AuditEntry? last;
        using (var transaction = _connection.BeginTransaction())
        {
            last = apply(lead, now);
            transaction.Commit();
        }

        if (last is not null)
            WriteAuditHead(last);
        return FindLead(lead.Id)!;
    }

    private HashSet<string> KnownLeadFindings(List<string> ids)
    {
        using var command = Command("SELECT finding_id FROM lead_findings WHERE list_contains($1, finding_id)", ids);
        using var reader = command.ExecuteReader();
        var known = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
            known.Add(reader.GetString(0));
        return known;
    }

    private AuditEntry InsertLead(string key, List<Finding> fresh, DateTime now, LeadSlaPolicy policy, string actor, List<string> raised)
    {
        string id;
        using (var next = Command("SELECT nextval('lead_numbers')"))
            id = LeadId(Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture));
        var top = fresh[0];
        var sla = policy.For(top.Severity);
        var (first, lastSeen) = SeenRange(fresh, now);
        ExecuteLeadSql("INSERT INTO leads VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, NULL, NULL, NULL, NULL, NULL, NULL, $12)",
            id, key, top.Tenant, top.Host, top.Title, top.Severity.ToLowerInvariant(), top.Detector, LeadStates.New, first, lastSeen, fresh.Count,
            now, now + sla.Acknowledge, now + sla.Resolve);
        InsertLeadFindings(id, fresh, now);
        raised.Add(id);
        return AppendAuditInTransaction(actor, "lead.raise", LeadSubject(id), AuditJson(w =>
        {
            w.WriteString("tenant", top.Tenant);
            w.WriteString("host", top.Host);
            w.WriteString("title", top.Title);
            w.WriteString("severity", top.Severity);
            w.WriteString("key", key);
            WriteFindingIds(w, fresh);
        }), now);
    }

    private AuditEntry AddToLead(StoredLead lead, List<Finding> fresh, List<Finding> risen, DateTime now, LeadSlaPolicy policy, string actor, List<string> updated,
        List<string> reopened)
    {
        var strongest = fresh.Concat(risen).MaxBy(f => SeverityLevels.Rank(f.Severity))!;
        var severity = SeverityLevels.Rank(strongest.Severity) > SeverityLevels.Rank(lead.Severity) ? strongest.Severity.ToLowerInvariant() : lead.Severity;
        var escalated = severity != lead.Severity;
        var sla = policy.For(severity);
        var reopen = escalated && lead.State == LeadStates.Dismissed;
        var (first, lastSeen) = fresh.Count == 0 ? (lead.FirstSeen, lead.LastSeen) : SeenRange(fresh, now);
        first = first < lead.FirstSeen ? first : lead.FirstSeen;
        lastSeen = lastSeen > lead.LastSeen ? lastSeen : lead.LastSeen;
        if (reopen)
        {
            ExecuteLeadSql(
                """
                UPDATE leads SET severity = $2, state = $3, first_seen = $4, last_seen = $5, hits = hits + $6, raised_at = $7, ack_due_at = $8,
                    resolve_due_at = $9, acknowledged_at = NULL, acknowledged_by = NULL, closed_at = NULL, closed_by = NULL, dismiss_reason = NULL, updated_at = $7
                WHERE lead_id = $1
                """,
                lead.Id, severity, LeadStates.New, first, lastSeen, fresh.Count, now, now + sla.Acknowledge, now + sla.Resolve);
            reopened.Add(lead.Id);
        }
        else
        {
            // A rise in severity may only bring the due times forward, never push a running clock back.
            var ackDue = escalated && now + sla.Acknowledge < lead.AckDueAt ? now + sla.Acknowledge : lead.AckDueAt;
            var resolveDue = escalated && now + sla.Resolve < lead.ResolveDueAt ? now + sla.Resolve : lead.ResolveDueAt;
            ExecuteLeadSql("UPDATE leads SET severity = $2, first_seen = $3, last_seen = $4, hits = hits + $5, ack_due_at = $6, resolve_due_at = $7, updated_at = $8 WHERE lead_id = $1",
                lead.Id, severity, first, lastSeen, fresh.Count, ackDue, resolveDue, now);
            updated.Add(lead.Id);
        }

        InsertLeadFindings(lead.Id, fresh, now);
        return AppendAuditInTransaction(actor, reopen ? "lead.reopen" : "lead.update", LeadSubject(lead.Id), AuditJson(w =>
        {
            w.WriteNumber("count", lead.Count + fresh.Count);
            if (escalated)
            {
                w.WriteString("old_severity", lead.Severity);
                w.WriteString("severity", severity);
            }

            if (risen.Count > 0)
                WriteFindingIds(w, risen, "risen");
            WriteFindingIds(w, fresh);
        }), now);
    }

    private void InsertLeadFindings(string leadId, List<Finding> fresh, DateTime now)
    {
        foreach (var finding in fresh)
            ExecuteLeadSql("INSERT INTO lead_findings VALUES ($1, $2, $3)", leadId, finding.Id, now);
    }

    private static void WriteFindingIds(System.Text.Json.Utf8JsonWriter writer, List<Finding> findings, string name = "findings")
    {
        writer.WriteStartArray(name);
        foreach (var finding in findings)
            writer.WriteStringValue(finding.Id);
        writer.WriteEndArray();
    }

    /// <summary>The evidence time range of findings; a finding whose evidence has no time counts as seen now.</summary>
    private static (DateTime First, DateTime Last) SeenRange(List<Finding> findings, DateTime now)
    {
        var times = findings.Select(f => f.Timestamp == DateTime.MinValue ? now : LeadUtc(f.Timestamp)).ToList();
        return (times.Min(), times.Max());
    }

    private List<StoredLead> ReadLeads(string where, params object?[] parameters) => ReadLeads(where, parameters, ordered: false);

    private List<StoredLead> ReadLeads(string where, object?[] parameters, bool ordered)
    {
        var leads = new List<StoredLead>();
        using (var command = Command($"SELECT {LeadColumns} FROM leads {where}{(ordered ? string.Empty : " ORDER BY lead_id")}", parameters))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                leads.Add(ReadLead(reader));
        }

        if (leads.Count == 0)
            return leads;
        var findings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using (var command = Command("SELECT lead_id, finding_id FROM lead_findings WHERE list_contains($1, lead_id) ORDER BY linked_at, finding_id",
            leads.Select(l => l.Id).ToList()))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!findings.TryGetValue(id, out var list))
                    findings[id] = list = [];
                list.Add(reader.GetString(1));
            }
        }

        return [.. leads.Select(l => findings.TryGetValue(l.Id, out var ids) ? l with { FindingIds = ids } : l)];
    }

    private static StoredLead ReadLead(DbDataReader reader)
    {
        DateTime? Time(int i) => reader.IsDBNull(i) ? null : StoredUtc(reader.GetDateTime(i));
        return new StoredLead
        {
            Id = reader.GetString(0),
            DedupKey = reader.GetString(1),
            Tenant = reader.GetString(2),
            Host = reader.GetString(3),
            Title = reader.GetString(4),
            Severity = reader.GetString(5),
            Detector = reader.GetString(6),
            State = reader.GetString(7),
            FirstSeen = StoredUtc(reader.GetDateTime(8)),
            LastSeen = StoredUtc(reader.GetDateTime(9)),
            Count = reader.GetInt32(10),
            RaisedAt = StoredUtc(reader.GetDateTime(11)),
            AckDueAt = StoredUtc(reader.GetDateTime(12)),
            ResolveDueAt = StoredUtc(reader.GetDateTime(13)),
            AcknowledgedAt = Time(14),
            AcknowledgedBy = ReadString(reader, 15),
            ClosedAt = Time(16),
            ClosedBy = ReadString(reader, 17),
            DismissReason = ReadString(reader, 18),
            CaseId = ReadString(reader, 19),
            UpdatedAt = StoredUtc(reader.GetDateTime(20)),
        };
    }

    private static string LeadId(long number) => LeadIdPrefix + number.ToString("D4", CultureInfo.InvariantCulture);

    private static DateTime LeadUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    private int ExecuteLeadSql(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }
}
