namespace Ooda.Store.Internal;

/// <summary>Tables of migration 7: the console's local accounts, API tokens and sessions (issue 9).</summary>
/// <remarks>Secrets are never stored: passwords as salted PBKDF2 hashes, tokens and session ids as their SHA-256.</remarks>
internal static class ConsoleSchema
{
    public static readonly string[] Statements =
    [
        """
        CREATE TABLE console_users (
            user_name      VARCHAR   PRIMARY KEY,
            role           VARCHAR   NOT NULL,
            tenants        VARCHAR[] NOT NULL,
            password_hash  VARCHAR   NOT NULL,
            disabled       BOOLEAN   NOT NULL,
            created_at     TIMESTAMP NOT NULL,
            updated_at     TIMESTAMP NOT NULL
        )
        """,
        """
        CREATE TABLE console_tokens (
            token_id      VARCHAR   PRIMARY KEY,
            user_name     VARCHAR   NOT NULL,
            token_sha256  VARCHAR   NOT NULL UNIQUE,
            label         VARCHAR,
            created_at    TIMESTAMP NOT NULL,
            revoked_at    TIMESTAMP
        )
        """,
        """
        CREATE TABLE console_sessions (
            session_sha256  VARCHAR   PRIMARY KEY,
            user_name       VARCHAR   NOT NULL,
            csrf_token      VARCHAR   NOT NULL,
            created_at      TIMESTAMP NOT NULL,
            expires_at      TIMESTAMP NOT NULL,
            revoked_at      TIMESTAMP
        )
        """,
    ];
}
