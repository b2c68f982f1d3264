using System.Globalization;

namespace Ooda.Store.Internal;

/// <summary>
/// Migration 9: the process index (issue 7). One narrow row per process start and end (Sysmon 1/5, Security 4688/4689)
/// with the fields a process tree needs already extracted, filled in the transaction that makes its file ingested, so
/// trees read plain columns instead of every event's JSON. Rows point back to their event by file, record, offset and line.
/// </summary>
internal static class ProcessIndexSchema
{
    private const string ZeroGuid = "00000000-0000-0000-0000-000000000000";

    // One JSON parse per row: json_transform reads every field a tree needs into a struct in a single pass.
    private const string ProcessFields =
        "{\"ProcessGuid\":\"VARCHAR\",\"ProcessId\":\"VARCHAR\",\"ParentProcessGuid\":\"VARCHAR\",\"ParentProcessId\":\"VARCHAR\"," +
        "\"Image\":\"VARCHAR\",\"ParentImage\":\"VARCHAR\",\"CommandLine\":\"VARCHAR\",\"ParentCommandLine\":\"VARCHAR\",\"User\":\"VARCHAR\"," +
        "\"ParentUser\":\"VARCHAR\",\"IntegrityLevel\":\"VARCHAR\",\"UtcTime\":\"VARCHAR\",\"NewProcessId\":\"VARCHAR\",\"NewProcessName\":\"VARCHAR\"," +
        "\"ParentProcessName\":\"VARCHAR\",\"SubjectUserName\":\"VARCHAR\",\"SubjectDomainName\":\"VARCHAR\",\"TargetUserName\":\"VARCHAR\"," +
        "\"TargetDomainName\":\"VARCHAR\",\"MandatoryLabel\":\"VARCHAR\",\"ProcessName\":\"VARCHAR\"}";

    private const string ProcessChannels =
        """
        ((r.event_id IN (1, 5) AND (lower(r.channel) = 'microsoft-windows-sysmon/operational' OR r.provider = 'Microsoft-Windows-Sysmon'))
          OR (r.event_id IN (4688, 4689) AND (lower(r.channel) = 'security' OR r.provider = 'Microsoft-Windows-Security-Auditing')))
        """;

    /// <summary>The columns of <c>process_events</c> in table order, which is also the order <see cref="Workspace"/> reads them in.</summary>
    public const string Columns =
        "file_id, ts, event_id, record_id, file_offset, line, guid, pid, parent_guid, parent_pid, image, parent_image, command_line, " +
        "command_line_clipped, parent_command_line, user_name, parent_user, integrity, process_time";

    public static readonly string[] Statements =
    [
        """
        CREATE TABLE process_events (
            file_id               INTEGER   NOT NULL,
            ts                    TIMESTAMP NOT NULL,
            event_id              INTEGER   NOT NULL,
            record_id             BIGINT,
            file_offset           BIGINT,
            line                  BIGINT,
            guid                  VARCHAR,
            pid                   BIGINT,
            parent_guid           VARCHAR,
            parent_pid            BIGINT,
            image                 VARCHAR,
            parent_image          VARCHAR,
            command_line          VARCHAR,
            command_line_clipped  BOOLEAN   NOT NULL,
            parent_command_line   VARCHAR,
            user_name             VARCHAR,
            parent_user           VARCHAR,
            integrity             VARCHAR,
            process_time          TIMESTAMP
        )
        """,
        // Files ingested before this migration, once; rows of an interrupted ingest (undone after migrating) are not in ingested_files.
        Fill("r.file_id IN (SELECT file_id FROM ingested_files)"),
    ];

    /// <summary>
    /// Fills <c>process_events</c> from the event rows that <paramref name="files"/> selects (a condition on <c>r.file_id</c>),
    /// in file, time and evidence order: a host's rows lie together, a time window skips most of them, and row order breaks
    /// ties between events of one time the same way every time.
    /// </summary>
    public static string Fill(string files) => string.Create(CultureInfo.InvariantCulture,
        $$"""
        INSERT INTO process_events
        WITH raw AS (
            SELECT r.file_id, r.ts, r.event_id, r.record_id, r.file_offset, r.line,
                   json_transform(decode(r.fields), '{{ProcessFields}}') AS v
            FROM event_rows r
            WHERE {{files}} AND r.ts IS NOT NULL AND {{ProcessChannels}}
        )
        SELECT file_id, ts, event_id, record_id, file_offset, line,
               CASE WHEN event_id IN (1, 5) THEN nullif(nullif(upper(trim(v."ProcessGuid", '{} ')), '{{ZeroGuid}}'), '') END,
               TRY_CAST(CASE event_id WHEN 4688 THEN v."NewProcessId" ELSE v."ProcessId" END AS BIGINT),
               CASE WHEN event_id = 1 THEN nullif(nullif(upper(trim(v."ParentProcessGuid", '{} ')), '{{ZeroGuid}}'), '') END,
               TRY_CAST(CASE event_id WHEN 1 THEN v."ParentProcessId" WHEN 4688 THEN v."ProcessId" END AS BIGINT),
               left(CASE event_id WHEN 4688 THEN v."NewProcessName" WHEN 4689 THEN v."ProcessName" ELSE v."Image" END, {{Workspace.MaxProcessText}}),
               left(CASE event_id WHEN 1 THEN v."ParentImage" WHEN 4688 THEN v."ParentProcessName" END, {{Workspace.MaxProcessText}}),
               left(CASE WHEN event_id IN (1, 4688) THEN v."CommandLine" END, {{Workspace.MaxProcessCommandLine}}),
               coalesce(length(CASE WHEN event_id IN (1, 4688) THEN v."CommandLine" END) > {{Workspace.MaxProcessCommandLine}}, false),
               left(CASE WHEN event_id = 1 THEN v."ParentCommandLine" END, {{Workspace.MaxProcessCommandLine}}),
               left(CASE event_id
                    WHEN 1 THEN v."User"
                    WHEN 4688 THEN CASE WHEN coalesce(v."TargetUserName", '-') NOT IN ('-', '')
                                        THEN nullif(concat_ws('\', nullif(nullif(v."TargetDomainName", '-'), ''), v."TargetUserName"), '')
                                        ELSE nullif(concat_ws('\', nullif(nullif(v."SubjectDomainName", '-'), ''), nullif(nullif(v."SubjectUserName", '-'), '')), '') END
                    END, {{Workspace.MaxProcessText}}),
               left(CASE WHEN event_id = 1 THEN v."ParentUser" END, {{Workspace.MaxProcessText}}),
               left(CASE event_id WHEN 1 THEN v."IntegrityLevel" WHEN 4688 THEN v."MandatoryLabel" END, {{Workspace.MaxProcessText}}),
               CASE WHEN event_id IN (1, 5) THEN TRY_CAST(v."UtcTime" AS TIMESTAMP) END
        FROM raw
        ORDER BY file_id, ts, record_id, file_offset, line
        """);
}
