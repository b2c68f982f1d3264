using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>Action ids look like <c>A-0007</c>.</summary>
    public const string ActionIdPrefix = "A-";

    /// <summary>Contacts a tenant may name: primary, secondary and tertiary.</summary>
    public const int MaxResponseContacts = 3;

    private const string ActionColumns =
        """
        action_id, case_id, tenant, kind, target, host, subject, parameters::VARCHAR, reason, finding_ids, evidence_items, state,
        idempotency_key, created_at, created_by, updated_at, updated_by
        """;

    private static readonly string[] _contactRoles = ["primary", "secondary", "tertiary"];

    /// <summary>Stores a tenant's response settings (replacing earlier ones) and audits old and new, in one transaction.</summary>
    public TenantResponse SetTenantResponse(TenantResponse settings, string actor, DateTime? at = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.Tenant);
        var mode = TenantResponseModes.Normalize(settings.Mode)
            ?? throw new ArgumentException($"response mode '{settings.Mode}' is not one of {string.Join(", ", TenantResponseModes.All)}", nameof(settings));
        if (settings.Contacts.Count > MaxResponseContacts)
            throw new ArgumentException($"a tenant names at most {MaxResponseContacts} contacts (primary, secondary, tertiary), not {settings.Contacts.Count}", nameof(settings));
        foreach (var contact in settings.Contacts)
        {
            if (string.IsNullOrWhiteSpace(contact.Name) || string.IsNullOrWhiteSpace(contact.Channel))
                throw new ArgumentException("every contact needs a name and a channel (an e-mail address or a phone number)", nameof(settings));
        }

        var now = at ?? DateTime.UtcNow;
        var previous = GetTenantResponse(settings.Tenant);
        var contacts = new object?[MaxResponseContacts * 2];
        for (var i = 0; i < settings.Contacts.Count; i++)
        {
            contacts[i * 2] = settings.Contacts[i].Name;
            contacts[(i * 2) + 1] = settings.Contacts[i].Channel;
        }

        AuditEntry audit;
        using (var transaction = _connection.BeginTransaction())
        {
            using (var upsert = Command(
                """
                INSERT OR REPLACE INTO tenant_response VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                """,
                settings.Tenant, mode, settings.ActIfUnreachable, contacts[0], contacts[1], contacts[2], contacts[3], contacts[4], contacts[5], now, actor))
            {
                upsert.ExecuteNonQuery();
            }

            audit = AppendAuditInTransaction(actor, "tenant.response", TenantSubject(settings.Tenant), AuditJson(w =>
            {
                w.WriteString("old_mode", previous?.Mode);
                w.WriteString("mode", mode);
                w.WriteBoolean("act_if_unreachable", settings.ActIfUnreachable);
                w.WriteStartArray("contacts");
                for (var i = 0; i < settings.Contacts.Count; i++)
                    w.WriteStringValue($"{_contactRoles[i]}: {settings.Contacts[i].Name} <{settings.Contacts[i].Channel}>");
                w.WriteEndArray();
            }), now);
            transaction.Commit();
        }

        WriteAuditHead(audit);
        return GetTenantResponse(settings.Tenant)!;
    }

    /// <summary>A tenant's explicit response settings (tenant matched case-insensitively); null when none were set.</summary>
    public TenantResponse? GetTenantResponse(string tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return ReadTenantResponses("WHERE lower(tenant) = lower($1)", tenant).SingleOrDefault();
    }

    /// <summary>Every tenant's explicit settings, by tenant name.</summary>
    public IReadOnlyList<TenantResponse> ListTenantResponses() => ReadTenantResponses(string.Empty);

    /// <summary>
    /// Adds actions to their cases, each with its proposal event and audit entry, in one transaction. A draft whose
    /// idempotency key is already stored (the same action planned before) is skipped.
    /// </summary>
    /// <returns>The actions that were new, in the order given.</returns>
    public IReadOnlyList<StoredAction> AddActions(IEnumerable<StoredActionDraft> drafts, string actor, DateTime? at = null)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        var now = at ?? DateTime.UtcNow;
        var list = drafts.ToList();
        foreach (var draft in list)
        {
            if (!StoredActionStates.All.Contains(draft.State, StringComparer.Ordinal))
                throw new ArgumentException($"action state '{draft.State}' is not one of {string.Join(", ", StoredActionStates.All)}", nameof(drafts));
            ArgumentException.ThrowIfNullOrEmpty(draft.IdempotencyKey);
            _ = RequireCase(draft.CaseId);
        }

        var added = new List<string>();
        AuditEntry? last = null;
        using (var transaction = _connection.BeginTransaction())
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var draft in list)
            {
                if (!seen.Add(draft.IdempotencyKey))
                    continue;
                using (var exists = Command("SELECT count(*) FROM actions WHERE idempotency_key = $1", draft.IdempotencyKey))
                {
                    if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
                        continue;
                }

                string id;
                using (var next = Command("SELECT nextval('action_numbers')"))
                    id = ActionId(Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture));
                var caseId = RequireCase(draft.CaseId).Id;
                using (var insert = Command(
                    "INSERT INTO actions VALUES ($1, $2, $3, $4, $5, $6, $7, $8::JSON, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
                    id, caseId, draft.Tenant, draft.Kind, draft.Target, EmptyToNull(draft.Host), draft.Subject, ParametersJson(draft.Parameters), draft.Reason,
                    draft.FindingIds.Distinct(StringComparer.Ordinal).ToList(), draft.EvidenceItems.Distinct().ToList(), draft.State, draft.IdempotencyKey,
                    now, actor, now, actor))
                {
                    insert.ExecuteNonQuery();
                }

                InsertActionEvent(id, 1, now, actor, null, new StoredActionChange(draft.State, string.Empty) { Mode = draft.Mode, Via = "plan" });
                last = AppendAuditInTransaction(actor, "action.propose", ActionSubject(caseId, id), AuditJson(w =>
                {
                    w.WriteString("kind", draft.Kind);
                    w.WriteString("target", draft.Target);
                    w.WriteString("host", draft.Host);
                    w.WriteString("subject", draft.Subject);
                    w.WriteString("state", draft.State);
                    w.WriteString("mode", draft.Mode);
                    w.WriteString("key", draft.IdempotencyKey);
                    w.WriteString("parameters", ParametersJson(draft.Parameters));
                    w.WriteStartArray("findings");
                    foreach (var finding in draft.FindingIds)
                        w.WriteStringValue(finding);
                    w.WriteEndArray();
                }), now);
                added.Add(id);
            }

            transaction.Commit();
        }

        if (last is not null)
            WriteAuditHead(last);
        return [.. added.Select(id => FindAction(id)!)];
    }

    /// <summary>A case's actions in the order they were planned, each with its events.</summary>
    public IReadOnlyList<StoredAction> ListActions(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var id = FindCase(caseId)?.Id ?? caseId;
        return ReadActions("WHERE case_id = $1", id);
    }

    /// <summary>An action by id (<c>A-0007</c>), case-insensitively, or by its number alone (<c>7</c>); null when none.</summary>
    public StoredAction? FindAction(string idOrNumber)
    {
        ArgumentNullException.ThrowIfNull(idOrNumber);
        var text = idOrNumber.Trim();
        if (text.StartsWith(ActionIdPrefix, StringComparison.OrdinalIgnoreCase))
            text = text[ActionIdPrefix.Length..];
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            return null;
        return ReadActions("WHERE action_id = $1", ActionId(number)).SingleOrDefault();
    }

    /// <summary>
    /// Moves an action to a new state, records the event and audits it, in one transaction. Fails when the action is not
    /// in <see cref="StoredActionChange.ExpectedFrom"/> any more (someone else moved it since the caller looked).
    /// </summary>
    public StoredAction ChangeActionState(string actionId, StoredActionChange change, string actor, DateTime? at = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        if (!StoredActionStates.All.Contains(change.To, StringComparer.Ordinal))
            throw new ArgumentException($"action state '{change.To}' is not one of {string.Join(", ", StoredActionStates.All)}", nameof(change));
        var action = FindAction(actionId) ?? throw new KeyNotFoundException($"no action {actionId} in this workspace");
        var now = at ?? DateTime.UtcNow;
        AuditEntry audit;
        using (var transaction = _connection.BeginTransaction())
        {
            using (var update = Command("UPDATE actions SET state = $2, updated_at = $3, updated_by = $4 WHERE action_id = $1 AND state = $5",
                action.Id, change.To, now, actor, change.ExpectedFrom))
            {
                if (update.ExecuteNonQuery() == 0)
                {
                    var current = FindAction(action.Id)?.State ?? "gone";
                    throw new ActionConflictException($"action {action.Id} is {current}, not {change.ExpectedFrom}: it was changed meanwhile; look again ('ooda respond status') and retry");
                }
            }

            int number;
            using (var next = Command("SELECT coalesce(max(event_no), 0) + 1 FROM action_events WHERE action_id = $1", action.Id))
                number = Convert.ToInt32(next.ExecuteScalar(), CultureInfo.InvariantCulture);
            InsertActionEvent(action.Id, number, now, actor, change.ExpectedFrom, change);
            audit = AppendAuditInTransaction(actor, "action." + change.To, ActionSubject(action.CaseId, action.Id), AuditJson(w =>
            {
                w.WriteString("from", change.ExpectedFrom);
                w.WriteString("to", change.To);
                w.WriteString("via", change.Via);
                w.WriteString("authorized_by", change.AuthorizedBy);
                w.WriteString("mode", change.Mode);
                if (change.ContactsTried.Count > 0)
                {
                    w.WriteStartArray("contacts_tried");
                    foreach (var contact in change.ContactsTried)
                        w.WriteStringValue(contact);
                    w.WriteEndArray();
                }

                w.WriteString("note", change.Note);
            }), now);
            transaction.Commit();
        }

        WriteAuditHead(audit);
        return FindAction(action.Id)!;
    }

    /// <summary>Audits that a notice to the customer was written: <c>response.notice</c> on the case, with the file's path and SHA-256.</summary>
    public AuditEntry RecordNotice(string caseId, string path, string sha256, string actor, DateTime? at = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        var @case = RequireCase(caseId);
        return AppendAudit(actor, "response.notice", CaseSubject(@case.Id), AuditJson(w =>
        {
            w.WriteString("path", path);
            w.WriteString("sha256", sha256.ToLowerInvariant());
        }), at);
    }

    /// <summary>The audit subject of an action: under its case's subject, so reading a case's audit finds its actions too.</summary>
    public static string ActionSubject(string caseId, string actionId) => CaseSubject(caseId) + "/action/" + actionId;

    public static string TenantSubject(string tenant) => "tenant/" + tenant;

    private static string ActionId(long number) => ActionIdPrefix + number.ToString("D4", CultureInfo.InvariantCulture);

    private static string ParametersJson(IReadOnlyDictionary<string, string> parameters) =>
        AuditJson(w =>
        {
            foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
                w.WriteString(name, value);
        });

    private void InsertActionEvent(string actionId, int number, DateTime now, string actor, string? from, StoredActionChange change)
    {
        using var insert = Command("INSERT INTO action_events VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            actionId, number, now, actor, EmptyToNull(from), change.To, EmptyToNull(change.Via), EmptyToNull(change.AuthorizedBy), EmptyToNull(change.Mode),
            change.ContactsTried.ToList(), EmptyToNull(change.Note));
        insert.ExecuteNonQuery();
    }

    private List<TenantResponse> ReadTenantResponses(string where, params object?[] parameters)
    {
        using var command = Command(
            $"""
            SELECT tenant, mode, act_if_unreachable, primary_name, primary_channel, secondary_name, secondary_channel, tertiary_name, tertiary_channel,
                   updated_at, updated_by
            FROM tenant_response {where} ORDER BY tenant
            """, parameters);
        using var reader = command.ExecuteReader();
        var list = new List<TenantResponse>();
        while (reader.Read())
        {
            var contacts = new List<TenantResponseContact>();
            for (var i = 0; i < MaxResponseContacts; i++)
            {
                var name = ReadString(reader, 3 + (i * 2));
                var channel = ReadString(reader, 4 + (i * 2));
                if (name is not null && channel is not null)
                    contacts.Add(new TenantResponseContact(name, channel));
            }

            list.Add(new TenantResponse
            {
                Tenant = reader.GetString(0),
                Mode = reader.GetString(1),
                ActIfUnreachable = reader.GetBoolean(2),
                Contacts = contacts,
                UpdatedAt = StoredUtc(reader.GetDateTime(9)),
                UpdatedBy = reader.GetString(10),
            });
        }

        return list;
    }

    private List<StoredAction> ReadActions(string where, params object?[] parameters)
    {
        var actions = new List<StoredAction>();
        using (var command = Command($"SELECT {ActionColumns} FROM actions {where} ORDER BY CAST(substr(action_id, 3) AS BIGINT)", parameters))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                actions.Add(new StoredAction
                {
                    Id = reader.GetString(0),
                    CaseId = reader.GetString(1),
                    Tenant = reader.GetString(2),
                    Kind = reader.GetString(3),
                    Target = reader.GetString(4),
                    Host = ReadString(reader, 5),
                    Subject = reader.GetString(6),
                    Parameters = ReadParameters(reader.GetString(7)),
                    Reason = reader.GetString(8),
                    FindingIds = Strings(reader, 9),
                    EvidenceItems = Integers(reader, 10),
                    State = reader.GetString(11),
                    IdempotencyKey = reader.GetString(12),
                    CreatedAt = StoredUtc(reader.GetDateTime(13)),
                    CreatedBy = reader.GetString(14),
                    UpdatedAt = StoredUtc(reader.GetDateTime(15)),
                    UpdatedBy = reader.GetString(16),
                });
            }
        }

        return [.. actions.Select(a => a with
        {
            Events = ReadEvents(a.Id),
        })];
    }

    private List<StoredActionEvent> ReadEvents(string actionId)
    {
        using var command = Command(
            "SELECT event_no, changed_at, actor, from_state, to_state, via, authorized_by, mode, contacts_tried, note FROM action_events WHERE action_id = $1 ORDER BY event_no",
            actionId);
        using var reader = command.ExecuteReader();
        var events = new List<StoredActionEvent>();
        while (reader.Read())
        {
            events.Add(new StoredActionEvent(reader.GetInt32(0), StoredUtc(reader.GetDateTime(1)), reader.GetString(2), ReadString(reader, 3),
                reader.GetString(4), ReadString(reader, 5), ReadString(reader, 6), ReadString(reader, 7), Strings(reader, 8), ReadString(reader, 9)));
        }

        return events;
    }

    private static SortedDictionary<string, string> ReadParameters(string json)
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
            parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        return parameters;
    }

    private static List<int> Integers(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : [.. ((DuckDBDataReader)reader).GetFieldValue<List<int>>(ordinal)];
}
