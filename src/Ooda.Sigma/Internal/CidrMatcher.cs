using System.Net;

namespace Ooda.Sigma.Internal;

/// <summary>The <c>cidr</c> modifier: an IPv4 or IPv6 address inside the network.</summary>
internal sealed class CidrMatcher(IPNetwork network) : TextMatcher
{
    public IPNetwork Network { get; } = network;

    public override bool MatchText(string raw, ref string? lower)
    {
        var text = raw.AsSpan().Trim();
        if (text.StartsWith("::ffff:", StringComparison.OrdinalIgnoreCase) && text.Contains('.'))
            text = text[7..];
        return IPAddress.TryParse(text, out var address) && Network.Contains(address);
    }
}
