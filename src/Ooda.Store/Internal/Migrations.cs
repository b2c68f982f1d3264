namespace Ooda.Store.Internal;

/// <summary>The workspace schema, as an ordered list of migrations; a workspace records the last one applied.</summary>
internal static class Migrations
{
    /// <summary>Each entry moves the schema from version <c>index</c> to <c>index + 1</c>; never edit a shipped entry, append a new one.</summary>
    public static readonly IReadOnlyList<string[]> All =
    [
        // 1: evidence — events, the files they came from with their diagnostics, and captured files.
        [
            """
            CREATE TABLE ingested_files (
                tenant       VARCHAR   NOT NULL,
                host         VARCHAR   NOT NULL,
                sha256       VARCHAR   NOT NULL,
                path         VARCHAR   NOT NULL,
                size         BIGINT    NOT NULL,
                format       VARCHAR   NOT NULL,
                events       BIGINT    NOT NULL,
                diagnostics  INTEGER   NOT NULL,
                ingested_at  TIMESTAMP NOT NULL,
                PRIMARY KEY (tenant, host, sha256)
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
            """
            CREATE TABLE events (
                ts           TIMESTAMP,
                tenant       VARCHAR  NOT NULL,
                host         VARCHAR  NOT NULL,
                source_kind  VARCHAR  NOT NULL,
                channel      VARCHAR,
                provider     VARCHAR,
                event_id     INTEGER,
                record_id    BIGINT,
                file_sha256  VARCHAR  NOT NULL,
                file_offset  BIGINT,
                line         BIGINT,
                fields       JSON     NOT NULL
            )
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

        // 2: files being loaded. Events are appended in autocommitted chunks so memory stays flat; a file's events
        // count only once its ingested_files row exists, and a run left here by a crash is undone at the next open.
        [
            """
            CREATE TABLE ingest_runs (
                tenant      VARCHAR   NOT NULL,
                host        VARCHAR   NOT NULL,
                sha256      VARCHAR   NOT NULL,
                path        VARCHAR   NOT NULL,
                started_at  TIMESTAMP NOT NULL,
                PRIMARY KEY (tenant, host, sha256)
            )
            """,
        ],
    ];
}
