using System.Diagnostics.CodeAnalysis;

namespace Ooda.Engine.Probe;

/// <summary>Validates what the user named as the front end to probe.</summary>
public static class ProbeTarget
{
    /// <summary>
    /// Accepts an absolute <c>http</c> or <c>https</c> URL with a host and no user name or password; the result is its
    /// origin (<c>https://host:port/</c>), since every check has its own path.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Uri? origin, [NotNullWhen(false)] out string? error)
    {
        origin = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a URL is required, e.g. https://mail.example.com";
            return false;
        }

        if (text.Length > 2048 || text.Any(char.IsControl))
        {
            error = "not a URL: too long or holds control characters";
            return false;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            error = $"'{text}' is not an http or https URL (e.g. https://mail.example.com)";
            return false;
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            error = $"'{text}' has no host";
            return false;
        }

        if (uri.UserInfo.Length > 0)
        {
            error = "credentials in the URL are not accepted: the probe never authenticates";
            return false;
        }

        origin = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/", UriKind.Absolute);
        error = null;
        return true;
    }
}
