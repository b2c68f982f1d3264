using System.Security.Cryptography;
using System.Text;

namespace Ooda.Web;

/// <summary>Random secrets (API tokens, session ids, CSRF tokens) and the digest the store keeps of them.</summary>
public static class ConsoleSecrets
{
    /// <summary>API tokens carry this prefix, so a leaked one is recognisable in logs and secret scanners.</summary>
    public const string TokenPrefix = "ooda_";

    /// <summary>256 random bits, base64url without padding.</summary>
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The lower-case hex SHA-256 of a secret: what the store keeps instead of it.</summary>
    public static string Digest(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares two secrets in time independent of where they differ.</summary>
    public static bool SameSecret(string? a, string? b) =>
        a is not null && b is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
