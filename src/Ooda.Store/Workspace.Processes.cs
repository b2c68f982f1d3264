using System.Globalization;
using DuckDB.NET.Data;
using Ooda.Store.Internal;

namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>Command lines longer than this arrive cut (and flagged): evidence stays whole in the store, a tree needs no more.</summary>
    public const int MaxProcessCommandLine = 4096;

    /// <summary>Images, users and other process texts longer than this arrive cut.</summary>
    public const int MaxProcessText = 1024;

    /// <summary>
    /// The process starts and ends of one host in a window, in no particular order (callers order them), from the process
    /// index that ingest fills. A limit keeps the earliest events and says where it cut.
    /// </summary>
    public ProcessEventWindow QueryProcessEvents(ProcessEventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var files = ProcessFiles(query.Tenant, query.Host);
        if (files.Count == 0)
            return new ProcessEventWindow([], null);

        var parameters = new List<object?>();
        var window = string.Empty;
        if (query.From is { } from)
        {
            parameters.Add(from);
            window += $" AND p.ts >= ${parameters.Count}";
        }

        if (query.To is { } to)
        {
            parameters.Add(to);
            window += $" AND p.ts < ${parameters.Count}";
        }

        var selection = FileSelection(files) + window;
        DateTime? cut = null;
        if (query.Limit is { } limit && Count(selection, parameters) > limit)
        {
            // The cut is found on timestamps alone, which is cheap: the time of the first event past the limit.
            using var first = Command(
                string.Create(CultureInfo.InvariantCulture, $"SELECT p.ts FROM process_events p WHERE {selection} ORDER BY p.ts LIMIT 1 OFFSET {Math.Max(0, limit)}"),
                [.. parameters]);
            if (first.ExecuteScalar() is DateTime at)
            {
                cut = DateTime.SpecifyKind(at, DateTimeKind.Utc);
                parameters.Add(at);
                selection += $" AND p.ts < ${parameters.Count}";
            }
        }

        return new ProcessEventWindow(ReadProcessEvents($"SELECT {_rowColumns} FROM process_events p WHERE {selection}", files, [.. parameters], cancellationToken), cut);
    }

    /// <summary>
    /// The events that answer each lookup, from the host's whole history: per GUID the latest Sysmon 1 of it, per process id
    /// the latest Sysmon 1, 4688 and 4689 of it (the exit says whether that process still ran), each strictly before the
    /// lookup's time, ties in time broken by row. One generation of an ancestor walk; each event once, in no particular order.
    /// </summary>
    public IReadOnlyList<StoredProcessEvent> QueryProcessParents(string tenant, string host, IReadOnlyCollection<ProcessLookup> lookups,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        var byGuid = lookups.Where(l => l.ProcessGuid is not null).Distinct().ToList();
        var byId = lookups.Where(l => l.ProcessGuid is null && l.ProcessId is not null).Distinct().ToList();
        if (byGuid.Count + byId.Count == 0)
            return [];
        var files = ProcessFiles(tenant, host);
        if (files.Count == 0)
            return [];

        // Only the rows of the keys asked for, then an as-of join finds each lookup's latest earlier event without pairing it
        // with every earlier row of its key (a pid like 4 has thousands); the chosen times are joined back to break ties by row.
        var selection = FileSelection(files);
        var sql = $"""
            WITH by_guid AS (SELECT unnest($1::VARCHAR[]) AS guid, unnest($2::TIMESTAMP[]) AS before),
                 by_id AS (SELECT l.pid, l.before, e.event_id
                           FROM (SELECT unnest($3::BIGINT[]) AS pid, unnest($4::TIMESTAMP[]) AS before) l,
                                (VALUES (1), (4688), (4689)) e(event_id)),
                 history AS (SELECT p.rowid AS r, p.guid, p.pid, p.event_id, p.ts FROM process_events p
                             WHERE {selection} AND p.ts < $5 AND p.event_id IN (1, 4688, 4689)
                               AND (p.guid IN (SELECT guid FROM by_guid) OR p.pid IN (SELECT pid FROM by_id))),
                 guid_times AS (SELECT DISTINCT h.guid, h.ts FROM by_guid l ASOF JOIN (SELECT * FROM history WHERE event_id = 1) h
                                ON l.guid = h.guid AND l.before > h.ts),
                 id_times AS (SELECT DISTINCT h.pid, h.event_id, h.ts FROM by_id l ASOF JOIN history h
                              ON l.pid = h.pid AND l.event_id = h.event_id AND l.before > h.ts)
            SELECT max(h.r) FROM history h JOIN guid_times t ON h.event_id = 1 AND h.guid = t.guid AND h.ts = t.ts GROUP BY t.guid, t.ts
            UNION
            SELECT max(h.r) FROM history h JOIN id_times t ON h.pid = t.pid AND h.event_id = t.event_id AND h.ts = t.ts GROUP BY t.pid, t.event_id, t.ts
            """;
        var rows = new List<long>();
        using (var command = Command(sql, byGuid.Select(l => l.ProcessGuid).ToList(), byGuid.Select(l => l.Before).ToList(),
            byId.Select(l => l.ProcessId!.Value).ToList(), byId.Select(l => l.Before).ToList(), lookups.Max(l => l.Before)))
        using (cancellationToken.Register(command.Cancel))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                rows.Add(reader.GetInt64(0));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (rows.Count == 0)
            return [];

        // The rows by a constant list, which DuckDB reads by row id instead of scanning the host's whole index again.
        rows.Sort();
        var list = string.Join(", ", rows.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        return ReadProcessEvents($"SELECT {_rowColumns} FROM process_events p WHERE p.rowid IN ({list}) AND {selection}", files, [], cancellationToken);
    }

    /// <summary>What every read of whole process events selects: the row, then the index's columns.</summary>
    private static readonly string _rowColumns = "p.rowid, " + string.Join(", ", ProcessIndexSchema.Columns.Split(", ").Select(c => "p." + c));

    /// <summary>Sysmon GUIDs as the store compares them: upper case, no braces or spaces.</summary>
    public static string NormalGuid(string guid)
    {
        ArgumentNullException.ThrowIfNull(guid);
        return guid.Trim().Trim('{', '}').Trim().ToUpperInvariant();
    }

    /// <summary>Adds a file's process starts and ends to the index; called in the transaction that makes the file ingested.</summary>
    internal void IndexProcesses(int fileId)
    {
        using var command = Command(ProcessIndexSchema.Fill("r.file_id = $1"), fileId);
        command.ExecuteNonQuery();
    }

    /// <summary>How many process events a selection holds; only more than a limit needs the sort that finds where to cut.</summary>
    private long Count(string selection, IReadOnlyList<object?> parameters)
    {
        using var command = Command($"SELECT count(*) FROM process_events p WHERE {selection}", [.. parameters]);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The host's files by id, with the hash and path every event of theirs reports (read once, not per row).</summary>
    private Dictionary<int, (string Sha256, string Path)> ProcessFiles(string tenant, string host)
    {
        using var command = Command("SELECT file_id, sha256, path FROM ingested_files WHERE tenant = $1 AND lower(host) = lower($2)", tenant, host);
        using var reader = command.ExecuteReader();
        var files = new Dictionary<int, (string, string)>();
        while (reader.Read())
            files[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        return files;
    }

    /// <summary>A condition on <c>p.file_id</c>: the ids as constants, which DuckDB checks against each row group's range and skips the others.</summary>
    private static string FileSelection(Dictionary<int, (string Sha256, string Path)> files) =>
        "p.file_id IN (" + string.Join(", ", files.Keys.Order().Select(k => k.ToString(CultureInfo.InvariantCulture))) + ")";

    private List<StoredProcessEvent> ReadProcessEvents(string sql, Dictionary<int, (string Sha256, string Path)> files, object?[] parameters,
        CancellationToken cancellationToken)
    {
        using var command = Command(sql, parameters);
        using var registration = cancellationToken.Register(command.Cancel);
        using var reader = command.ExecuteReader();
        var events = new List<StoredProcessEvent>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            events.Add(ReadProcessEvent(reader, files));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return events;
    }

    private static StoredProcessEvent ReadProcessEvent(DuckDBDataReader reader, Dictionary<int, (string Sha256, string Path)> files)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        long? Number(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
        var (sha256, path) = files[reader.GetInt32(1)];
        return new StoredProcessEvent
        {
            Row = reader.GetInt64(0),
            Timestamp = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
            EventId = reader.GetInt32(3),
            RecordId = Number(4),
            Offset = Number(5),
            Line = Number(6),
            ProcessGuid = Text(7),
            ProcessId = Number(8),
            ParentProcessGuid = Text(9),
            ParentProcessId = Number(10),
            Image = Text(11),
            ParentImage = Text(12),
            CommandLine = Text(13),
            CommandLineClipped = reader.GetBoolean(14),
            ParentCommandLine = Text(15),
            User = Text(16),
            ParentUser = Text(17),
            Integrity = Text(18),
            ProcessTime = reader.IsDBNull(19) ? null : DateTime.SpecifyKind(reader.GetDateTime(19), DateTimeKind.Utc),
            FileSha256 = sha256,
            File = path,
        };
    }
}
