namespace Ooda.Detection.Iocs;

/// <summary>How an event field is read for indicators; <see cref="IocFieldMap"/> gives each field its roles.</summary>
[Flags]
public enum IocFieldRole
{
    None = 0,
    /// <summary>The value is one IP address: tested against <see cref="IocKind.Ip"/> and <see cref="IocKind.Cidr"/>.</summary>
    Ip = 1 << 0,
    /// <summary>A hash, or a Sysmon list (<c>MD5=…,SHA256=…</c>): tested against the hash kinds.</summary>
    Hash = 1 << 1,
    /// <summary>A file path: file names, path globs and path regexes.</summary>
    Path = 1 << 2,
    /// <summary>A user agent: user-agent substrings and keywords; <c>+</c> reads as a space, as IIS writes it.</summary>
    UserAgent = 1 << 3,
    /// <summary>A command line or script: command-line substrings and regexes, URLs, keywords, and the IPs, domains and hashes in it.</summary>
    CommandLine = 1 << 4,
    /// <summary>A URL: URL substrings, keywords, and its host against domains and IPs.</summary>
    Url = 1 << 5,
    /// <summary>A host name (or address): domains with their subdomains, IPs.</summary>
    Host = 1 << 6,
    /// <summary>Free text: keywords, URLs, and the IPs, domains and hashes in it.</summary>
    Text = 1 << 7,
}
