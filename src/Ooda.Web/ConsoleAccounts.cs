using System.Security.Cryptography;
using Ooda.Store;

namespace Ooda.Web;

/// <summary>Account administration for <c>ooda user add|role|token</c>: validation, hashing and the store calls, each audited.</summary>
public static class ConsoleAccounts
{
    /// <summary>Creates an account.</summary>
    /// <exception cref="ArgumentException">The name, role, tenants or password is not acceptable (the message says why).</exception>
    /// <exception cref="InvalidOperationException">The account exists already.</exception>
    public static StoredUser Add(Workspace workspace, string name, string role, IReadOnlyList<string> tenants, string password, string actor,
        int iterations = ConsolePasswords.DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        CheckName(name);
        Check(ConsoleRoles.Problem(role, tenants));
        Check(ConsolePasswords.Problem(password));
        return workspace.AddUser(name, role, tenants, ConsolePasswords.Hash(password, iterations), actor);
    }

    /// <summary>Changes an account's role and tenants and ends its sessions, so the new scope applies at once.</summary>
    public static StoredUser SetRole(Workspace workspace, string name, string role, IReadOnlyList<string> tenants, string actor)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        Check(ConsoleRoles.Problem(role, tenants));
        var user = workspace.SetUserRole(name, role, tenants, actor);
        workspace.EndSessionsOf(user.Name, actor);
        return user;
    }

    /// <summary>Issues an API token; the secret is returned once and only its SHA-256 is stored.</summary>
    public static IssuedToken IssueToken(Workspace workspace, string name, string? label, string actor)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var user = workspace.FindUser(name) ?? throw new KeyNotFoundException($"no console account '{name}' in this workspace");
        var secret = ConsoleSecrets.TokenPrefix + ConsoleSecrets.New();
        var id = "T-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        workspace.AddApiToken(new StoredApiToken(id, user.Name, ConsoleSecrets.Digest(secret), label, DateTime.UtcNow, null), actor);
        return new IssuedToken(id, user.Name, secret);
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
            throw new ArgumentException($"account name '{name}' must be 1-64 letters, digits, '.', '-', '_' or '@'", nameof(name));
    }

    private static void Check(string? problem)
    {
        if (problem is not null)
            throw new ArgumentException(problem);
    }
}
