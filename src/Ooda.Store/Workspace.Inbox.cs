using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>Origins of an inbox file: dropped into the watched folder, or uploaded through the console.</summary>
    public const string InboxOriginFolder = "inbox";

    public const string InboxOriginUpload = "upload";

    private const string InboxColumns =
        """
        item_id, tenant, host, relative_path, sha256, size, origin, actor, state, attempts, error, events, findings, leads,
        arrived_at, ingested_at, hunted_at, updated_at
        """;

    public static string InboxSubject(long itemId) => "inbox/" + itemId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Queues an arrived file, audited; the same content for the same tenant and host is queued once, so a second arrival
    /// (a copy, a re-upload, a rescan) returns the first row with <see cref="InboxItemRegistration.IsNew"/> false.
    /// </summary>
    public InboxItemRegistration RegisterInboxItem(string tenant, string host, string relativePath, string sha256, long size, string origin, string actor, DateTime? at = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (FindInboxItem(tenant, host, sha256) is { } known)
            return new InboxItemRegistration(known, false);
        var now = LeadUtc(at ?? DateTime.UtcNow);
        long id;
        AuditEntry entry;
        using (var transaction = _connection.BeginTransaction())
        {
            using (var next = Command("SELECT nextval('inbox_item_ids')"))
                id = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
            ExecuteLeadSql("INSERT INTO inbox_items VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, NULL, NULL, NULL, NULL, $10, NULL, NULL, $10)",
                id, tenant, host, relativePath, sha256.ToLowerInvariant(), size, origin, actor, InboxItemStates.Arrived, now);
            entry = AppendAuditInTransaction(actor, "inbox.arrive", InboxSubject(id), AuditJson(w =>
            {
                w.WriteString("tenant", tenant);
                w.WriteString("host", host);
                w.WriteString("path", relativePath);
                w.WriteString("sha256", sha256.ToLowerInvariant());
                w.WriteNumber("size", size);
                w.WriteString("origin", origin);
            }), now);
            transaction.Commit();
        }

        WriteAuditHead(entry);
        return new InboxItemRegistration(FindInboxItem(id)!, true);
    }

    /// <summary>How many events the store holds of this file for this tenant and host; null when it was never ingested.</summary>
    public long? IngestedEvents(string tenant, string host, string sha256)
    {
        using var command = Command("SELECT events FROM ingested_files WHERE tenant = $1 AND host = $2 AND sha256 = $3", tenant, host, sha256.ToLowerInvariant());
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
    }

    public InboxItem? FindInboxItem(long id) => ReadInboxItems("WHERE item_id = $1", id).SingleOrDefault();

    public InboxItem? FindInboxItem(string tenant, string host, string sha256) =>
        ReadInboxItems("WHERE tenant = $1 AND host = $2 AND sha256 = $3", tenant, host, sha256.ToLowerInvariant()).SingleOrDefault();

    /// <summary>Queue rows, oldest arrival first.</summary>
    public IReadOnlyList<InboxItem> ListInboxItems(InboxItemQuery? query = null)
    {
        query ??= new InboxItemQuery();
        var where = new StringBuilder("WHERE true");
        var parameters = new List<object?>();
        if (query.Tenant is not null)
        {
            parameters.Add(query.Tenant);
            where.Append(CultureInfo.InvariantCulture, $" AND tenant = ${parameters.Count}");
        }

        if (query.States is not null)
        {
            parameters.Add(query.States.ToList());
            where.Append(CultureInfo.InvariantCulture, $" AND list_contains(${parameters.Count}, state)");
        }

        where.Append(" ORDER BY item_id");
        if (query.Limit is { } limit)
            where.Append(CultureInfo.InvariantCulture, $" LIMIT {Math.Max(0, limit)}");
        return ReadInboxItems(where.ToString(), [.. parameters]);
    }

    /// <summary>Records that the file's events are in the store (a step done once: later calls change nothing).</summary>
    public InboxItem MarkInboxItemIngested(long id, long events, string actor, DateTime? at = null) =>
        ChangeInboxItem(id, at, (item, now) =>
        {
            if (item.State != InboxItemStates.Arrived)
                return null;
            ExecuteLeadSql("UPDATE inbox_items SET state = $2, events = $3, error = NULL, ingested_at = $4, updated_at = $4 WHERE item_id = $1",
                id, InboxItemStates.Ingested, events, now);
            return AppendAuditInTransaction(actor, "inbox.ingest", InboxSubject(id), AuditJson(w => w.WriteNumber("events", events)), now);
        });

    /// <summary>Records that the file's events were hunted and their findings and leads saved (a step done once).</summary>
    public InboxItem MarkInboxItemHunted(long id, int findings, int leads, string actor, DateTime? at = null) =>
        ChangeInboxItem(id, at, (item, now) =>
        {
            if (item.State != InboxItemStates.Ingested)
                return null;
            ExecuteLeadSql("UPDATE inbox_items SET state = $2, findings = $3, leads = $4, error = NULL, hunted_at = $5, updated_at = $5 WHERE item_id = $1",
                id, InboxItemStates.Hunted, findings, leads, now);
            return AppendAuditInTransaction(actor, "inbox.hunt", InboxSubject(id), AuditJson(w =>
            {
                w.WriteNumber("findings", findings);
                w.WriteNumber("leads", leads);
            }), now);
        });

    /// <summary>
    /// Records a failed step: the row keeps its state (so the next pass retries the step) until it has failed
    /// <paramref name="maxAttempts"/> times, then it becomes failed and is retried only on request.
    /// </summary>
    public InboxItem RecordInboxItemFailure(long id, string error, int maxAttempts, string actor, DateTime? at = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        return ChangeInboxItem(id, at, (item, now) =>
        {
            if (item.State is InboxItemStates.Hunted or InboxItemStates.Failed)
                return null;
            var giveUp = item.Attempts + 1 >= maxAttempts;
            var clipped = error.Length > 2000 ? error[..2000] : error;
            ExecuteLeadSql("UPDATE inbox_items SET state = $2, attempts = attempts + 1, error = $3, updated_at = $4 WHERE item_id = $1",
                id, giveUp ? InboxItemStates.Failed : item.State, clipped, now);
            return AppendAuditInTransaction(actor, giveUp ? "inbox.fail" : "inbox.retry", InboxSubject(id), AuditJson(w =>
            {
                w.WriteString("step", item.State);
                w.WriteNumber("attempt", item.Attempts + 1);
                w.WriteString("error", clipped);
            }), now);
        });
    }

    /// <summary>Puts a failed row back in the queue: at the hunt step when its events are in the store, else at the start.</summary>
    public InboxItem RetryInboxItem(long id, string actor, DateTime? at = null) =>
        ChangeInboxItem(id, at, (item, now) =>
        {
            if (item.State != InboxItemStates.Failed)
                return null;
            var state = item.IngestedAt is null ? InboxItemStates.Arrived : InboxItemStates.Ingested;
            ExecuteLeadSql("UPDATE inbox_items SET state = $2, attempts = 0, updated_at = $3 WHERE item_id = $1", id, state, now);
            return AppendAuditInTransaction(actor, "inbox.requeue", InboxSubject(id), AuditJson(w => w.WriteString("state", state)), now);
        });

    private InboxItem ChangeInboxItem(long id, DateTime? at, Func<InboxItem, DateTime, AuditEntry?> apply)
    {
        var item = FindInboxItem(id) ?? throw new KeyNotFoundException($"no inbox item {id} in this workspace");
        var now = LeadUtc(at ?? DateTime.UtcNow);
        AuditEntry? last;
        using (var transaction = _connection.BeginTransaction())
        {
            last = apply(item, now);
            transaction.Commit();
        }

        if (last is not null)
            WriteAuditHead(last);
        return FindInboxItem(id)!;
    }

    private List<InboxItem> ReadInboxItems(string where, params object?[] parameters)
    {
        using var command = Command($"SELECT {InboxColumns} FROM inbox_items {where}", parameters);
        using var reader = command.ExecuteReader();
        var items = new List<InboxItem>();
        while (reader.Read())
            items.Add(ReadInboxItem(reader));
        return items;
    }

    private static InboxItem ReadInboxItem(DbDataReader reader)
    {
        DateTime? Time(int i) => reader.IsDBNull(i) ? null : StoredUtc(reader.GetDateTime(i));
        return new InboxItem
        {
            Id = reader.GetInt64(0),
            Tenant = reader.GetString(1),
            Host = reader.GetString(2),
            RelativePath = reader.GetString(3),
            Sha256 = reader.GetString(4),
            Size = reader.GetInt64(5),
            Origin = reader.GetString(6),
            Actor = reader.GetString(7),
            State = reader.GetString(8),
            Attempts = reader.GetInt32(9),
            Error = ReadString(reader, 10),
            Events = reader.IsDBNull(11) ? null : reader.GetInt64(11),
            Findings = reader.IsDBNull(12) ? null : reader.GetInt32(12),
            Leads = reader.IsDBNull(13) ? null : reader.GetInt32(13),
            ArrivedAt = StoredUtc(reader.GetDateTime(14)),
            IngestedAt = Time(15),
            HuntedAt = Time(16),
            UpdatedAt = StoredUtc(reader.GetDateTime(17)),
        };
    }
}
