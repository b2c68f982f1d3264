using System.Security.Cryptography;
using System.Text;

namespace Ooda.Response;

/// <summary>The <c>X-Ooda-Signature</c> header: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body under the connector's secret.</summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Ooda-Signature";
    public const string IdempotencyHeaderName = "Idempotency-Key";
    public const string Prefix = "sha256=";

    public static string Sign(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, body));
        var given = Encoding.ASCII.GetBytes(header);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
