using System.Net;
using System.Net.Sockets;
using Ooda.Core;

namespace Ooda.Reports;

/// <summary>
/// Indicators of compromise from a case's findings: what the detectors matched (IOC hits, file hashes, the files they flagged)
/// and, from each finding's own event, the public IP addresses and user agents that talked to the host. Internal addresses, a
/// process's own image hashes and everything else routine stay out: the list is for blocking and sharing.
/// </summary>
public static class ReportIocs
{
    public const int MaxIndicators = 500;
    public const int MaxSightings = 50;
    private const int MaxValueLength = 2048;

    private static readonly HashSet<string> _ipFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "c-ip", "ClientIp", "ClientIpAddress", "client-ip", "SourceIp", "SourceAddress", "IpAddress", "DestinationIp", "src_ip", "dst_ip",
        "RemoteAddress", "RemoteIP", "X-Forwarded-For",
    };

    private static readonly HashSet<string> _userAgentFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "cs(User-Agent)", "UserAgent", "User-Agent", "user_agent", "ClientInfoString",
    };

    private static readonly HashSet<string> _domainFields = new(StringComparer.OrdinalIgnoreCase) { "DestinationHostname", "QueryName", "dns_query" };

    private static readonly HashSet<string> _fileFields = new(StringComparer.OrdinalIgnoreCase) { "TargetFilename", "FilePath", "path" };

    private static readonly HashSet<string> _fileDetectors = new(StringComparer.OrdinalIgnoreCase) { "webshell", "yara", "ioc" };

    /// <summary>Indicators in kind order, then by first sighting; <paramref name="events"/> maps a finding id to the event it was found in.</summary>
    public static IReadOnlyList<ReportIoc> Extract(IEnumerable<Finding> findings, IReadOnlyDictionary<string, EvidenceEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var found = new Dictionary<(IocKind, string), (string Value, List<ReportIocSighting> Seen)>();
        foreach (var f in findings.DistinctBy(f => f.Id, StringComparer.Ordinal))
        {
            var provenance = Provenance(f);
            var time = f.Timestamp == DateTime.MinValue ? (DateTime?)null : DateTime.SpecifyKind(f.Timestamp, DateTimeKind.Utc);
            void Add(IocKind kind, string value, string field)
            {
                if (value.Length == 0 || value.Length > MaxValueLength)
                    return;
                var key = (kind, Normal(kind, value));
                if (!found.TryGetValue(key, out var entry))
                {
                    if (found.Count >= MaxIndicators)
                        return;
                    found[key] = entry = (kind is IocKind.Sha256 or IocKind.Sha1 or IocKind.Md5 or IocKind.Domain ? key.Item2 : value, []);
                }

                if (entry.Seen.Count < MaxSightings && !entry.Seen.Any(s => s.FindingId == f.Id && s.Field == field))
                    entry.Seen.Add(new ReportIocSighting(f.Host, f.Id, time, field, provenance));
            }

            if (f.OriginalPath is { Length: > 0 } path && (_fileDetectors.Contains(f.Detector) || f.Channel == "captured-file"))
                Add(IocKind.FilePath, path, "file");
            foreach (var (field, value) in f.Details)
                FromDetail(field, value, Add);
            if (events is not null && events.TryGetValue(f.Id, out var e))
            {
                foreach (var (field, value) in e.Fields)
                    FromEvent(field, value, Add);
            }
        }

        return [.. found.Select(p => new ReportIoc(p.Key.Item1, p.Value.Value, [.. p.Value.Seen.OrderBy(s => s.Time ?? DateTime.MaxValue).ThenBy(s => s.FindingId, StringComparer.Ordinal)]))
            .OrderBy(i => i.Kind).ThenBy(i => i.FirstSeen ?? DateTime.MaxValue).ThenBy(i => i.Value, StringComparer.Ordinal)];
    }

    /// <summary>Reads an IOC hit (<c>sha256:…</c>, <c>ip:…</c>), a hash field (bare, or Sysmon's <c>SHA256=…,MD5=…</c>) or a matched file path.</summary>
    private static void FromDetail(string field, string value, Action<IocKind, string, string> add)
    {
        var v = value.Trim();
        if (field.Equals("ioc", StringComparison.OrdinalIgnoreCase) && v.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
        {
            var rest = v[(colon + 1)..];
            IocKind? kind = v[..colon].ToLowerInvariant() switch
            {
                "md5" => IocKind.Md5,
                "sha1" => IocKind.Sha1,
                "sha256" => IocKind.Sha256,
                "ip" => AddressKind(rest),
                "domain" => IocKind.Domain,
                "url" => IocKind.Url,
                "filepath" or "filename" => IocKind.FilePath,
                "user-agent" => IocKind.UserAgent,
                _ => null,
            };
            if (kind is { } k)
                add(k, rest, "ioc");
            return;
        }

        if (field.Contains("sha256", StringComparison.OrdinalIgnoreCase) || field.Contains("sha1", StringComparison.OrdinalIgnoreCase)
            || field.Contains("md5", StringComparison.OrdinalIgnoreCase) || field.Equals("Hashes", StringComparison.OrdinalIgnoreCase)
            || field.Equals("Hash", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var part in v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var hex = part.Contains('=', StringComparison.Ordinal) ? part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..] : part;
                if (part.StartsWith("IMPHASH", StringComparison.OrdinalIgnoreCase) || !hex.All(char.IsAsciiHexDigit))
                    continue;
                IocKind? kind = hex.Length switch { 64 => IocKind.Sha256, 40 => IocKind.Sha1, 32 => IocKind.Md5, _ => null };
                if (kind is { } k)
                    add(k, hex, field);
            }

            return;
        }

        if (_fileFields.Contains(field) && LooksLikePath(v))
            add(IocKind.FilePath, v, field);
        else
            FromEvent(field, v, add);
    }

    private static void FromEvent(string field, string value, Action<IocKind, string, string> add)
    {
        var v = value.Trim();
        if (_ipFields.Contains(field))
        {
            foreach (var part in v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (AddressKind(part) is { } kind && IsPublic(IPAddress.Parse(part)))
                    add(kind, IPAddress.Parse(part).ToString(), field);
            }
        }
        else if (_userAgentFields.Contains(field) && v.Length > 1 && v != "-")
        {
            add(IocKind.UserAgent, v, field);
        }
        else if (_domainFields.Contains(field) && LooksLikeDomain(v))
        {
            add(IocKind.Domain, v.TrimEnd('.'), field);
        }
    }

    private static IocKind? AddressKind(string text) =>
        IPAddress.TryParse(text, out var address) && text.Count(c => c == '.') is 0 or 3
            ? address.AddressFamily == AddressFamily.InterNetworkV6 ? IocKind.Ipv6 : IocKind.Ipv4
            : null;

    /// <summary>Not private, loopback, link-local, unique-local, CGNAT or unspecified: an address on the internet.</summary>
    private static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.None))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
        var b = address.GetAddressBytes();
        return !(b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] == 0 || b[0] >= 224);
    }

    private static bool LooksLikePath(string v) =>
        v.Length > 3 && ((char.IsAsciiLetter(v[0]) && v[1] == ':' && v[2] is '\\' or '/') || v.StartsWith(@"\\", StringComparison.Ordinal) || v[0] == '/');

    private static bool LooksLikeDomain(string v) =>
        v.Length is > 3 and < 254 && v.Contains('.', StringComparison.Ordinal) && !IPAddress.TryParse(v, out _)
        && v.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private static string Normal(IocKind kind, string value) => kind switch
    {
        IocKind.Sha256 or IocKind.Sha1 or IocKind.Md5 or IocKind.Domain => value.ToLowerInvariant().TrimEnd('.'),
        IocKind.FilePath => value.ToUpperInvariant(),
        _ => value,
    };

    private static ReportProvenance Provenance(Finding f) => ReportProvenance.Of(f);
}
