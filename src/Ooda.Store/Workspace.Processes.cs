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

        return new ProcessEventWindow(ReadProcessEvents($"SELECT {ProcessIndexSchema.Columns} FROM process_events p WHERE {selection}", files, [.. parameters], cancellationToken), cut);
    }

    /// <summary>
    /// A narrow index of the host's process history before a time: for every Sysmon 1, 4688 and 4689, its row, time, event
    /// id, GUID and process id, and its parent's, in no particular order (rows follow the evidence's order, so they break
    /// ties in time). Enough to walk a window's ancestors in memory; <see cref="QueryProcessRows"/> then fetches only the
    /// rows found. Capped at <paramref name="limit"/> entries, the latest kept.
    /// </summary>
    public IReadOnlyList<ProcessIndexEntry> QueryProcessIndex(string tenant, string host, DateTime before, int limit, CancellationToken cancellationToken = default)
    {
        var files = ProcessFiles(tenant, host);
        if (files.Count == 0)
            return [];
        var selection = FileSelection(files) + " AND p.ts < $1 AND p.event_id IN (1, 4688, 4689)";
        object?[] parameters = [before];
        var count = Count(selection, parameters);
        if (count > limit)
        {
            using var cut = Command(
                string.Create(CultureInfo.InvariantCulture, $"SELECT p.ts FROM process_events p WHERE {selection} ORDER BY p.ts DESC LIMIT 1 OFFSET {Math.Max(0, limit - 1)}"),
                parameters);
            if (cut.ExecuteScalar() is DateTime from)
            {
                selection += " AND p.ts >= $2";
                parameters = [before, from];
            }
        }

        using var command = Command($"SELECT p.rowid, p.ts, p.event_id, p.guid, p.pid, p.parent_guid, p.parent_pid FROM process_events p WHERE {selection}", parameters);
        using var registration = cancellationToken.Register(command.Cancel);
        using var reader = command.ExecuteReader();
        var entries = new List<ProcessIndexEntry>((int)Math.Min(count, Math.Max(0, limit)));
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            entries.Add(new ProcessIndexEntry(reader.GetInt64(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt64(6)));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return entries;
    }

    /// <summary>Whole process events by the rows a <see cref="QueryProcessIndex"/> entry names (of this host only).</summary>
    public IReadOnlyList<StoredProcessEvent> QueryProcessRows(string tenant, string host, IReadOnlyCollection<long> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            return [];
        var files = ProcessFiles(tenant, host);
        if (files.Count == 0)
            return [];
        return ReadProcessEvents($"SELECT {ProcessIndexSchema.Columns} FROM process_events p WHERE p.rowid IN (SELECT unnest($1::BIGINT[])) AND {FileSelection(files)}",
            files, [rows.ToList()], cancellationToken);
    }

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
        var (sha256, path) = files[reader.GetInt32(0)];
        return new StoredProcessEvent
        {
            Timestamp = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc),
            EventId = reader.GetInt32(2),
            RecordId = Number(3),
            Offset = Number(4),
            Line = Number(5),
            ProcessGuid = Text(6),
            ProcessId = Number(7),
            ParentProcessGuid = Text(8),
            ParentProcessId = Number(9),
            Image = Text(10),
            ParentImage = Text(11),
            CommandLine = Text(12),
            CommandLineClipped = reader.GetBoolean(13),
            ParentCommandLine = Text(14),
            User = Text(15),
            ParentUser = Text(16),
            Integrity = Text(17),
            ProcessTime = reader.IsDBNull(18) ? null : DateTime.SpecifyKind(reader.GetDateTime(18), DateTimeKind.Utc),
            FileSha256 = sha256,
            File = path,
        };
    }
}
