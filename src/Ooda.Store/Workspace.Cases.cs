using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>Case ids look like <c>C-0042</c>.</summary>
    public const string CaseIdPrefix = "C-";

    /// <summary>Creates a case with its hosts, findings and evidence, and audits it, in one transaction.</summary>
    public StoredCase CreateCase(NewCase opening, string actor, DateTime? at = null)
    {
        ArgumentNullException.ThrowIfNull(opening);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        var now = at ?? DateTime.UtcNow;
        string id;
        using (var transaction = _connection.BeginTransaction())
        {
            using (var next = Command("SELECT nextval('case_numbers')"))
                id = CaseId(Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture));
            using (var insert = Command("INSERT INTO cases VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                id, opening.Tenant, opening.Title, opening.Severity, opening.Status, EmptyToNull(opening.Assignee), opening.Tlp,
                opening.Tags.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), now, actor, now))
            {
                insert.ExecuteNonQuery();
            }

            var audit = AppendAuditInTransaction(actor, "case.open", CaseSubject(id), AuditJson(w =>
            {
                w.WriteString("tenant", opening.Tenant);
                w.WriteString("title", opening.Title);
                w.WriteString("severity", opening.Severity);
                w.WriteString("status", opening.Status);
                w.WriteString("tlp", opening.Tlp);
            }), now);
            var last = InsertHosts(id, opening.Hosts, actor, now) ?? audit;
            last = InsertFindingLinks(id, opening.FindingIds, actor, now) ?? last;
            foreach (var item in opening.Evidence)
                last = InsertEvidence(id, item, actor, now);
            transaction.Commit();
            WriteAuditHead(last);
        }

        return FindCase(id)!;
    }

    /// <summary>A case by id (<c>C-0042</c>), case-insensitively, or by its number alone (<c>42</c>); null when none.</summary>
    public StoredCase? FindCase(string idOrNumber)
    {
        ArgumentNullException.ThrowIfNull(idOrNumber);
        var text = idOrNumber.Trim();
        if (text.StartsWith(CaseIdPrefix, StringComparison.OrdinalIgnoreCase))
            text = text[CaseIdPrefix.Length..];
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            return null;
        return ReadCases("WHERE case_id = $1", CaseId(number)).SingleOrDefault();
    }

    /// <summary>Cases, newest first, optionally of one tenant or status.</summary>
    public IReadOnlyList<StoredCase> ListCases(string? tenant = null, string? status = null) =>
        (tenant, status) switch
        {
            (null, null) => ReadCases(string.Empty),
            (not null, null) => ReadCases("WHERE tenant = $1", tenant),
            (null, not null) => ReadCases("WHERE status = $1", status),
            _ => ReadCases("WHERE tenant = $1 AND status = $2", tenant, status),
        };

    /// <summary>Applies header changes and audits each field that changed with its old and new value.</summary>
    public StoredCase UpdateCase(string caseId, CaseChange change, string actor, DateTime? at = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = RequireCase(caseId);
        var now = at ?? DateTime.UtcNow;
        var tags = current.Tags.Concat(change.AddTags).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(t => !change.RemoveTags.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        var updated = current with
        {
            Title = change.Title ?? current.Title,
            Severity = change.Severity ?? current.Severity,
            Status = change.Status ?? current.Status,
            Assignee = change.Assignee is null ? current.Assignee : EmptyToNull(change.Assignee),
            Tlp = change.Tlp ?? current.Tlp,
            Tags = tags,
        };
        var changes = new List<(string Field, string? Old, string? New)>();
        void Compare(string field, string? old, string? @new)
        {
            if (!string.Equals(old, @new, StringComparison.Ordinal))
                changes.Add((field, old, @new));
        }

        Compare("title", current.Title, updated.Title);
        Compare("severity", current.Severity, updated.Severity);
        Compare("status", current.Status, updated.Status);
        Compare("assignee", current.Assignee, updated.Assignee);
        Compare("tlp", current.Tlp, updated.Tlp);
        Compare("tags", string.Join(",", current.Tags), string.Join(",", updated.Tags));
        if (changes.Count == 0)
            return current;

        using var transaction = _connection.BeginTransaction();
        using (var write = Command("UPDATE cases SET title = $2, severity = $3, status = $4, assignee = $5, tlp = $6, tags = $7, updated_at = $8 WHERE case_id = $1",
            current.Id, updated.Title, updated.Severity, updated.Status, updated.Assignee, updated.Tlp, updated.Tags.ToList(), now))
        {
            write.ExecuteNonQuery();
        }

        AuditEntry? last = null;
        foreach (var (field, old, @new) in changes)
        {
            last = AppendAuditInTransaction(actor, field == "status" ? "case.status" : "case.update", CaseSubject(current.Id), AuditJson(w =>
            {
                w.WriteString("field", field);
                w.WriteString("old", old);
                w.WriteString("new", @new);
                if (change.Reason is not null)
                    w.WriteString("reason", change.Reason);
            }), now);
        }

        transaction.Commit();
        WriteAuditHead(last!);
        return FindCase(current.Id)!;
    }

    /// <summary>Adds hosts to the scope; a host already in scope keeps its first reason.</summary>
    public StoredCase AddCaseHosts(string caseId, IEnumerable<KeyValuePair<string, string>> hosts, string actor, DateTime? at = null) =>
        Change(caseId, at, (id, now) => InsertHosts(id, hosts.ToList(), actor, now));

    /// <summary>Takes a host out of the scope, recording why.</summary>
    public StoredCase RemoveCaseHost(string caseId, string host, string reason, string actor, DateTime? at = null) =>
        Change(caseId, at, (id, now) =>
        {
            using var delete = Command("DELETE FROM case_hosts WHERE case_id = $1 AND lower(host) = lower($2)", id, host);
            return delete.ExecuteNonQuery() == 0
                ? null
                : AppendAuditInTransaction(actor, "case.scope.remove", CaseSubject(id), AuditJson(w =>
                {
                    w.WriteString("host", host);
                    w.WriteString("reason", reason);
                }), now);
        });

    /// <summary>Links findings to the case; links that exist already are left alone.</summary>
    public StoredCase LinkFindings(string caseId, IEnumerable<string> findingIds, string actor, DateTime? at = null) =>
        Change(caseId, at, (id, now) => InsertFindingLinks(id, findingIds.ToList(), actor, now));

    public StoredCase AddCaseNote(string caseId, string text, string actor, DateTime? at = null) =>
        Change(caseId, at, (id, now) =>
        {
            int number;
            using (var next = Command("SELECT coalesce(max(note_no), 0) + 1 FROM case_notes WHERE case_id = $1", id))
                number = Convert.ToInt32(next.ExecuteScalar(), CultureInfo.InvariantCulture);
            using (var insert = Command("INSERT INTO case_notes VALUES ($1, $2, $3, $4, $5)", id, number, now, actor, text))
                insert.ExecuteNonQuery();
            return AppendAuditInTransaction(actor, "case.note", CaseSubject(id), AuditJson(w =>
            {
                w.WriteNumber("note", number);
                w.WriteString("text", text);
            }), now);
        });

    public StoredCase AddCaseEvidence(string caseId, StoredEvidenceItem item, string actor, DateTime? at = null) =>
        Change(caseId, at, (id, now) => InsertEvidence(id, item, actor, now));

    /// <summary>When a log or captured file with this SHA-256 first entered the workspace; null when it never did.</summary>
    public DateTime? IngestedAt(string sha256)
    {
        using var command = Command(
            "SELECT min(t) FROM (SELECT ingested_at AS t FROM ingested_files WHERE sha256 = $1 UNION ALL SELECT ingested_at FROM captured_files WHERE sha256 = $1)",
            sha256);
        var value = command.ExecuteScalar();
        return value is DateTime time ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : null;
    }

    public static string CaseSubject(string caseId) => "case/" + caseId;

    private static string CaseId(long number) => CaseIdPrefix + number.ToString("D4", CultureInfo.InvariantCulture);

    private StoredCase RequireCase(string caseId) =>
        FindCase(caseId) ?? throw new KeyNotFoundException($"no case {caseId} in this workspace");

    /// <summary>Runs one change and its audit in a transaction and bumps the case's update time when anything changed.</summary>
    private StoredCase Change(string caseId, DateTime? at, Func<string, DateTime, AuditEntry?> apply)
    {
        var id = RequireCase(caseId).Id;
        var now = at ?? DateTime.UtcNow;
        AuditEntry? last;
        using (var transaction = _connection.BeginTransaction())
        {
            last = apply(id, now);
            if (last is not null)
            {
                using var touch = Command("UPDATE cases SET updated_at = $2 WHERE case_id = $1", id, now);
                touch.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        if (last is not null)
            WriteAuditHead(last);
        return FindCase(id)!;
    }

    private AuditEntry? InsertHosts(string id, IReadOnlyList<KeyValuePair<string, string>> hosts, string actor, DateTime now)
    {
        AuditEntry? last = null;
        foreach (var (host, reason) in hosts.DistinctBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            using var insert = Command(
                "INSERT INTO case_hosts SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM case_hosts WHERE case_id = $1 AND lower(host) = lower($2))",
                id, host, reason, now, actor);
            if (insert.ExecuteNonQuery() == 0)
                continue;
            last = AppendAuditInTransaction(actor, "case.scope.add", CaseSubject(id), AuditJson(w =>
            {
                w.WriteString("host", host);
                w.WriteString("reason", reason);
            }), now);
        }

        return last;
    }

    private AuditEntry? InsertFindingLinks(string id, IReadOnlyList<string> findingIds, string actor, DateTime now)
    {
        AuditEntry? last = null;
        foreach (var findingId in findingIds.Distinct(StringComparer.Ordinal))
        {
            using var insert = Command("INSERT INTO case_findings VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", id, findingId, now, actor);
            if (insert.ExecuteNonQuery() == 0)
                continue;
            last = AppendAuditInTransaction(actor, "case.link", CaseSubject(id), AuditJson(w => w.WriteString("finding", findingId)), now);
        }

        return last;
    }

    private AuditEntry InsertEvidence(string id, StoredEvidenceItem item, string actor, DateTime now)
    {
        int number;
        using (var next = Command("SELECT coalesce(max(item_no), 0) + 1 FROM case_evidence WHERE case_id = $1", id))
            number = Convert.ToInt32(next.ExecuteScalar(), CultureInfo.InvariantCulture);
        using (var insert = Command("INSERT INTO case_evidence VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            id, number, item.Description, item.Host, item.SourcePath, item.SourceSha256, item.RecordId, item.Line, item.Offset,
            item.AcquiredAt, item.IngestedAt, now, actor))
        {
            insert.ExecuteNonQuery();
        }

        return AppendAuditInTransaction(actor, "case.evidence", CaseSubject(id), AuditJson(w =>
        {
            w.WriteNumber("item", number);
            w.WriteString("description", item.Description);
            w.WriteString("sha256", item.SourceSha256);
            if (item.RecordId is { } record)
                w.WriteNumber("record", record);
            if (item.Line is { } line)
                w.WriteNumber("line", line);
        }), now);
    }

    private List<StoredCase> ReadCases(string where, params object?[] parameters)
    {
        var cases = new List<StoredCase>();
        using (var command = Command(
            $"SELECT case_id, tenant, title, severity, status, assignee, tlp, tags, opened_at, opened_by, updated_at FROM cases {where} ORDER BY opened_at DESC, case_id DESC",
            parameters))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                cases.Add(new StoredCase
                {
                    Id = reader.GetString(0),
                    Tenant = reader.GetString(1),
                    Title = reader.GetString(2),
                    Severity = reader.GetString(3),
                    Status = reader.GetString(4),
                    Assignee = ReadString(reader, 5),
                    Tlp = reader.GetString(6),
                    Tags = Strings(reader, 7),
                    OpenedAt = StoredUtc(reader.GetDateTime(8)),
                    OpenedBy = reader.GetString(9),
                    UpdatedAt = StoredUtc(reader.GetDateTime(10)),
                });
            }
        }

        return [.. cases.Select(c => c with
        {
            Hosts = ReadRows("SELECT host, reason, added_at, added_by FROM case_hosts WHERE case_id = $1 ORDER BY added_at, host", c.Id,
                r => new StoredCaseHost(r.GetString(0), r.GetString(1), StoredUtc(r.GetDateTime(2)), r.GetString(3))),
            FindingIds = ReadRows("SELECT finding_id FROM case_findings WHERE case_id = $1 ORDER BY linked_at, finding_id", c.Id, r => r.GetString(0)),
            Notes = ReadRows("SELECT note_no, noted_at, author, text FROM case_notes WHERE case_id = $1 ORDER BY note_no", c.Id,
                r => new StoredCaseNote(r.GetInt32(0), StoredUtc(r.GetDateTime(1)), r.GetString(2), r.GetString(3))),
            Evidence = ReadRows(
                """
                SELECT item_no, description, host, source_path, source_sha256, record_id, line, file_offset, acquired_at, ingested_at, added_at, added_by
                FROM case_evidence WHERE case_id = $1 ORDER BY item_no
                """, c.Id,
                r => new StoredEvidenceItem
                {
                    Number = r.GetInt32(0),
                    Description = r.GetString(1),
                    Host = r.GetString(2),
                    SourcePath = r.GetString(3),
                    SourceSha256 = r.GetString(4),
                    RecordId = r.IsDBNull(5) ? null : r.GetInt64(5),
                    Line = r.IsDBNull(6) ? null : r.GetInt64(6),
                    Offset = r.IsDBNull(7) ? null : r.GetInt64(7),
                    AcquiredAt = r.IsDBNull(8) ? null : StoredUtc(r.GetDateTime(8)),
                    IngestedAt = r.IsDBNull(9) ? null : StoredUtc(r.GetDateTime(9)),
                    AddedAt = StoredUtc(r.GetDateTime(10)),
                    AddedBy = r.GetString(11),
                }),
        })];
    }

    private List<T> ReadRows<T>(string sql, string caseId, Func<System.Data.Common.DbDataReader, T> read)
    {
        using var command = Command(sql, caseId);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    private static DateTime StoredUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static string? EmptyToNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string AuditJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
