using System.Text.RegularExpressions;

namespace Ooda.Engine.Probe.Internal;

/// <summary>What an OWA page gives away: the <c>/owa/auth/&lt;build&gt;/</c> resource path and an Outlook title.</summary>
internal static partial class OwaPage
{
    /// <summary>Body markers of a request that reached a back end through the autodiscover path confusion (nuclei CVE-2021-34473).</summary>
    public static readonly string[] BackEndMarkers = ["Microsoft.Exchange.Clients.Owa2.Server.Core.OwaADUserNotFoundException", "Exchange MAPI/HTTP Connectivity Endpoint"];

    /// <summary>The first <c>/owa/auth/15.2.858/</c> style path in the page, or null.</summary>
    public static string? ResourcePath(string body)
    {
        var match = ResourcePathPattern().Match(body);
        return match.Success ? match.Value : null;
    }

    /// <summary>The page title names Outlook or "Exchange Log In" (nuclei ms-exchange-server matchers).</summary>
    public static bool HasOutlookTitle(string body)
    {
        var start = body.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
            return false;
        start += "<title>".Length;
        var end = body.IndexOf("</title>", start, StringComparison.OrdinalIgnoreCase);
        var title = body.AsSpan(start, (end < 0 ? body.Length : end) - start);
        return title.Contains("Outlook", StringComparison.OrdinalIgnoreCase) || title.Contains("Exchange Log In", StringComparison.OrdinalIgnoreCase);
    }

    public static string? BackEndMarker(string body) => BackEndMarkers.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal));

    // Bounded repetitions after a literal prefix: linear in the (already bounded) body.
    [GeneratedRegex(@"/owa/auth/\d{1,3}\.\d{1,4}\.\d{1,5}(?:\.\d{1,5})?/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResourcePathPattern();
}
