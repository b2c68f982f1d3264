namespace Ooda.Detection.Iocs.Internal;

/// <summary>
/// The one table between indicator kinds and STIX patterns, used both ways. Kinds STIX has no observable for are written
/// with custom (<c>x_ooda_</c>) properties, which STIX 2.1 permits and other consumers ignore.
/// </summary>
internal static class StixPatterns
{
    public const string PathGlobProperty = "x_ooda_path_glob";
    public const string PathRegexProperty = "x_ooda_path";
    public const string KeywordType = "x-ooda-keyword";
    private const string UserAgentProperty = "extensions.http-request-ext.request_header.User-Agent";

    /// <summary>The pattern for one indicator.</summary>
    public static string For(Ioc ioc)
    {
        var value = Quote(ioc.Value);
        return ioc.Kind switch
        {
            IocKind.Md5 => $"[file:hashes.MD5 = {value}]",
            IocKind.Sha1 => $"[file:hashes.'SHA-1' = {value}]",
            IocKind.Sha256 => $"[file:hashes.'SHA-256' = {value}]",
            IocKind.Ip or IocKind.Cidr => ioc.Value.Contains(':', StringComparison.Ordinal) ? $"[ipv6-addr:value = {value}]" : $"[ipv4-addr:value = {value}]",
            IocKind.Domain => $"[domain-name:value = {value}]",
            IocKind.Url => $"[url:value = {value}]",
            IocKind.FileName => $"[file:name = {value}]",
            IocKind.FilePath => $"[file:{PathGlobProperty} = {value}]",
            IocKind.FilePathRegex => $"[file:{PathRegexProperty} MATCHES {value}]",
            IocKind.UserAgent => $"[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = {value}]",
            IocKind.CommandLine => $"[process:command_line = {value}]",
            IocKind.CommandLineRegex => $"[process:command_line MATCHES {value}]",
            IocKind.Keyword => $"[{KeywordType}:value = {value}]",
            _ => throw new ArgumentOutOfRangeException(nameof(ioc), ioc.Kind, "unknown kind"),
        };
    }

    /// <summary>A STIX string literal: quotes and backslashes escaped (§9.4).</summary>
    public static string Quote(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>The indicator kind of one comparison, or the reason there is none.</summary>
    public static IocKind? KindOf(StixComparison comparison, string value, out string? error)
    {
        error = null;
        if (comparison.Negated)
        {
            error = $"negated comparison '{comparison}' has no indicator equivalent";
            return null;
        }

        var op = comparison.Operator;
        var equals = op is "=" or "IN";
        var property = comparison.Property;
        IocKind? kind = comparison.ObjectType switch
        {
            "file" when property.StartsWith("hashes.", StringComparison.Ordinal) && equals => HashKind(property["hashes.".Length..]),
            "file" when property == "name" && equals => IocKind.FileName,
            "file" when property == PathGlobProperty && equals => IocKind.FilePath,
            "file" when property == PathRegexProperty && op == "MATCHES" => IocKind.FilePathRegex,
            "ipv4-addr" or "ipv6-addr" when property == "value" && (equals || op == "ISSUBSET") => value.Contains('/', StringComparison.Ordinal) ? IocKind.Cidr : IocKind.Ip,
            "domain-name" when property == "value" && equals => IocKind.Domain,
            "url" when property == "value" && equals => IocKind.Url,
            "network-traffic" when property is "dst_ref.value" or "src_ref.value" && (equals || op == "ISSUBSET") => AddressOrDomain(value),
            "network-traffic" when property == UserAgentProperty && equals => IocKind.UserAgent,
            "process" when property == "command_line" && equals => IocKind.CommandLine,
            "process" when property == "command_line" && op == "MATCHES" => IocKind.CommandLineRegex,
            KeywordType when property == "value" && equals => IocKind.Keyword,
            _ => null,
        };
        if (kind is null)
            error = $"no indicator kind for '{comparison}'";
        return kind;
    }

    /// <summary>True for <c>dst_ref.type = 'ipv4-addr'</c> and the like, which only restate what the value says.</summary>
    public static bool IsTypeConstraint(StixComparison comparison) =>
        comparison is { Operator: "=", Negated: false } && (comparison.Property == "type" || comparison.Property.EndsWith("_ref.type", StringComparison.Ordinal));

    private static IocKind? HashKind(string algorithm) =>
        algorithm.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "MD5" => IocKind.Md5,
            "SHA1" => IocKind.Sha1,
            "SHA256" => IocKind.Sha256,
            _ => null,
        };

    private static IocKind AddressOrDomain(string value)
    {
        if (value.Contains('/', StringComparison.Ordinal))
            return IocKind.Cidr;
        return IpAddressText.TryParse(value, out _, out _) ? IocKind.Ip : IocKind.Domain;
    }
}
