namespace Ooda.Store;

/// <summary>A console account: its role, the tenants it may see and its password as a salted slow hash (never the password).</summary>
/// <param name="Role"><c>admin</c>, <c>analyst</c> or <c>customer</c>.</param>
/// <param name="Tenants">An analyst's assigned tenants, a customer's own tenant; empty for an admin (who sees all).</param>
/// <param name="PasswordHash">A self-describing hash string, e.g. <c>pbkdf2-sha256$600000$salt$hash</c>.</param>
public sealed record StoredUser(
    string Name,
    string Role,
    IReadOnlyList<string> Tenants,
    string PasswordHash,
    bool Disabled,
    DateTime CreatedAt,
    DateTime UpdatedAt);
