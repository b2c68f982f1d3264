using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Ooda.Knowledge;

public readonly partial record struct ExchangeBuild
{
    /// <summary>
    /// Reads a build from the places it is found: <c>15.2.858.5</c>, <c>15.02.0858.005</c> (file version),
    /// <c>15,2,858,5</c>, <c>Version 15.2 (Build 858.5)</c> (AdminDisplayVersion, CU level only), and
    /// <c>/owa/auth/15.2.858/</c> paths (three parts: CU only).
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ExchangeBuild build)
    {
        build = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 2048)
            return false;
        var s = text.Trim();

        // AdminDisplayVersion is read from Active Directory and carries the CU, never the SU (facts §1).
        var admin = AdminDisplayVersion().Match(s);
        if (admin.Success)
            return TryCreate(admin.Groups[1].Value, admin.Groups[2].Value, admin.Groups[3].Value, null, out build);

        var owa = OwaPath().Match(s);
        if (owa.Success)
            return TryDotted(owa.Groups[1].Value, out build);

        var plain = Dotted().Match(s);
        return plain.Success && plain.Index == 0 && plain.Length == s.Length && TryDotted(plain.Value, out build);
    }

    /// <summary>Like <see cref="TryParse"/> but throws <see cref="FormatException"/> naming the text.</summary>
    public static ExchangeBuild Parse(string text) =>
        TryParse(text, out var build) ? build : throw new FormatException($"not an Exchange build: '{text}'");

    private static bool TryDotted(string dotted, out ExchangeBuild build)
    {
        var parts = dotted.Split('.', ',');
        build = default;
        return parts.Length switch
        {
            3 => TryCreate(parts[0], parts[1], parts[2], null, out build),
            4 => TryCreate(parts[0], parts[1], parts[2], parts[3], out build),
            _ => false,
        };
    }

    private static bool TryCreate(string major, string minor, string buildNumber, string? revision, out ExchangeBuild build)
    {
        build = default;
        if (!int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var ma)
            || !int.TryParse(minor, NumberStyles.None, CultureInfo.InvariantCulture, out var mi)
            || !int.TryParse(buildNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            return false;
        int? rev = null;
        if (revision is not null)
        {
            if (!int.TryParse(revision, NumberStyles.None, CultureInfo.InvariantCulture, out var r))
                return false;
            rev = r;
        }

        build = new ExchangeBuild(ma, mi, b, rev);
        return true;
    }

    [GeneratedRegex(@"^Version\s+(\d{1,3})\.(\d{1,4})\s*\(Build\s+(\d{1,5})\.(\d{1,5})\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdminDisplayVersion();

    [GeneratedRegex(@"/owa/auth/(\d{1,3}\.\d{1,4}\.\d{1,5}(?:\.\d{1,5})?)/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwaPath();

    [GeneratedRegex(@"\d{1,3}([.,])\d{1,4}\1\d{1,5}(?:\1\d{1,5})?", RegexOptions.CultureInvariant)]
    private static partial Regex Dotted();
}
