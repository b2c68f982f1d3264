using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>Checks one indicator and puts its value in the one form the matcher and the de-duplication rely on.</summary>
internal static class IocNormalizer
{
    /// <summary>Longest value accepted; longer ones are not indicators but pasted documents.</summary>
    public const int MaxValueLength = 8192;

    /// <summary>Shortest substring indicator: shorter ones would match nearly every event.</summary>
    public const int MinSubstringLength = 3;

    private static readonly TimeSpan _validationTimeout = TimeSpan.FromSeconds(1);

    private static readonly IdnMapping _idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    private static readonly SearchValues<char> _hexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly SearchValues<char> _domainCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>The normalised indicator, or the reason it is unusable; <paramref name="warning"/> notes a change worth telling.</summary>
    public static Ioc? Normalize(Ioc ioc, out string? error, out string? warning)
    {
        warning = null;
        error = null;
        if (!Enum.IsDefined(ioc.Kind))
        {
            error = $"unknown indicator kind {(int)ioc.Kind}";
            return null;
        }

        var name = IocKinds.Name(ioc.Kind);
        var raw = ioc.Value?.Trim() ?? string.Empty;
        if (raw.Length == 0)
        {
            error = $"{name}: empty value";
            return null;
        }

        if (raw.Length > MaxValueLength)
        {
            error = $"{name}: value of {raw.Length} characters is longer than {MaxValueLength}";
            return null;
        }

        if (HasControlCharacters(raw))
        {
            error = $"{name}: value contains control characters";
            return null;
        }

        var value = ioc.Kind switch
        {
            IocKind.Md5 or IocKind.Sha1 or IocKind.Sha256 => Hash(ioc.Kind, raw, out error),
            IocKind.Ip => Address(raw, out error),
            IocKind.Cidr => Network(raw, out error, out warning),
            IocKind.Domain => Domain(raw, out error),
            IocKind.Url => Url(raw, out error),
            IocKind.FileName => FileName(raw, out error),
            IocKind.FilePathRegex or IocKind.CommandLineRegex => RegexValue(raw, out error),
            IocKind.UserAgent or IocKind.CommandLine or IocKind.Keyword => Substring(raw, out error),
            _ => raw,
        };
        if (value is null)
        {
            error = $"{name} '{Clip(raw)}': {error}";
            return null;
        }

        string? exclude = null;
        if (!string.IsNullOrWhiteSpace(ioc.Exclude))
        {
            if (!IocKinds.IsRegex(ioc.Kind))
            {
                error = $"{name} '{Clip(raw)}': an exclusion applies to regex kinds only";
                return null;
            }

            exclude = RegexValue(ioc.Exclude.Trim(), out var excludeError);
            if (exclude is null)
            {
                error = $"{name} '{Clip(raw)}': exclusion {excludeError}";
                return null;
            }
        }

        if (ioc.Confidence is < 0 or > 100)
        {
            error = $"{name} '{Clip(raw)}': confidence {ioc.Confidence} is outside 0–100";
            return null;
        }

        var from = Utc(ioc.ValidFrom);
        var until = Utc(ioc.ValidUntil);
        if (from is not null && until is not null && from > until)
        {
            error = $"{name} '{Clip(raw)}': valid from {from:O} is after valid until {until:O}";
            return null;
        }

        var comment = string.IsNullOrWhiteSpace(ioc.Comment) ? null : ioc.Comment.Trim();
        return ioc with
        {
            Value = value,
            Comment = comment,
            Tags = Tags(ioc.Tags),
            ValidFrom = from,
            ValidUntil = until,
            Exclude = exclude,
            Source = new IocSource(ioc.Source.File ?? string.Empty, ioc.Source.Location ?? string.Empty),
        };
    }

    /// <summary>The identity of an indicator for de-duplication: kind and value, ignoring case where matching does.</summary>
    public static string Key(IocKind kind, string value) =>
        IocKinds.IsRegex(kind) ? $"{(int)kind}:{value}" : $"{(int)kind}:{value.ToLowerInvariant()}";

    private static bool HasControlCharacters(string value)
    {
        foreach (var c in value)
        {
            if (c < ' ' && c != '\t')
                return true;
        }

        return false;
    }

    public static string Clip(string value) => value.Length <= 80 ? value : value[..77] + "...";

    private static string? Hash(IocKind kind, string raw, out string? error)
    {
        error = null;
        var expected = kind switch { IocKind.Md5 => 32, IocKind.Sha1 => 40, _ => 64 };
        if (raw.Length != expected)
        {
            error = $"a {IocKinds.Name(kind)} has {expected} hex digits, this has {raw.Length} characters";
            return null;
        }

        if (!raw.AsSpan().ContainsAnyExcept(_hexDigits))
            return raw.ToLowerInvariant();
        error = "not hexadecimal";
        return null;
    }

    private static string? Address(string raw, out string? error)
    {
        error = null;
        var text = Refang.Text(raw);
        if (text.Contains('/', StringComparison.Ordinal))
        {
            error = "an address has no prefix length; use kind cidr";
            return null;
        }

        if (IpAddressText.TryParse(text, out var address, out _))
            return IpAddressText.Format(address);
        error = "not an IPv4 or IPv6 address";
        return null;
    }

