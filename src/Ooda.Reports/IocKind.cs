namespace Ooda.Reports;

/// <summary>The kinds of indicator a report lists and the exports carry.</summary>
public enum IocKind
{
    Sha256,
    Sha1,
    Md5,
    Ipv4,
    Ipv6,
    Domain,
    Url,
    FilePath,
    UserAgent,
}
