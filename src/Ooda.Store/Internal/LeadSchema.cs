namespace Ooda.Store.Internal;

/// <summary>Tables of migration 8: continuous hunting's work queue and leads (issue 9).</summary>
internal static class LeadSchema
{
    public static readonly string[] Statements =
    [
        // One row per distinct arrived file (tenant, host, content), so a restart resumes each file at its last finished step.
        "CREATE SEQUENCE inbox_item_ids START 1",
        """
        CREATE TABLE inbox_items (
            item_id        BIGINT    PRIMARY KEY,
            tenant         VARCHAR   NOT NULL,
            host           VARCHAR   NOT NULL,
            relative_path  VARCHAR   NOT NULL,
            sha256         VARCHAR   NOT NULL,
            size           BIGINT    NOT NULL,
            origin         VARCHAR   NOT NULL,
            actor          VARCHAR   NOT NULL,
            state          VARCHAR   NOT NULL,
            attempts       INTEGER   NOT NULL,
            error          VARCHAR,
            events         BIGINT,
            findings       INTEGER,
            leads          INTEGER,
            arrived_at     TIMESTAMP NOT NULL,
            ingested_at    TIMESTAMP,
            hunted_at      TIMESTAMP,
            updated_at     TIMESTAMP NOT NULL,
            UNIQUE (tenant, host, sha256)
        )
        """,
        // A lead groups the findings of one detection on one host (its dedup key) and carries its SLA clocks.
        "CREATE SEQUENCE lead_numbers START 1",
        """
        CREATE TABLE leads (
            lead_id          VARCHAR   PRIMARY KEY,
            dedup_key        VARCHAR   NOT NULL UNIQUE,
            tenant           VARCHAR   NOT NULL,
            host             VARCHAR   NOT NULL,
            title            VARCHAR   NOT NULL,
            severity         VARCHAR   NOT NULL,
            detector         VARCHAR   NOT NULL,
            state            VARCHAR   NOT NULL,
            first_seen       TIMESTAMP NOT NULL,
            last_seen        TIMESTAMP NOT NULL,
            hits             INTEGER   NOT NULL,
            raised_at        TIMESTAMP NOT NULL,
            ack_due_at       TIMESTAMP NOT NULL,
            resolve_due_at   TIMESTAMP NOT NULL,
            acknowledged_at  TIMESTAMP,
            acknowledged_by  VARCHAR,
            closed_at        TIMESTAMP,
            closed_by        VARCHAR,
            dismiss_reason   VARCHAR,
            case_id          VARCHAR,
            updated_at       TIMESTAMP NOT NULL
        )
        """,
        """
        CREATE TABLE lead_findings (
            lead_id     VARCHAR   NOT NULL,
            finding_id  VARCHAR   NOT NULL PRIMARY KEY,
            linked_at   TIMESTAMP NOT NULL
        )
        """,
    ];
}