    private static string? Network(string raw, out string? error, out string? warning)
    {
        error = null;
        warning = null;
        var text = Refang.Text(raw);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            error = "a network needs /prefix-length; use kind ip for one address";
            return null;
        }

        if (!IpAddressText.TryParse(text.AsSpan(0, slash), out var address, out var isV4))
        {
            error = "not an IPv4 or IPv6 network address";
            return null;
        }

        var max = isV4 ? 32 : 128;
        if (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > max)
        {
            error = $"prefix '/{text[(slash + 1)..]}' is not 0–{max}";
            return null;
        }

        var (first, _) = Range(address, isV4, prefix);
        var canonical = $"{IpAddressText.Format(first)}/{prefix.ToString(CultureInfo.InvariantCulture)}";
        if (first != address)
            warning = $"cidr '{Clip(raw)}' has host bits set; using {canonical}";
        return canonical;
    }

    /// <summary>First and last address of a prefix, IPv4 in its mapped form.</summary>
    public static (UInt128 First, UInt128 Last) Range(UInt128 address, bool isV4, int prefix)
    {
        var bits = (isV4 ? 96 : 0) + prefix;
        var host = bits >= 128 ? UInt128.Zero : UInt128.MaxValue >> bits;
        return (address & ~host, (address & ~host) | host);
    }

    private static string? Domain(string raw, out string? error)
    {
        error = null;
        var text = Refang.Text(raw).ToLowerInvariant();
        if (text.StartsWith("*.", StringComparison.Ordinal))
            text = text[2..];
        text = text.Trim('.');
        if (text.Contains("://", StringComparison.Ordinal) || text.Contains('/', StringComparison.Ordinal))
        {
            error = "looks like a URL; use kind url";
            return null;
        }

        if (IpAddressText.TryParse(text, out _, out _))
        {
            error = "is an IP address; use kind ip";
            return null;
        }

        if (!System.Text.Ascii.IsValid(text))
        {
            try
            {
                text = _idn.GetAscii(text);
            }
            catch (ArgumentException)
            {
                error = "not a valid internationalised domain name";
                return null;
            }
        }

        if (text.Length > 253)
        {
            error = "longer than 253 characters";
            return null;
        }

        var labels = text.Split('.');
        if (labels.Length < 2)
        {
            error = "a domain needs at least two labels (a bare top-level name would match everything under it)";
            return null;
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label.AsSpan().ContainsAnyExcept(_domainCharacters))
            {
                error = $"label '{Clip(label)}' is not 1–63 letters, digits, '-' or '_'";
                return null;
            }
        }

        return text;
    }

    private static string? Url(string raw, out string? error)
    {
        error = null;
        var text = Refang.Text(raw);
        if (text.Length < 4)
        {
            error = "too short for a URL";
            return null;
        }

        if (text.AsSpan().ContainsAny(' ', '\t'))
        {
            error = "a URL has no spaces";
            return null;
        }

        // Lower-case scheme and host; the path keeps its case (matching ignores case anyway, reports should not).
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        var hostStart = scheme < 0 ? 0 : scheme + 3;
        if (scheme == 0 || (scheme < 0 && text[0] == '/'))
            return text;
        var hostEnd = text.IndexOfAny(['/', '?', '#'], hostStart);
        if (hostEnd < 0)
            hostEnd = text.Length;
        if (hostEnd == hostStart)
        {
            error = "no host after the scheme";
            return null;
        }

        return text[..hostEnd].ToLowerInvariant() + text[hostEnd..];
    }

    private static string? FileName(string raw, out string? error)
    {
        error = null;
        if (raw.AsSpan().ContainsAny('\\', '/'))
        {
            error = "a file name has no folders; use kind filepath";
            return null;
        }

        if (raw.AsSpan().ContainsAny('*', '?'))
        {
            error = "wildcards belong to kind filepath";
            return null;
        }

        return raw;
    }

    private static string? RegexValue(string raw, out string? error)
    {
        error = null;
        try
        {
            _ = new Regex(raw, RegexOptions.CultureInvariant, _validationTimeout);
            return raw;
        }
        catch (ArgumentException e)
        {
            error = "not a valid .NET regular expression: " + e.Message;
            return null;
        }
    }

    private static string? Substring(string raw, out string? error)
    {
        error = null;
        if (raw.Length >= MinSubstringLength)
            return raw;
        error = $"shorter than {MinSubstringLength} characters, it would match almost everything";
        return null;
    }

    private static DateTime? Utc(DateTime? time) => time switch
    {
        null => null,
        { Kind: DateTimeKind.Local } t => t.ToUniversalTime(),
        { Kind: DateTimeKind.Unspecified } t => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        var t => t,
    };

    private static ImmutableArray<string> Tags(ImmutableArray<string> tags)
    {
        if (tags.IsDefaultOrEmpty)
            return [];
        var clean = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            var t = tag?.Trim();
            if (!string.IsNullOrEmpty(t) && !clean.Contains(t, StringComparer.Ordinal))
                clean.Add(t);
        }

        return [.. clean];
    }
}
