using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ooda.Core;

namespace Ooda.Engine.Runbooks;

/// <summary>
/// Finding ids from what fired and on which evidence: the detector's rule and the evidence's content hash and position, never
/// its path, so the same record read from a copy (a shadow copy, a second collection) gives the same id and is reported once.
/// The runbook step is not part of it: one rule hunted by several runbooks is one finding with several sources.
/// </summary>
public static class FindingIds
{
    public static string For(string detector, string? ruleKey, string tenant, string host, Provenance provenance, string? originalPath = null, string? discriminator = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var key = string.Join('\u001f', detector, ruleKey, tenant, host.ToLowerInvariant(), provenance.Sha256,
            provenance.Offset.ToString(CultureInfo.InvariantCulture), provenance.Line.ToString(CultureInfo.InvariantCulture), originalPath?.ToLowerInvariant(), discriminator);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 10));
    }

    /// <summary>
    /// A runbook hunt's own rule text as a rule key (an inline Sigma rule without an id, a YARA source, a SQL query): the same
    /// text in two runbooks, or in two versions of one, finds the same evidence once.
    /// </summary>
    public static string BodyKey(string kind, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return kind + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body.ReplaceLineEndings("\n").Trim())).AsSpan(0, 10));
    }
}
