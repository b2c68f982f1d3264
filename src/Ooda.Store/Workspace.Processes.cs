using System.Globalization;
using DuckDB.NET.Data;

namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>Command lines longer than this arrive cut (and flagged): evidence stays whole in the store, a tree needs no more.</summary>
    public const int MaxProcessCommandLine = 4096;

    /// <summary>Images, users and other process texts longer than this arrive cut.</summary>
    public const int MaxProcessText = 1024;

    private const string ZeroGuid = "00000000-0000-0000-0000-000000000000";

    // One JSON parse per row: json_transform reads every field a tree needs into a struct in a single pass.
    private const string ProcessFields =
        "{\"ProcessGuid\":\"VARCHAR\",\"ProcessId\":\"VARCHAR\",\"ParentProcessGuid\":\"VARCHAR\",\"ParentProcessId\":\"VARCHAR\"," +
        "\"Image\":\"VARCHAR\",\"ParentImage\":\"VARCHAR\",\"CommandLine\":\"VARCHAR\",\"ParentCommandLine\":\"VARCHAR\",\"User\":\"VARCHAR\"," +
        "\"ParentUser\":\"VARCHAR\",\"IntegrityLevel\":\"VARCHAR\",\"UtcTime\":\"VARCHAR\",\"NewProcessId\":\"VARCHAR\",\"NewProcessName\":\"VARCHAR\"," +
        "\"ParentProcessName\":\"VARCHAR\",\"SubjectUserName\":\"VARCHAR\",\"SubjectDomainName\":\"VARCHAR\",\"TargetUserName\":\"VARCHAR\"," +
        "\"TargetDomainName\":\"VARCHAR\",\"MandatoryLabel\":\"VARCHAR\",\"ProcessName\":\"VARCHAR\"}";

    // Only what finding a process by id or GUID needs, for the index of a host's history.
    private const string IndexFields =
        "{\"ProcessGuid\":\"VARCHAR\",\"ProcessId\":\"VARCHAR\",\"NewProcessId\":\"VARCHAR\",\"ParentProcessGuid\":\"VARCHAR\",\"ParentProcessId\":\"VARCHAR\"}";

    private const string ProcessChannels =
        """
        ((r.event_id IN (1, 5) AND (lower(r.channel) = 'microsoft-windows-sysmon/operational' OR r.provider = 'Microsoft-Windows-Sysmon'))
          OR (r.event_id IN (4688, 4689) AND (lower(r.channel) = 'security' OR r.provider = 'Microsoft-Windows-Security-Auditing')))
        """;

    /// <summary>
    /// The process starts and ends of one host in a window, in no particular order (sorting wide rows in SQL would cost more
    /// than the query; callers order them). Selection and field extraction run in SQL, so only the rows wanted are decoded
    /// and only the fields a process tree needs come back. A limit keeps the earliest events and says where it cut.
    /// </summary>
    public ProcessEventWindow QueryProcessEvents(ProcessEventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<object?> { query.Tenant, query.Host };
        var window = string.Empty;
        if (query.From is { } from)
        {
            parameters.Add(from);
            window += $" AND r.ts >= ${parameters.Count}";
        }

        if (query.To is { } to)
        {
            parameters.Add(to);
            window += $" AND r.ts < ${parameters.Count}";
        }

        DateTime? cut = null;
        if (query.Limit is { } limit)
        {
            // The cut is found on timestamps alone, which is cheap: the time of the first event past the limit.
            using var first = Command(
                string.Create(CultureInfo.InvariantCulture,
                    $"""
                    WITH files AS (SELECT file_id FROM ingested_files WHERE tenant = $1 AND lower(host) = lower($2))
                    SELECT r.ts FROM event_rows r WHERE r.file_id IN (SELECT file_id FROM files) AND r.ts IS NOT NULL AND {ProcessChannels} {window}
                    ORDER BY r.ts LIMIT 1 OFFSET {Math.Max(0, limit)}
                    """),
                [.. parameters]);
            if (first.ExecuteScalar() is DateTime at)
            {
                cut = DateTime.SpecifyKind(at, DateTimeKind.Utc);
                parameters.Add(at);
                window += $" AND r.ts < ${parameters.Count}";
            }
        }

        using var command = Command(ProcessRowsSql(window) + "SELECT p.*, f.sha256, f.path FROM proc p JOIN files f USING (file_id)", [.. parameters]);
        using var reader = command.ExecuteReader();
        var events = new List<StoredProcessEvent>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            events.Add(ReadProcessEvent(reader));
        }

        return new ProcessEventWindow(events, cut);
    }

    /// <summary>
    /// A narrow index of the host's process history before a time: for every Sysmon 1, 4688 and 4689, its row, time, event
    /// id, GUID and process id, and its parent's. Enough to walk a window's ancestors in memory; <see cref="QueryProcessRows"/> then
    /// fetches only the rows found. Capped at <paramref name="limit"/> entries, the latest kept.
    /// </summary>
    public IReadOnlyList<ProcessIndexEntry> QueryProcessIndex(string tenant, string host, DateTime before, int limit, CancellationToken cancellationToken = default)
    {
        const string Selection = $"r.file_id IN (SELECT file_id FROM files) AND r.ts IS NOT NULL AND r.ts < $3 AND r.event_id IN (1, 4688, 4689) AND {ProcessChannels}";
        const string Files = "WITH files AS (SELECT file_id FROM ingested_files WHERE tenant = $1 AND lower(host) = lower($2))";

        // The cap's cut-off time is a query of its own: as a scalar subquery inside the main WHERE, DuckDB decoded every
        // row before filtering (12 s instead of 1 s for a month of a busy server in a 10M-event store).
        var window = string.Empty;
        object?[] parameters = [tenant, host, before];
        using (var cut = Command(
                   string.Create(CultureInfo.InvariantCulture, $"{Files} SELECT r.ts FROM event_rows r WHERE {Selection} ORDER BY r.ts DESC LIMIT 1 OFFSET {Math.Max(0, limit - 1)}"),
                   tenant, host, before))
        {
            if (cut.ExecuteScalar() is DateTime from)
            {
                parameters = [tenant, host, before, from];
                window = " AND r.ts >= $4";
            }
        }

        using var command = Command(
            string.Create(CultureInfo.InvariantCulture,
                $$"""
                {{Files}},
                latest AS (SELECT r.rowid AS row_id, r.ts, r.event_id, r.fields FROM event_rows r WHERE {{Selection}}{{window}}),
                parsed AS (SELECT row_id, ts, event_id, json_transform(decode(fields), '{{IndexFields}}') AS v FROM latest)
                SELECT row_id, ts, event_id,
                       CASE WHEN event_id = 1 THEN nullif(nullif(upper(trim(v."ProcessGuid", '{} ')), '{{ZeroGuid}}'), '') END,
                       TRY_CAST(CASE event_id WHEN 4688 THEN v."NewProcessId" ELSE v."ProcessId" END AS BIGINT),
                       CASE WHEN event_id = 1 THEN nullif(nullif(upper(trim(v."ParentProcessGuid", '{} ')), '{{ZeroGuid}}'), '') END,
                       TRY_CAST(CASE event_id WHEN 1 THEN v."ParentProcessId" WHEN 4688 THEN v."ProcessId" END AS BIGINT)
                FROM parsed
                """),
            parameters);
        using var reader = command.ExecuteReader();
        var entries = new List<ProcessIndexEntry>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            entries.Add(new ProcessIndexEntry(reader.GetInt64(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt64(6)));
        }

        return entries;
    }

    /// <summary>Whole process events by the rows a <see cref="QueryProcessIndex"/> entry names (of this host only).</summary>
    public IReadOnlyList<StoredProcessEvent> QueryProcessRows(string tenant, string host, IReadOnlyCollection<long> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            return [];
        using var command = Command(ProcessRowsSql(" AND r.rowid IN (SELECT unnest($3::BIGINT[]))") + "SELECT p.*, f.sha256, f.path FROM proc p JOIN files f USING (file_id)",
            tenant, host, rows.ToList());
        using var reader = command.ExecuteReader();
        var events = new List<StoredProcessEvent>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            events.Add(ReadProcessEvent(reader));
        }

        return events;
    }

    /// <summary>Sysmon GUIDs as the store compares them: upper case, no braces or spaces.</summary>
    public static string NormalGuid(string guid)
    {
        ArgumentNullException.ThrowIfNull(guid);
        return guid.Trim().Trim('{', '}').Trim().ToUpperInvariant();
    }

    /// <summary>
    /// The <c>files</c> and <c>proc</c> common table expressions: this host's files, and its process events in one shape.
    /// <paramref name="window"/> adds conditions on <c>r.ts</c>; $1 is the tenant and $2 the host.
    /// </summary>
    private static string ProcessRowsSql(string window) => string.Create(CultureInfo.InvariantCulture,
        $$"""
        WITH files AS (
            SELECT file_id, sha256, path FROM ingested_files WHERE tenant = $1 AND lower(host) = lower($2)
        ),
        raw AS (
            SELECT r.file_id, r.ts, r.event_id, r.record_id, r.file_offset, r.line,
                   json_transform(decode(r.fields), '{{ProcessFields}}') AS v
            FROM event_rows r
            WHERE r.file_id IN (SELECT file_id FROM files) AND r.ts IS NOT NULL AND {{ProcessChannels}}
              {{window}}
        ),
        proc AS (
            SELECT file_id, ts, event_id, record_id, file_offset, line,
                   CASE WHEN event_id IN (1, 5) THEN nullif(nullif(upper(trim(v."ProcessGuid", '{} ')), '{{ZeroGuid}}'), '') END AS guid,
                   TRY_CAST(CASE event_id WHEN 4688 THEN v."NewProcessId" ELSE v."ProcessId" END AS BIGINT) AS pid,
                   CASE WHEN event_id = 1 THEN nullif(nullif(upper(trim(v."ParentProcessGuid", '{} ')), '{{ZeroGuid}}'), '') END AS parent_guid,
                   TRY_CAST(CASE event_id WHEN 1 THEN v."ParentProcessId" WHEN 4688 THEN v."ProcessId" END AS BIGINT) AS parent_pid,
                   left(CASE event_id WHEN 4688 THEN v."NewProcessName" WHEN 4689 THEN v."ProcessName" ELSE v."Image" END, {{MaxProcessText}}) AS image,
                   left(CASE event_id WHEN 1 THEN v."ParentImage" WHEN 4688 THEN v."ParentProcessName" END, {{MaxProcessText}}) AS parent_image,
                   left(CASE WHEN event_id IN (1, 4688) THEN v."CommandLine" END, {{MaxProcessCommandLine}}) AS command_line,
                   coalesce(length(CASE WHEN event_id IN (1, 4688) THEN v."CommandLine" END) > {{MaxProcessCommandLine}}, false) AS command_line_clipped,
                   left(CASE WHEN event_id = 1 THEN v."ParentCommandLine" END, {{MaxProcessCommandLine}}) AS parent_command_line,
                   left(CASE event_id
                        WHEN 1 THEN v."User"
                        WHEN 4688 THEN CASE WHEN coalesce(v."TargetUserName", '-') NOT IN ('-', '')
                                            THEN nullif(concat_ws('\', nullif(nullif(v."TargetDomainName", '-'), ''), v."TargetUserName"), '')
                                            ELSE nullif(concat_ws('\', nullif(nullif(v."SubjectDomainName", '-'), ''), nullif(nullif(v."SubjectUserName", '-'), '')), '') END
                        END, {{MaxProcessText}}) AS user_name,
                   left(CASE WHEN event_id = 1 THEN v."ParentUser" END, {{MaxProcessText}}) AS parent_user,
                   left(CASE event_id WHEN 1 THEN v."IntegrityLevel" WHEN 4688 THEN v."MandatoryLabel" END, {{MaxProcessText}}) AS integrity,
                   CASE WHEN event_id IN (1, 5) THEN TRY_CAST(v."UtcTime" AS TIMESTAMP) END AS process_time
            FROM raw
        )

        """);

    private static StoredProcessEvent ReadProcessEvent(DuckDBDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        long? Number(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
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
            FileSha256 = reader.GetString(19),
            File = reader.GetString(20),
        };
    }
}
