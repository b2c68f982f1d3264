using System.Globalization;
using Ooda.Core;
using Ooda.Investigation.ProcessTrees;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Investigation.Tests.ProcessTrees;

/// <summary>
/// A host's Sysmon and Security process events written through the Store API into a scratch workspace, the way ingest
/// writes them: Sysmon pids in decimal, Security pids in hex, one evidence file per channel.
/// </summary>
internal sealed class ProcessLog : IDisposable
{
    public const string Tenant = "acme";
    public const string Host = "HOST1";
    public const string SysmonChannel = "Microsoft-Windows-Sysmon/Operational";

    public static readonly DateTime T0 = new(2021, 8, 7, 3, 0, 0, DateTimeKind.Utc);

    private readonly TempDirectory _directory = new();
    private readonly List<EvidenceEvent> _sysmon = [];
    private readonly List<EvidenceEvent> _security = [];
    private readonly List<EvidenceEvent> _other = [];
    private Workspace? _workspace;
    private int _files;
    private long _record = 1000;

    public static DateTime At(double seconds) => T0.AddSeconds(seconds);

    public ProcessLog Sysmon1(double at, long pid, string guid, string image, string commandLine, long parentPid, string parentGuid, string parentImage,
        string user = @"NT AUTHORITY\SYSTEM", string integrity = "System", string? parentCommandLine = null)
    {
        var time = At(at);
        _sysmon.Add(Event(SysmonChannel, "Microsoft-Windows-Sysmon", 1, time.AddMilliseconds(1),
            ("RuleName", "-"), ("UtcTime", time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)),
            ("ProcessGuid", "{" + guid + "}"), ("ProcessId", Dec(pid)), ("Image", image), ("CommandLine", commandLine),
            ("User", user), ("IntegrityLevel", integrity), ("ParentProcessGuid", "{" + parentGuid + "}"), ("ParentProcessId", Dec(parentPid)),
            ("ParentImage", parentImage), ("ParentCommandLine", parentCommandLine ?? parentImage), ("ParentUser", user)));
        return this;
    }

    public ProcessLog Sysmon5(double at, long pid, string guid, string image)
    {
        var time = At(at);
        _sysmon.Add(Event(SysmonChannel, "Microsoft-Windows-Sysmon", 5, time.AddMilliseconds(1),
            ("UtcTime", time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)), ("ProcessGuid", "{" + guid + "}"),
            ("ProcessId", Dec(pid)), ("Image", image)));
        return this;
    }

    public ProcessLog Security4688(double at, long pid, string image, long parentPid, string? parentImage, string commandLine,
        string subject = "HOST1$", string target = "-", string label = "S-1-16-16384")
    {
        var fields = new List<(string, string)>
        {
            ("SubjectUserSid", "S-1-5-18"), ("SubjectUserName", subject), ("SubjectDomainName", "ACME"), ("SubjectLogonId", "0x3e7"),
            ("NewProcessId", Hex(pid)), ("NewProcessName", image), ("TokenElevationType", "%%1936"), ("ProcessId", Hex(parentPid)),
            ("CommandLine", commandLine), ("TargetUserSid", "S-1-0-0"), ("TargetUserName", target), ("TargetDomainName", target == "-" ? "-" : "ACME"),
            ("TargetLogonId", "0x0"), ("MandatoryLabel", label),
        };
        if (parentImage is not null)
            fields.Add(("ParentProcessName", parentImage));
        _security.Add(Event("Security", "Microsoft-Windows-Security-Auditing", 4688, At(at), [.. fields]));
        return this;
    }

    public ProcessLog Security4689(double at, long pid, string image)
    {
        _security.Add(Event("Security", "Microsoft-Windows-Security-Auditing", 4689, At(at),
            ("SubjectUserSid", "S-1-5-18"), ("SubjectUserName", "HOST1$"), ("SubjectDomainName", "ACME"), ("SubjectLogonId", "0x3e7"),
            ("Status", "0x0"), ("ProcessId", Hex(pid)), ("ProcessName", image)));
        return this;
    }

    /// <summary>Any other event, e.g. a process-like id on another channel that must not be read as a process.</summary>
    public ProcessLog Other(string channel, int eventId, double at, params (string Name, string Value)[] fields)
    {
        _other.Add(Event(channel, null, eventId, At(at), fields));
        return this;
    }

    /// <summary>Writes what was added since the last call, one file per channel, and returns the workspace.</summary>
    public Workspace Store()
    {
        _workspace ??= Workspace.Open(_directory.Path);
        foreach (var batch in new[] { _sysmon, _security, _other })
        {
            if (batch.Count == 0)
                continue;
            var sha = (++_files).ToString("x64", CultureInfo.InvariantCulture);
            var path = $"logs/{_files}.jsonl";
            using var ingest = _workspace.BeginFile(new EvidenceSource(path, sha, Tenant, Host), "test", 1);
            foreach (var e in batch)
                ingest.Append(e with { Provenance = e.Provenance with { File = path, Sha256 = sha } });
            ingest.Complete([]);
            batch.Clear();
        }

        return _workspace;
    }

    public ProcessGraph Graph(double? from = null, double? to = null) =>
        ProcessTreeBuilder.LoadGraph(Store(), new ProcessGraphRequest
        {
            Tenant = Tenant,
            Host = Host,
            From = from is { } f ? At(f) : null,
            To = to is { } t ? At(t) : null,
        });

    public void Dispose()
    {
        _workspace?.Dispose();
        _directory.Dispose();
    }

    private static string Dec(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Hex(long value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    private EvidenceEvent Event(string channel, string? provider, int eventId, DateTime time, params (string Name, string Value)[] fields)
    {
        var map = new EventFields();
        foreach (var (name, value) in fields)
            map.TryAdd(name, value);
        var record = ++_record;
        return new EvidenceEvent
        {
            Timestamp = time,
            Tenant = Tenant,
            Host = Host,
            Kind = SourceKind.WindowsEvent,
            Channel = channel,
            Provider = provider,
            EventId = eventId,
            RecordId = record,
            Fields = map,
            Provenance = new Provenance("pending", new string('0', 64), -1, record),
        };
    }
}
