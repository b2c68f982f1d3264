using System.Collections.Immutable;

namespace Ooda.Detection.Iocs;

/// <summary>
/// Which event fields each kind of indicator is tested against — data, so a deployment can add its own log fields.
/// Names are Sigma/Sysmon field names as <see cref="Core.EventFields"/> holds them (case-insensitive).
/// </summary>
public sealed record IocFieldMap(ImmutableArray<IocField> Fields, ImmutableArray<IocUrlField> Urls)
{
    /// <summary>Windows (Security, Sysmon, PowerShell), IIS W3C, Exchange logs and common proxy/firewall fields.</summary>
    public static IocFieldMap Default { get; } = new(
    [
        // Addresses: IIS, Exchange, Sysmon 3, Security 4624/4625/5156, firewall W3C.
        new("c-ip", IocFieldRole.Ip),
        new("s-ip", IocFieldRole.Ip),
        new("ClientIP", IocFieldRole.Ip),
        new("ClientIpAddress", IocFieldRole.Ip),
        new("SourceIp", IocFieldRole.Ip),
        new("DestinationIp", IocFieldRole.Ip),
        new("IpAddress", IocFieldRole.Ip),
        new("SourceAddress", IocFieldRole.Ip),
        new("DestAddress", IocFieldRole.Ip),
        new("DestinationAddress", IocFieldRole.Ip),
        new("src-ip", IocFieldRole.Ip),
        new("dst-ip", IocFieldRole.Ip),
        new("cs(X-Forwarded-For)", IocFieldRole.Text),
        new("X-Forwarded-For", IocFieldRole.Text),

        // Hashes: Sysmon Hashes/Hash lists, flat exports.
        new("Hashes", IocFieldRole.Hash),
        new("Hash", IocFieldRole.Hash),
        new("md5", IocFieldRole.Hash),
        new("sha1", IocFieldRole.Hash),
        new("sha256", IocFieldRole.Hash),
        new("FileHash", IocFieldRole.Hash),

        // Paths: Sysmon 1/6/7/8/10/11/15/23/26, Security 4688, System 7045, Windows Firewall 5156, IIS.
        new("Image", IocFieldRole.Path),
        new("ParentImage", IocFieldRole.Path),
        new("SourceImage", IocFieldRole.Path),
        new("TargetImage", IocFieldRole.Path),
        new("TargetFilename", IocFieldRole.Path),
        new("ImageLoaded", IocFieldRole.Path),
        new("NewProcessName", IocFieldRole.Path),
        new("ParentProcessName", IocFieldRole.Path),
        new("ProcessName", IocFieldRole.Path),
        new("ImagePath", IocFieldRole.Path | IocFieldRole.CommandLine),
        new("ServiceFileName", IocFieldRole.Path | IocFieldRole.CommandLine),
        new("Application", IocFieldRole.Path),
        new("OriginalFileName", IocFieldRole.Path),
        new("cs-uri-stem", IocFieldRole.Path | IocFieldRole.Text),
        new("UrlStem", IocFieldRole.Path | IocFieldRole.Text),

        // User agents.
        new("cs(User-Agent)", IocFieldRole.UserAgent),
        new("UserAgent", IocFieldRole.UserAgent),
        new("c-useragent", IocFieldRole.UserAgent),

        // Command lines and scripts: Sysmon 1, Security 4688, PowerShell 4103/4104/400/800.
        new("CommandLine", IocFieldRole.CommandLine),
        new("ParentCommandLine", IocFieldRole.CommandLine),
        new("ProcessCommandLine", IocFieldRole.CommandLine),
        new("ScriptBlockText", IocFieldRole.CommandLine),
        new("Payload", IocFieldRole.CommandLine),
        new("HostApplication", IocFieldRole.CommandLine),
        new("ContextInfo", IocFieldRole.Text),

        // URLs whole in one field (proxies, Exchange, referrers).
        new("Url", IocFieldRole.Url),
        new("RequestUrl", IocFieldRole.Url),
        new("c-uri", IocFieldRole.Url),
        new("cs-uri", IocFieldRole.Url),
        new("cs(Referer)", IocFieldRole.Url),
        new("Referer", IocFieldRole.Url),

        // Host names: Sysmon 3/22, IIS, Exchange HttpProxy.
        new("cs-host", IocFieldRole.Host),
        new("UrlHost", IocFieldRole.Host),
        new("DestinationHostname", IocFieldRole.Host),
        new("SourceHostname", IocFieldRole.Host),
        new("QueryName", IocFieldRole.Host),
        new("ServerHostname", IocFieldRole.Host),
        new("AnchorMailbox", IocFieldRole.Text),

        // Free text worth mining for addresses, domains and hashes.
        new("QueryResults", IocFieldRole.Text),
        new("Details", IocFieldRole.Text),
        new("Message", IocFieldRole.Text),
        new("cs-uri-query", IocFieldRole.Text),
        new("UrlQuery", IocFieldRole.Text),
        new("TargetObject", IocFieldRole.Text),
    ],
    [
        new("cs-host", "cs-uri-stem", "cs-uri-query"),
        new("UrlHost", "UrlStem", "UrlQuery"),
    ]);

    /// <summary>This map with more fields; a field already present gets the union of roles.</summary>
    public IocFieldMap With(params IocField[] fields)
    {
        var merged = Fields.ToList();
        foreach (var field in fields)
        {
            var at = merged.FindIndex(f => string.Equals(f.Name, field.Name, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
                merged[at] = merged[at] with { Roles = merged[at].Roles | field.Roles };
            else
                merged.Add(field);
        }

        return this with { Fields = [.. merged] };
    }
}
