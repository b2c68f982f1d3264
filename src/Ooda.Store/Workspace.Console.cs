using System.Data.Common;

namespace Ooda.Store;

public sealed partial class Workspace
{
    /// <summary>The audit subject of a console account.</summary>
    public static string UserSubject(string userName) => "user/" + userName;

    /// <summary>Creates a console account and audits it in one transaction.</summary>
    /// <exception cref="InvalidOperationException">An account of that name (case-insensitively) exists.</exception>
    public StoredUser AddUser(string name, string role, IReadOnlyList<string> tenants, string passwordHash, string actor, DateTime? at = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        var now = at ?? DateTime.UtcNow;
        AuditEntry audit;
        using (var transaction = _connection.BeginTransaction())
        {
            if (FindUser(name) is not null)
                throw new InvalidOperationException($"a console account '{name}' exists already");
            using (var insert = Command("INSERT INTO console_users VALUES ($1, $2, $3, $4, false, $5, $5)", name, role, tenants.ToList(), passwordHash, now))
                insert.ExecuteNonQuery();
            audit = AppendAuditInTransaction(actor, "user.add", UserSubject(name), AuditJson(w =>
            {
                w.WriteString("role", role);
                w.WriteString("tenants", string.Join(",", tenants));
            }), now);
            transaction.Commit();
        }

        WriteAuditHead(audit);
        return FindUser(name)!;
    }

    /// <summary>An account by name, case-insensitively; null when none.</summary>
    public StoredUser? FindUser(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ReadUsers("WHERE lower(user_name) = lower($1)", name).SingleOrDefault();
    }

    public IReadOnlyList<StoredUser> ListUsers() => ReadUsers(string.Empty);

