namespace Ooda.Store;

/// <summary>A console sign-in: the SHA-256 of the cookie's session id, its CSRF token, and when it ends; revocable server-side.</summary>
public sealed record StoredSession(
    string Sha256,
    string UserName,
    string CsrfToken,
    DateTime CreatedAt,
    DateTime ExpiresAt,
    DateTime? RevokedAt);
