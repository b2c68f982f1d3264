namespace Ooda.Store.Internal;

/// <summary>The workspace schema, as an ordered list of migrations; a workspace records the last one applied.</summary>
internal static class Migrations
{
    /// <summary>Each entry moves the schema from version <c>index</c> to <c>index + 1</c>; never edit a shipped entry, append a new one.</summary>
    public static readonly IReadOnlyList<string[]> All =
    [
        // 1: evidence. Event rows carry a small file id instead of repeating tenant, host and hash, and keep their
        // fields as UTF-8 JSON bytes so the appender takes them without transcoding; the `events` view joins it back.
        // A row counts only once its file is in ingested_files, so a half-loaded file is never visible.
        [
            "CREATE SEQUENCE file_ids START 1",
            """
            CREATE TABLE ingested_files (
                file_id      INTEGER   PRIMARY KEY,
                tenant       VARCHAR   NOT NULL,
                host         VARCHAR   NOT NULL,
                sha256       VARCHAR   NOT NULL,
                path         VARCHAR   NOT NULL,
                size         BIGINT    NOT NULL,
                format       VARCHAR   NOT NULL,
                events       BIGINT    NOT NULL,
                diagnostics  INTEGER   NOT NULL,
                ingested_at  TIMESTAMP NOT NULL,
                UNIQUE (tenant, host, sha256)
            )
            """,
            """
            CREATE TABLE ingest_runs (
                file_id     INTEGER   PRIMARY KEY,
                tenant      VARCHAR   NOT NULL,
                host        VARCHAR   NOT NULL,
                sha256      VARCHAR   NOT NULL,
                path        VARCHAR   NOT NULL,
                started_at  TIMESTAMP NOT NULL
            )
            """,
            """
            CREATE TABLE diagnostics (
                tenant       VARCHAR NOT NULL,
                host         VARCHAR NOT NULL,
                file_sha256  VARCHAR NOT NULL,
                path         VARCHAR NOT NULL,
                location     VARCHAR NOT NULL,
                severity     VARCHAR NOT NULL,
                message      VARCHAR NOT NULL
            )
            """,
            "CREATE TABLE source_kinds (code UTINYINT PRIMARY KEY, name VARCHAR NOT NULL UNIQUE)",
            """
            INSERT INTO source_kinds VALUES
                (0, 'unknown'), (1, 'windows-event'), (2, 'flat-json'), (3, 'iis-w3c'), (4, 'w3c'),
                (5, 'iis-legacy'), (6, 'exchange-log'), (7, 'csv')
            """,
            """
            CREATE TABLE event_rows (
                file_id      INTEGER  NOT NULL,
                ts           TIMESTAMP,
                kind         UTINYINT NOT NULL,
                channel      VARCHAR,
                provider     VARCHAR,
                event_id     INTEGER,
                record_id    BIGINT,
                file_offset  BIGINT,
                line         BIGINT,
                fields       BLOB     NOT NULL
            )
            """,
            """
            CREATE VIEW events AS
            SELECT r.ts, f.tenant, f.host, k.name AS source_kind, r.channel, r.provider, r.event_id, r.record_id,
                   f.sha256 AS file_sha256, f.path, r.file_offset, r.line, decode(r.fields)::JSON AS fields, r.file_id
            FROM event_rows r
            JOIN ingested_files f ON f.file_id = r.file_id
            JOIN source_kinds k ON k.code = r.kind
            """,
            // field(fields, 'cs-uri-stem'): one event field as text, without JSON-path quoting or operator-precedence traps.
            """
            CREATE MACRO field(fields, name) AS json_extract_string(fields, '$."' || replace(name, '"', '\"') || '"')
            """,
            """
            CREATE TABLE captured_files (
                tenant         VARCHAR   NOT NULL,
                host           VARCHAR   NOT NULL,
                original_path  VARCHAR   NOT NULL,
                source_path    VARCHAR   NOT NULL,
                size           BIGINT    NOT NULL,
                modified       TIMESTAMP NOT NULL,
                created        TIMESTAMP NOT NULL,
                sha256         VARCHAR   NOT NULL,
                first_bytes    BLOB      NOT NULL,
                ingested_at    TIMESTAMP NOT NULL,
                PRIMARY KEY (tenant, host, original_path, sha256)
            )
            """,
        ],

        // 2: exposure triage (issue 5). One row per run and one per host in investigate-first order (rank 1 first),
        // so later stages read the latest ranking without re-reading the inventory and scans.
        [
            "CREATE SEQUENCE triage_run_ids START 1",
            """
            CREATE TABLE triage_runs (
                run_id          INTEGER   PRIMARY KEY,
                triaged_at      TIMESTAMP NOT NULL,
                inventory_path  VARCHAR   NOT NULL,
                scan_paths      VARCHAR[] NOT NULL,
                hosts           INTEGER   NOT NULL,
                diagnostics     INTEGER   NOT NULL
            )
            """,
            """
            CREATE TABLE triage_hosts (
                run_id                INTEGER   NOT NULL,
                rank                  INTEGER   NOT NULL,
                tenant                VARCHAR   NOT NULL,
                host                  VARCHAR   NOT NULL,
                fqdn                  VARCHAR,
                public_ip             VARCHAR,
                build                 VARCHAR,
                status                VARCHAR   NOT NULL,
                vulnerable_to         VARCHAR[] NOT NULL,
                internet_exposed_443  BOOLEAN,
                priority              VARCHAR   NOT NULL,
                reasons               VARCHAR[] NOT NULL,
                response_mode         VARCHAR,
                PRIMARY KEY (run_id, rank)
            )
            """,
        ],

        // 3: findings (issue 6): leads from runbook, Sigma, IOC, YARA and file-check hunts. The id is derived from the
        // detector and the evidence, so hunting the same evidence again (or a copy of it) never duplicates a lead.
        [
            """
            CREATE TABLE findings (
                finding_id       VARCHAR   PRIMARY KEY,
                found_at         TIMESTAMP NOT NULL,
                ts               TIMESTAMP,
                tenant           VARCHAR   NOT NULL,
                host             VARCHAR   NOT NULL,
                severity         VARCHAR   NOT NULL,
                title            VARCHAR   NOT NULL,
                detector         VARCHAR   NOT NULL,
                runbook_id       VARCHAR,
                runbook_version  VARCHAR,
                hunt_id          VARCHAR,
                rule_id          VARCHAR,
                techniques       VARCHAR[] NOT NULL,
                channel          VARCHAR,
                event_id         INTEGER,
                record_id        BIGINT,
                file             VARCHAR   NOT NULL,
                file_sha256      VARCHAR   NOT NULL,
                file_offset      BIGINT,
                line             BIGINT,
                original_path    VARCHAR,
                details          JSON      NOT NULL
            )
            """,
        ],

        // 4: investigation (issue 7) and the audit log. A case links findings and hosts; evidence items keep their chain of
        // custody; every change to a case (and later every response action) appends to one hash-chained audit log.
        // Triage hosts gain their inventory address so lateral-movement edges resolve to host names.
        [
            "ALTER TABLE triage_hosts ADD COLUMN ip VARCHAR",
            "CREATE SEQUENCE case_numbers START 1",
            """
            CREATE TABLE cases (
                case_id     VARCHAR   PRIMARY KEY,
                tenant      VARCHAR   NOT NULL,
                title       VARCHAR   NOT NULL,
                severity    VARCHAR   NOT NULL,
                status      VARCHAR   NOT NULL,
                assignee    VARCHAR,
                tlp         VARCHAR   NOT NULL,
                tags        VARCHAR[] NOT NULL,
                opened_at   TIMESTAMP NOT NULL,
                opened_by   VARCHAR   NOT NULL,
                updated_at  TIMESTAMP NOT NULL
            )
            """,
            """
            CREATE TABLE case_findings (
                case_id     VARCHAR   NOT NULL,
                finding_id  VARCHAR   NOT NULL,
                linked_at   TIMESTAMP NOT NULL,
                linked_by   VARCHAR   NOT NULL,
                PRIMARY KEY (case_id, finding_id)
            )
            """,
            """
            CREATE TABLE case_hosts (
                case_id   VARCHAR   NOT NULL,
                host      VARCHAR   NOT NULL,
                reason    VARCHAR   NOT NULL,
                added_at  TIMESTAMP NOT NULL,
                added_by  VARCHAR   NOT NULL,
                PRIMARY KEY (case_id, host)
            )
            """,
            """
            CREATE TABLE case_notes (
                case_id   VARCHAR   NOT NULL,
                note_no   INTEGER   NOT NULL,
                noted_at  TIMESTAMP NOT NULL,
                author    VARCHAR   NOT NULL,
                text      VARCHAR   NOT NULL,
                PRIMARY KEY (case_id, note_no)
            )
            """,
            """
            CREATE TABLE case_evidence (
                case_id        VARCHAR   NOT NULL,
                item_no        INTEGER   NOT NULL,
                description    VARCHAR   NOT NULL,
                host           VARCHAR   NOT NULL,
                source_path    VARCHAR   NOT NULL,
                source_sha256  VARCHAR   NOT NULL,
                record_id      BIGINT,
                line           BIGINT,
                file_offset    BIGINT,
                acquired_at    TIMESTAMP,
                ingested_at    TIMESTAMP,
                added_at       TIMESTAMP NOT NULL,
                added_by       VARCHAR   NOT NULL,
                PRIMARY KEY (case_id, item_no)
            )
            """,
            """
            CREATE TABLE audit_log (
                seq        BIGINT    PRIMARY KEY,
                logged_at  TIMESTAMP NOT NULL,
                actor      VARCHAR   NOT NULL,
                action     VARCHAR   NOT NULL,
                subject    VARCHAR   NOT NULL,
                details    VARCHAR   NOT NULL,
                prev_hash  VARCHAR   NOT NULL,
                hash       VARCHAR   NOT NULL
            )
            """,
        ],

        // 5: the stacking index (issue 7). One narrow row per (source definition, file, value), filled once per ingested file
        // and source, so least-frequency stacks across the fleet read a small table instead of every event's JSON.
        [
            "CREATE TABLE stack_values (source_key VARCHAR NOT NULL, file_id INTEGER NOT NULL, ts TIMESTAMP, val VARCHAR NOT NULL)",
            "CREATE TABLE stack_files (source_key VARCHAR NOT NULL, file_id INTEGER NOT NULL, PRIMARY KEY (source_key, file_id))",
        ],

        // 6: response (issue 8): tenant response settings, remediation actions and their state changes.
        ResponseSchema.Statements,

        // 7: the console (issue 9): local accounts, API tokens, sessions.
        ConsoleSchema.Statements,

        // 8: continuous hunting (issue 9): the inbox's work queue and the leads it raises.
        LeadSchema.Statements,

        // 9: process index (issue 7): process starts and ends as narrow rows, filled at ingest and once for files ingested before.
        ProcessIndexSchema.Statements,

        // 10: findings are per rule and evidence, with one row per runbook step that found them (issue 7).
        FindingSourceSchema.Statements,
    ];
}
