using System.Diagnostics.CodeAnalysis;

namespace Ooda.Detection.Iocs;

/// <summary>The text names of <see cref="IocKind"/> (runbooks and CSV lists use them) and the aliases other tools write.</summary>
public static class IocKinds
{
    private static readonly string[] _names =
        ["md5", "sha1", "sha256", "ip", "cidr", "domain", "url", "filename", "filepath", "filepath-regex", "user-agent", "commandline", "commandline-regex", "keyword"];

    private static readonly Dictionary<string, IocKind> _aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sha-1"] = IocKind.Sha1,
        ["sha-256"] = IocKind.Sha256,
        ["ipv4"] = IocKind.Ip,
        ["ipv6"] = IocKind.Ip,
        ["ip-src"] = IocKind.Ip,
        ["ip-dst"] = IocKind.Ip,
        ["ipv4-addr"] = IocKind.Ip,
        ["ipv6-addr"] = IocKind.Ip,
        ["network"] = IocKind.Cidr,
        ["hostname"] = IocKind.Domain,
        ["fqdn"] = IocKind.Domain,
        ["domain-name"] = IocKind.Domain,
        ["uri"] = IocKind.Url,
        ["file"] = IocKind.FileName,
        ["file-name"] = IocKind.FileName,
        ["path"] = IocKind.FilePath,
        ["file-path"] = IocKind.FilePath,
        ["filename-regex"] = IocKind.FilePathRegex,
        ["useragent"] = IocKind.UserAgent,
        ["command-line"] = IocKind.CommandLine,
        ["cmdline"] = IocKind.CommandLine,
        ["command-line-regex"] = IocKind.CommandLineRegex,
        ["string"] = IocKind.Keyword,
    };

    /// <summary>All kinds, in enum order.</summary>
    public static IReadOnlyList<IocKind> All { get; } = Enum.GetValues<IocKind>();

    /// <summary>The canonical name: <c>md5</c>, <c>filepath-regex</c>, <c>user-agent</c>, …</summary>
    public static string Name(IocKind kind) => _names[(int)kind];

    /// <summary>Reads a canonical name or a common alias (<c>ip-dst</c>, <c>hostname</c>, <c>sha-256</c>, …), any case.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IocKind? kind)
    {
        kind = null;
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name))
            return false;
        var index = Array.FindIndex(_names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            kind = (IocKind)index;
            return true;
        }

        if (_aliases.TryGetValue(name, out var alias))
        {
            kind = alias;
            return true;
        }

        return false;
    }

    /// <summary>The hash kind for a hex string's length (32, 40 or 64 digits), or null.</summary>
    public static IocKind? HashKindForLength(int length) => length switch
    {
        32 => IocKind.Md5,
        40 => IocKind.Sha1,
        64 => IocKind.Sha256,
        _ => null,
    };

    public static bool IsHash(IocKind kind) => kind is IocKind.Md5 or IocKind.Sha1 or IocKind.Sha256;

    public static bool IsRegex(IocKind kind) => kind is IocKind.FilePathRegex or IocKind.CommandLineRegex;
}
