using System.Text;

namespace Ooda.Reports.Internal;

/// <summary>STIX 2.1 patterns (§9) for the indicators a report carries; string literals escape <c>\</c> and <c>'</c> as the grammar says.</summary>
internal static class StixPattern
{
    public static string For(ReportIoc ioc) => ioc.Kind switch
    {
        IocKind.Sha256 => $"[file:hashes.'SHA-256' = '{Literal(ioc.Value)}']",
        IocKind.Sha1 => $"[file:hashes.'SHA-1' = '{Literal(ioc.Value)}']",
        IocKind.Md5 => $"[file:hashes.MD5 = '{Literal(ioc.Value)}']",
        IocKind.Ipv4 => $"[ipv4-addr:value = '{Literal(ioc.Value)}']",
        IocKind.Ipv6 => $"[ipv6-addr:value = '{Literal(ioc.Value)}']",
        IocKind.Domain => $"[domain-name:value = '{Literal(ioc.Value)}']",
        IocKind.Url => $"[url:value = '{Literal(ioc.Value)}']",
        IocKind.UserAgent => $"[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = '{Literal(ioc.Value)}']",
        IocKind.FilePath => FilePath(ioc.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(ioc), ioc.Kind, "no STIX pattern for this kind"),
    };

    private static string FilePath(string path)
    {
        var cut = path.LastIndexOfAny(['\\', '/']);
        if (cut <= 0 || cut == path.Length - 1)
            return $"[file:name = '{Literal(path)}']";
        return $"[file:name = '{Literal(path[(cut + 1)..])}' AND file:parent_directory_ref.path = '{Literal(path[..cut])}']";
    }

    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '\\' or '\'')
                builder.Append('\\');
            builder.Append(c);
        }

        return builder.ToString();
    }
}
