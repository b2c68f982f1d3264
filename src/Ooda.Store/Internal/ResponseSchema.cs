namespace Ooda.Store.Internal;

/// <summary>Tables of migration 6: tenant response settings, remediation actions and their state changes (issue 8).</summary>
internal static class ResponseSchema
{
    public static readonly string[] Statements =
    [
        // One row per tenant; contacts are the ordered chain tried during an active threat (primary first).
        """
        CREATE TABLE tenant_response (
            tenant              VARCHAR   PRIMARY KEY,
            mode                VARCHAR   NOT NULL,
            act_if_unreachable  BOOLEAN   NOT NULL,
            primary_name        VARCHAR,
            primary_channel     VARCHAR,
            secondary_name      VARCHAR,
            secondary_channel   VARCHAR,
            tertiary_name       VARCHAR,
            tertiary_channel    VARCHAR,
            updated_at          TIMESTAMP NOT NULL,
            updated_by          VARCHAR   NOT NULL
        )
        """,
        "CREATE SEQUENCE action_numbers START 1",
        // The idempotency key is derived from what the action does, so re-planning a case never adds the same action twice
        // and a connector that sees the same key twice acts once.
        """
        CREATE TABLE actions (
            action_id        VARCHAR   PRIMARY KEY,
            case_id          VARCHAR   NOT NULL,
            tenant           VARCHAR   NOT NULL,
            kind             VARCHAR   NOT NULL,
            target           VARCHAR   NOT NULL,
            host             VARCHAR,
            subject          VARCHAR   NOT NULL,
            parameters       JSON      NOT NULL,
            reason           VARCHAR   NOT NULL,
            finding_ids      VARCHAR[] NOT NULL,
            evidence_items   INTEGER[] NOT NULL,
            state            VARCHAR   NOT NULL,
            idempotency_key  VARCHAR   NOT NULL UNIQUE,
            created_at       TIMESTAMP NOT NULL,
            created_by       VARCHAR   NOT NULL,
            updated_at       TIMESTAMP NOT NULL,
            updated_by       VARCHAR   NOT NULL
        )
        """,
        // Every state change with who, when, how (channel or connector), the mode in force and, for "nobody answered", the contacts tried.
        """
        CREATE TABLE action_events (
            action_id       VARCHAR   NOT NULL,
            event_no        INTEGER   NOT NULL,
            changed_at      TIMESTAMP NOT NULL,
            actor           VARCHAR   NOT NULL,
            from_state      VARCHAR,
            to_state        VARCHAR   NOT NULL,
            via             VARCHAR,
            authorized_by   VARCHAR,
            mode            VARCHAR,
            contacts_tried  VARCHAR[] NOT NULL,
            note            VARCHAR,
            PRIMARY KEY (action_id, event_no)
        )
        """,
    ];
}