    /// <summary>Changes an account's role and tenants; audited with the old and new values.</summary>
    public StoredUser SetUserRole(string name, string role, IReadOnlyList<string> tenants, string actor, DateTime? at = null)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        var current = RequireUser(name);
        return ChangeUser(current, "UPDATE console_users SET role = $2, tenants = $3, updated_at = $4 WHERE user_name = $1", [role, tenants.ToList()], "user.role", actor, at,
            w =>
            {
                w.WriteString("oldRole", current.Role);
                w.WriteString("oldTenants", string.Join(",", current.Tenants));
                w.WriteString("role", role);
                w.WriteString("tenants", string.Join(",", tenants));
            });
    }

    /// <summary>Replaces an account's password hash (the hash only is audited as changed, never stored in the log).</summary>
    public StoredUser SetUserPassword(string name, string passwordHash, string actor, DateTime? at = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        var current = RequireUser(name);
        return ChangeUser(current, "UPDATE console_users SET password_hash = $2, updated_at = $3 WHERE user_name = $1", [passwordHash], "user.password", actor, at, _ => { });
    }

    /// <summary>Disables or enables an account; a disabled account's sessions and tokens stop working at once.</summary>
    public StoredUser SetUserDisabled(string name, bool disabled, string actor, DateTime? at = null)
    {
        var current = RequireUser(name);
        return ChangeUser(current, "UPDATE console_users SET disabled = $2, updated_at = $3 WHERE user_name = $1", [disabled], disabled ? "user.disable" : "user.enable", actor, at, _ => { });
    }

    /// <summary>Stores a new API token (its SHA-256 only) and audits it by id.</summary>
    public StoredApiToken AddApiToken(StoredApiToken token, string actor)
    {
        ArgumentNullException.ThrowIfNull(token);
        var user = RequireUser(token.UserName);
        AuditEntry audit;
        using (var transaction = _connection.BeginTransaction())
        {
            using (var insert = Command("INSERT INTO console_tokens VALUES ($1, $2, $3, $4, $5, NULL)", token.Id, user.Name, token.Sha256, token.Label, token.CreatedAt))
                insert.ExecuteNonQuery();
            audit = AppendAuditInTransaction(actor, "user.token.add", UserSubject(user.Name), AuditJson(w =>
            {
                w.WriteString("token", token.Id);
                w.WriteString("label", token.Label);
            }), token.CreatedAt);
            transaction.Commit();
        }

        WriteAuditHead(audit);
        return token with { UserName = user.Name };
    }

    /// <summary>The token whose secret hashes to <paramref name="sha256"/>, revoked or not; null when none.</summary>
    public StoredApiToken? FindApiToken(string sha256) =>
        ReadTokens("WHERE token_sha256 = $1", sha256).SingleOrDefault();

    public IReadOnlyList<StoredApiToken> ListApiTokens(string userName) =>
        ReadTokens("WHERE lower(user_name) = lower($1)", userName);

    /// <summary>Revokes a token by id; false when no live token has that id.</summary>
    public bool RevokeApiToken(string tokenId, string actor, DateTime? at = null)
    {
        var now = at ?? DateTime.UtcNow;
        var token = ReadTokens("WHERE token_id = $1 AND revoked_at IS NULL", tokenId).SingleOrDefault();
        if (token is null)
            return false;
        AuditEntry audit;
        using (var transaction = _connection.BeginTransaction())
        {
            using (var update = Command("UPDATE console_tokens SET revoked_at = $2 WHERE token_id = $1", tokenId, now))
                update.ExecuteNonQuery();
            audit = AppendAuditInTransaction(actor, "user.token.revoke", UserSubject(token.UserName), AuditJson(w => w.WriteString("token", tokenId)), now);
            transaction.Commit();
        }

        WriteAuditHead(audit);
        return true;
    }

    /// <summary>Records a sign-in and audits it (<c>console.login</c>) in one transaction.</summary>
    public StoredSession StartSession(StoredSession session, string remote)
    {
        ArgumentNullException.ThrowIfNull(session);
        AuditEntry audit;
        using (var transaction = _connection.BeginTransaction())
        {
            using (var insert = Command("INSERT INTO console_sessions VALUES ($1, $2, $3, $4, $5, NULL)",
                session.Sha256, session.UserName, session.CsrfToken, session.CreatedAt, session.ExpiresAt))
            {
                insert.ExecuteNonQuery();
            }

            audit = AppendAuditInTransaction(session.UserName, "console.login", UserSubject(session.UserName), AuditJson(w =>
            {
                w.WriteString("session", session.Sha256[..12]);
                w.WriteString("remote", remote);
            }), session.CreatedAt);
            transaction.Commit();
        }

        WriteAuditHead(audit);
        return session;
    }

    /// <summary>The session whose id hashes to <paramref name="sha256"/>, ended or not; null when none.</summary>
    public StoredSession? FindSession(string sha256)
    {
        using var command = Command(
            "SELECT session_sha256, user_name, csrf_token, created_at, expires_at, revoked_at FROM console_sessions WHERE session_sha256 = $1", sha256);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new StoredSession(reader.GetString(0), reader.GetString(1), reader.GetString(2), StoredUtc(reader.GetDateTime(3)), StoredUtc(reader.GetDateTime(4)),
                reader.IsDBNull(5) ? null : StoredUtc(reader.GetDateTime(5)))
            : null;
    }

    /// <summary>Ends one session (sign-out) and audits it; false when it was not live.</summary>
    public bool EndSession(string sha256, string actor, DateTime? at = null) =>
        EndSessions("WHERE session_sha256 = $1 AND revoked_at IS NULL", sha256, actor, "console.logout", at) > 0;

    /// <summary>Ends every live session of an account (after a role change or a compromise).</summary>
    public int EndSessionsOf(string userName, string actor, DateTime? at = null) =>
        EndSessions("WHERE lower(user_name) = lower($1) AND revoked_at IS NULL", userName, actor, "console.sessions.revoke", at);

    private int EndSessions(string where, string key, string actor, string action, DateTime? at)
    {
        var now = at ?? DateTime.UtcNow;
        var ended = new List<(string Sha, string User)>();
        using (var read = Command($"SELECT session_sha256, user_name FROM console_sessions {where}", key))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
                ended.Add((reader.GetString(0), reader.GetString(1)));
        }

        if (ended.Count == 0)
            return 0;
        AuditEntry? audit = null;
        using (var transaction = _connection.BeginTransaction())
        {
            foreach (var (sha, user) in ended)
            {
                using (var update = Command("UPDATE console_sessions SET revoked_at = $2 WHERE session_sha256 = $1", sha, now))
                    update.ExecuteNonQuery();
                audit = AppendAuditInTransaction(actor, action, UserSubject(user), AuditJson(w => w.WriteString("session", sha[..12])), now);
            }

            transaction.Commit();
        }

        WriteAuditHead(audit!);
        return ended.Count;
    }

    private StoredUser RequireUser(string name) =>
        FindUser(name) ?? throw new KeyNotFoundException($"no console account '{name}' in this workspace");

    private StoredUser ChangeUser(StoredUser current, string sql, object?[] values, string action, string actor, DateTime? at, Action<System.Text.Json.Utf8JsonWriter> details)
    {
        var now = at ?? DateTime.UtcNow;
        AuditEntry audit;
        using (var transaction = _connection.BeginTransaction())
        {
            using (var update = Command(sql, [current.Name, .. values, now]))
                update.ExecuteNonQuery();
            audit = AppendAuditInTransaction(actor, action, UserSubject(current.Name), AuditJson(details), now);
            transaction.Commit();
        }

        WriteAuditHead(audit);
        return FindUser(current.Name)!;
    }

    private List<StoredUser> ReadUsers(string where, params object?[] parameters)
    {
        using var command = Command(
            $"SELECT user_name, role, tenants, password_hash, disabled, created_at, updated_at FROM console_users {where} ORDER BY user_name", parameters);
        using var reader = command.ExecuteReader();
        var users = new List<StoredUser>();
        while (reader.Read())
        {
            users.Add(new StoredUser(reader.GetString(0), reader.GetString(1), Strings(reader, 2), reader.GetString(3), reader.GetBoolean(4),
                StoredUtc(reader.GetDateTime(5)), StoredUtc(reader.GetDateTime(6))));
        }

        return users;
    }

    private List<StoredApiToken> ReadTokens(string where, params object?[] parameters)
    {
        using var command = Command($"SELECT token_id, user_name, token_sha256, label, created_at, revoked_at FROM console_tokens {where} ORDER BY created_at, token_id", parameters);
        using DbDataReader reader = command.ExecuteReader();
        var tokens = new List<StoredApiToken>();
        while (reader.Read())
        {
            tokens.Add(new StoredApiToken(reader.GetString(0), reader.GetString(1), reader.GetString(2), ReadString(reader, 3), StoredUtc(reader.GetDateTime(4)),
                reader.IsDBNull(5) ? null : StoredUtc(reader.GetDateTime(5))));
        }

        return tokens;
    }
}
