namespace Ooda.Store;

/// <summary>An API token of a console account: only the SHA-256 of the secret is kept; <paramref name="Id"/> names it in lists and the audit log.</summary>
public sealed record StoredApiToken(
    string Id,
    string UserName,
    string Sha256,
    string? Label,
    DateTime CreatedAt,
    DateTime? RevokedAt);
