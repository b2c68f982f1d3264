using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ooda.Core;

namespace Ooda.Engine.Runbooks;

/// <summary>
/// Finding ids from what fired and on which evidence: the evidence's content hash and position, never its path, so the same
/// record read from a copy (a shadow copy, a second collection) gives the same id and is reported once.
/// </summary>
public static class FindingIds
{
    public static string For(string detector, string? runbookId, string? huntId, string? ruleId, string tenant, string host, Provenance provenance, string? originalPath = null, string? discriminator = null)
    {
        var key = string.Join('\u001f', detector, runbookId, huntId, ruleId, tenant, host.ToLowerInvariant(), provenance.Sha256,
            provenance.Offset.ToString(CultureInfo.InvariantCulture), provenance.Line.ToString(CultureInfo.InvariantCulture), originalPath?.ToLowerInvariant(), discriminator);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 10));
    }
}
