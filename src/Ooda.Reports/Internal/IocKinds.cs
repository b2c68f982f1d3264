namespace Ooda.Reports.Internal;

internal static class IocKinds
{
    public static string Label(IocKind kind) => kind switch
    {
        IocKind.Sha256 => "SHA-256",
        IocKind.Sha1 => "SHA-1",
        IocKind.Md5 => "MD5",
        IocKind.Ipv4 => "IPv4",
        IocKind.Ipv6 => "IPv6",
        IocKind.Domain => "Domain",
        IocKind.Url => "URL",
        IocKind.FilePath => "File path",
        IocKind.UserAgent => "User agent",
        _ => kind.ToString(),
    };
}
