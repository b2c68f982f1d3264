using System.Globalization;
using Ooda.Core;
using Ooda.Store;

namespace Ooda.Investigation.Tests.Lateral;

/// <summary>
/// Writes the Windows events lateral movement leaves (4624, 4648, 7045, 4697, Sysmon 1 and 3, 4688) into a workspace through the
/// store's ingest API, one evidence file per host, with record ids in order.
/// </summary>
internal sealed class LateralLog
{
    public const string Tenant = "acme";
    public const string SysmonChannel = "Microsoft-Windows-Sysmon/Operational";

    public static readonly DateTime Day0 = new(2021, 8, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly Dictionary<string, List<EvidenceEvent>> _byHost = new(StringComparer.OrdinalIgnoreCase);
    private long _record = 1000;

    /// <summary>4624 on <paramref name="target"/>; returns the new session's logon id.</summary>
    public string Logon(string target, DateTime at, string user, int type = 3, string? ip = null, string? workstation = null, string package = "Kerberos",
        string domain = "ACME", string? sid = null, string? logonId = null)
    {
        logonId ??= "0x" + (0x10000 + _record).ToString("x", CultureInfo.InvariantCulture);
        Add(target, at, "Security", 4624, ("LogonType", type.ToString(CultureInfo.InvariantCulture)), ("IpAddress", ip ?? "-"), ("WorkstationName", workstation ?? "-"),
            ("TargetUserName", user), ("TargetDomainName", domain), ("TargetUserSid", sid ?? Sid(user)), ("TargetLogonId", logonId),
            ("AuthenticationPackageName", package), ("LogonProcessName", package == "NTLM" ? "NtLmSsp" : "Kerberos"));
        return logonId;
    }

    public void ExplicitCredentials(string source, DateTime at, string user, string server, string? spn = null, string process = @"C:\Windows\System32\svchost.exe") =>
        Add(source, at, "Security", 4648, ("SubjectUserName", source.ToUpperInvariant() + "$"), ("TargetUserName", user), ("TargetDomainName", "ACME"),
            ("TargetServerName", server), ("TargetInfo", spn ?? "cifs/" + server), ("ProcessName", process), ("IpAddress", "-"));

    public void ServiceInstalled(string host, DateTime at, string name, string imagePath, string? installerSid = null) =>
        Add(host, at, "System", 7045, ("ServiceName", name), ("ImagePath", imagePath), ("ServiceType", "user mode service"), ("StartType", "demand start"),
            ("AccountName", "LocalSystem"), ("Security_UserID", installerSid ?? "S-1-5-18"));

    public void SecurityServiceInstalled(string host, DateTime at, string name, string fileName, string subjectLogonId) =>
        Add(host, at, "Security", 4697, ("SubjectUserSid", "S-1-5-21-1-2-3-500"), ("SubjectUserName", "admin"), ("SubjectDomainName", "ACME"),
            ("SubjectLogonId", subjectLogonId), ("ServiceName", name), ("ServiceFileName", fileName), ("ServiceAccount", "LocalSystem"));

    public void Connection(string source, DateTime at, string sourceIp, string destinationIp, int port, string image = @"C:\Windows\Temp\ps.exe",
        string user = @"NT AUTHORITY\SYSTEM", string? destinationHost = null, bool initiated = true) =>
        Add(source, at, SysmonChannel, 3, ("Image", image), ("User", user), ("Protocol", "tcp"), ("Initiated", initiated ? "true" : "false"),
            ("SourceIp", sourceIp), ("SourcePort", "50123"), ("DestinationIp", destinationIp), ("DestinationHostname", destinationHost ?? "-"),
            ("DestinationPort", port.ToString(CultureInfo.InvariantCulture)));

    public void Process(string host, DateTime at, string image, string parent, string logonId, string commandLine = "cmd.exe /c whoami") =>
        Add(host, at, SysmonChannel, 1, ("Image", image), ("CommandLine", commandLine), ("ParentImage", parent), ("User", @"ACME\admin"), ("LogonId", logonId),
            ("ProcessGuid", "{" + Guid.Empty + "}"), ("ProcessId", "4242"));

    /// <summary>Anything else (noise the queries must skip).</summary>
    public void Other(string host, DateTime at, string channel, int eventId, params (string Name, string Value)[] fields) => Add(host, at, channel, eventId, fields);

    /// <summary>A routine pair: one Kerberos network logon a day for <paramref name="days"/> days before <see cref="Day0"/>.</summary>
    public void Daily(string target, string user, string ip, int days, int type = 3, string package = "Kerberos")
    {
        for (var d = days; d >= 1; d--)
            Logon(target, Day0.AddDays(-d).AddHours(d % 5), user, type, ip, package: package);
    }

    public void WriteTo(Workspace workspace)
    {
        foreach (var (host, events) in _byHost.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(host + events.Count)));
            using var ingest = workspace.BeginFile(new EvidenceSource($"{host}/events.jsonl", sha, Tenant, host), "test", 1);
            foreach (var e in events.OrderBy(e => e.Timestamp))
                ingest.Append(e with { Provenance = e.Provenance with { Sha256 = sha } });
            ingest.Complete([]);
        }
    }

    public static string Sid(string user) =>
        "S-1-5-21-1-2-3-" + (1000 + (uint)user.ToUpperInvariant().Aggregate(17, (h, c) => h * 31 + c) % 9000).ToString(CultureInfo.InvariantCulture);

    /// <summary>Stores an inventory (a triage run) naming the hosts and their internal addresses.</summary>
    public static void SaveInventory(Workspace workspace, params (string Host, string Ip, string? Fqdn)[] hosts) =>
        workspace.SaveTriage("inventory.csv", [], hosts.Select((h, i) => new StoredTriageHost(
            i + 1, Tenant, h.Host, h.Fqdn, null, null, "not-exchange", [], null, "none", [], null, Ip: h.Ip)), 0);

    private void Add(string host, DateTime at, string channel, int eventId, params (string Name, string Value)[] fields)
    {
        var map = new EventFields();
        foreach (var (name, value) in fields)
            map.TryAdd(name, value);
        if (!_byHost.TryGetValue(host, out var list))
            _byHost[host] = list = [];
        var record = ++_record;
        list.Add(new EvidenceEvent
        {
            Timestamp = at,
            Tenant = Tenant,
            Host = host,
            Kind = SourceKind.WindowsEvent,
            Channel = channel,
            Provider = channel,
            EventId = eventId,
            RecordId = record,
            Fields = map,
            Provenance = new Provenance($"{host}/events.jsonl", string.Empty, -1, list.Count + 1),
        });
    }
}
