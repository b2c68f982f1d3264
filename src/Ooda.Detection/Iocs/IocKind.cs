namespace Ooda.Detection.Iocs;

/// <summary>What an indicator's value is and how it is matched; values are stable (they index bit masks).</summary>
public enum IocKind
{
    /// <summary>MD5 of a file, 32 hex digits.</summary>
    Md5 = 0,
    /// <summary>SHA-1 of a file, 40 hex digits.</summary>
    Sha1 = 1,
    /// <summary>SHA-256 of a file, 64 hex digits.</summary>
    Sha256 = 2,
    /// <summary>One IPv4 or IPv6 address.</summary>
    Ip = 3,
    /// <summary>An IPv4 or IPv6 network, <c>address/prefix</c>.</summary>
    Cidr = 4,
    /// <summary>A domain; matches it and every subdomain.</summary>
    Domain = 5,
    /// <summary>A URL, matched case-insensitively as a substring (scheme ignored) of URLs, command lines and free text.</summary>
    Url = 6,
    /// <summary>A file name, matched case-insensitively against the last component of paths.</summary>
    FileName = 7,
    /// <summary>A path glob (<c>*</c> within a folder, <c>**</c> across folders, <c>?</c> one character), case-insensitive.</summary>
    FilePath = 8,
    /// <summary>A .NET regular expression searched in full paths (signature-base <c>filename-iocs.txt</c> style).</summary>
    FilePathRegex = 9,
    /// <summary>A user-agent substring, case-insensitive.</summary>
    UserAgent = 10,
    /// <summary>A command-line substring, case-insensitive.</summary>
    CommandLine = 11,
    /// <summary>A .NET regular expression searched in command lines and script blocks.</summary>
    CommandLineRegex = 12,
    /// <summary>A substring searched case-insensitively in command lines, script blocks and free-text fields.</summary>
    Keyword = 13,
}
