using System.Globalization;
using System.Text;

namespace Ooda.Benchmarks.Investigation;

/// <summary>
/// Writes a <c>&lt;tenant&gt;/&lt;host&gt;/</c> evidence collection of a given number of events for the investigation benchmarks
/// (timeline pivot, process trees) from a fixed seed: several tenants of five hosts each over 30 days. Every host has Sysmon
/// (process starts in parent → child chains with ProcessGuid links, network connections, file writes) and Security
/// (4688 for each process start with hex pids, 4624 logons of types 2, 3, 5 and 10); each tenant's Exchange server also
/// has daily IIS logs. Each file is written in time order, as the logs themselves are.
/// </summary>
public static class InvestigationFleetGenerator
{
    public const int HostsPerTenant = 5;
    public const int Days = 30;

    /// <summary>The first instant of the generated month; the benchmark pivots inside it.</summary>
    public static readonly DateTime Start = new(2021, 7, 15, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] _roles = ["ex01", "dc01", "fs01", "ws01", "ws02"];

    // Long-lived parents every host has, and what they start; w3wp only on the Exchange server.
    private static readonly (string Image, string[] Children)[] _parents =
    [
        ("C:\\Windows\\System32\\services.exe", ["C:\\Windows\\System32\\svchost.exe", "C:\\Windows\\System32\\msiexec.exe", "C:\\Windows\\System32\\spoolsv.exe"]),
        ("C:\\Windows\\System32\\svchost.exe", ["C:\\Windows\\System32\\taskhostw.exe", "C:\\Windows\\System32\\wbem\\WmiPrvSE.exe", "C:\\Windows\\System32\\backgroundTaskHost.exe"]),
        ("C:\\Windows\\explorer.exe", ["C:\\Windows\\System32\\cmd.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "C:\\Windows\\System32\\notepad.exe"]),
        ("C:\\Windows\\System32\\cmd.exe", ["C:\\Windows\\System32\\whoami.exe", "C:\\Windows\\System32\\net.exe", "C:\\Windows\\System32\\ipconfig.exe", "C:\\Windows\\System32\\conhost.exe"]),
        ("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", ["C:\\Windows\\System32\\conhost.exe", "C:\\Windows\\System32\\robocopy.exe", "C:\\Windows\\System32\\cmd.exe"]),
    ];

    private const string W3wp = "C:\\Windows\\System32\\inetsrv\\w3wp.exe";
    private static readonly string[] _w3wpChildren = ["C:\\Windows\\System32\\csc.exe", "C:\\Windows\\System32\\conhost.exe", "C:\\Windows\\System32\\cmd.exe"];

    private static readonly string[] _users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"];

    private static readonly string[] _stems =
    [
        "/owa/", "/EWS/Exchange.asmx", "/Microsoft-Server-ActiveSync/default.eas", "/autodiscover/autodiscover.xml", "/mapi/emsmdb/",
        "/ecp/default.aspx", "/owa/auth/logon.aspx", "/OAB/oab.xml",
    ];

    private static readonly string[] _agents =
    [
        "Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.5023;+Pro)",
        "Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64)+AppleWebKit/537.36+(KHTML,+like+Gecko)+Chrome/92.0.4515.131+Safari/537.36",
        "Apple-iPhone13C2/1805.234",
        "AMProbe/Local/ClientAccess",
    ];

    /// <summary>Writes about <paramref name="events"/> events under <paramref name="folder"/>, spread over as many tenants as it takes.</summary>
    public static int Write(string folder, long events, int tenants)
    {
        var hosts = tenants * HostsPerTenant;
        for (var t = 0; t < tenants; t++)
        {
            for (var h = 0; h < HostsPerTenant; h++)
                WriteHost(folder, Tenant(t), Host(t, h), h == 0, events / hosts, 1000 + (t * HostsPerTenant) + h);
        }

        return 0;
    }

    public static string Tenant(int index) => string.Create(CultureInfo.InvariantCulture, $"t{index + 1:D2}");

    public static string Host(int tenant, int index) => string.Create(CultureInfo.InvariantCulture, $"t{tenant + 1:D2}-{_roles[index]}");

    private static void WriteHost(string folder, string tenant, string host, bool exchange, long events, int seed)
    {
        var random = new Random(seed);
        var dir = Path.Combine(folder, tenant, host);
        Directory.CreateDirectory(dir);
        var computer = host + "." + tenant + ".example";
        using var sysmon = Writer(Path.Combine(dir, "Sysmon.jsonl"));
        using var security = Writer(Path.Combine(dir, "Security.jsonl"));
        StreamWriter? iis = null;
        var iisDay = DateTime.MinValue;
        long sysmonRecord = 0, securityRecord = 0;
        var processes = new List<Process>();
        long nextPid = 1000;

        // Long-lived parents, started before the month.
        foreach (var (image, _) in _parents)
            processes.Add(new Process(Guid(random, Start.AddDays(-3)), nextPid += 4 * random.Next(1, 50), image, image));
        if (exchange)
            processes.Add(new Process(Guid(random, Start.AddDays(-3)), nextPid += 4 * random.Next(1, 50), W3wp, W3wp + " -ap \"MSExchangeOWAAppPool\""));

        // Rolls below 40 are IIS lines, only on the Exchange server; a process start writes two events. The step spreads the
        // host's events over the whole month: 1.35 events per roll on the Exchange server, (35 * 2 + 15 + 10) / 60 elsewhere.
        var eventsPerRoll = exchange ? 1.35 : 95.0 / 60;
        var step = (long)(TimeSpan.FromDays(Days).Ticks * eventsPerRoll / Math.Max(1, events));
        var time = Start;
        var written = 0L;
        var sb = new StringBuilder(1024);
        while (written < events)
        {
            time = time.AddTicks(Math.Max(1, step + random.Next(-(int)Math.Min(step / 2, int.MaxValue), (int)Math.Min(step / 2, int.MaxValue))));
            var roll = exchange ? random.Next(100) : random.Next(40, 100);
            if (roll < 40)
            {
                if (iis is null || time.Date != iisDay)
                {
                    iis?.Dispose();
                    iisDay = time.Date;
                    iis = Writer(Path.Combine(dir, "W3SVC1", "u_ex" + iisDay.ToString("yyMMdd", CultureInfo.InvariantCulture) + ".log"));
                    iis.Write("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: "
                        + iisDay.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                        + "\n#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n");
                }

                IisLine(iis, random, time);
                written++;
            }
            else if (roll < 75)
            {
                // A process start: Sysmon 1 and Security 4688 for the same process, a moment apart.
                var parent = processes[random.Next(processes.Count)];
                var children = parent.Image == W3wp ? _w3wpChildren : Array.Find(_parents, p => p.Image == parent.Image).Children ?? _parents[0].Children;
                var image = children[random.Next(children.Length)];
                var user = parent.Image == "C:\\Windows\\explorer.exe" || parent.Image.EndsWith("cmd.exe", StringComparison.Ordinal)
                    ? tenant.ToUpperInvariant() + "\\" + _users[random.Next(_users.Length)]
                    : "NT AUTHORITY\\SYSTEM";
                var child = new Process(Guid(random, time), nextPid += 4 * random.Next(1, 30), image, CommandLine(random, image));
                if (nextPid > 60000)
                    nextPid = 1000;
                Sysmon1(sb, sysmon, time, ++sysmonRecord, computer, child, parent, user);
                Security4688(sb, security, time.AddMilliseconds(3), ++securityRecord, computer, child, parent, user);
                written += 2;
                // Shells become parents of their own; the pool stays small, as the processes alive on a host at once.
                if (Array.Exists(_parents, p => p.Image == image))
                {
                    processes.Add(child);
                    if (processes.Count > 64)
                        processes.RemoveAt(_parents.Length + (exchange ? 1 : 0));
                }
            }
            else if (roll < 90)
            {
                Security4624(sb, security, random, time, ++securityRecord, computer, tenant);
                written++;
            }
            else
            {
                var process = processes[random.Next(processes.Count)];
                if (roll < 95)
                    Sysmon3(sb, sysmon, random, time, ++sysmonRecord, computer, process);
                else
                    Sysmon11(sb, sysmon, random, time, ++sysmonRecord, computer, process);
                written++;
            }
        }

        iis?.Dispose();
    }

    private static void IisLine(StreamWriter w, Random random, DateTime t)
    {
        w.Write(t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        w.Write(" 10.20.0.5 ");
        w.Write(random.Next(4) == 0 ? "POST " : "GET ");
        w.Write(_stems[random.Next(_stems.Length)]);
        w.Write(" &CorrelationID=<empty>;&cafeReqId=");
        w.Write(random.Next().ToString("x8", CultureInfo.InvariantCulture));
        w.Write("; 443 user");
        w.Write(random.Next(500).ToString(CultureInfo.InvariantCulture));
        w.Write("@corp.example 192.168.");
        w.Write(random.Next(256).ToString(CultureInfo.InvariantCulture));
        w.Write('.');
        w.Write(random.Next(1, 255).ToString(CultureInfo.InvariantCulture));
        w.Write(' ');
        w.Write(_agents[random.Next(_agents.Length)]);
        w.Write(random.Next(20) == 0 ? " - 401 1 2148074254 " : " - 200 0 0 ");
        w.Write(random.Next(1, 900).ToString(CultureInfo.InvariantCulture));
        w.Write('\n');
    }

    private static void Sysmon1(StringBuilder sb, StreamWriter w, DateTime t, long record, string computer, Process child, Process parent, string user)
    {
        Begin(sb, "Microsoft-Windows-Sysmon", 1, t, record, "Microsoft-Windows-Sysmon/Operational", computer);
        Field(sb, "UtcTime", t.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));
        Field(sb, "ProcessGuid", child.Guid);
        Number(sb, "ProcessId", child.Pid);
        Field(sb, "Image", child.Image);
        Field(sb, "CommandLine", child.CommandLine);
        Field(sb, "User", user);
        Field(sb, "IntegrityLevel", user.StartsWith("NT ", StringComparison.Ordinal) ? "System" : "Medium");
        Field(sb, "ParentProcessGuid", parent.Guid);
        Number(sb, "ParentProcessId", parent.Pid);
        Field(sb, "ParentImage", parent.Image);
        Field(sb, "ParentCommandLine", parent.CommandLine, last: true);
        End(sb, w);
    }

    private static void Security4688(StringBuilder sb, StreamWriter w, DateTime t, long record, string computer, Process child, Process parent, string user)
    {
        Begin(sb, "Microsoft-Windows-Security-Auditing", 4688, t, record, "Security", computer);
        var slash = user.IndexOf('\\', StringComparison.Ordinal);
        Field(sb, "SubjectUserName", user[(slash + 1)..]);
        Field(sb, "SubjectDomainName", user[..slash]);
        Field(sb, "NewProcessId", "0x" + child.Pid.ToString("x", CultureInfo.InvariantCulture));
        Field(sb, "NewProcessName", child.Image);
        Field(sb, "ProcessId", "0x" + parent.Pid.ToString("x", CultureInfo.InvariantCulture));
        Field(sb, "CommandLine", child.CommandLine);
        Field(sb, "ParentProcessName", parent.Image, last: true);
        End(sb, w);
    }

    private static void Security4624(StringBuilder sb, StreamWriter w, Random random, DateTime t, long record, string computer, string tenant)
    {
        Begin(sb, "Microsoft-Windows-Security-Auditing", 4624, t, record, "Security", computer);
        var type = random.Next(10) switch { < 5 => 3, < 7 => 5, < 9 => 2, _ => 10 };
        var service = type == 5;
        Field(sb, "SubjectUserName", service ? "-" : computer[..computer.IndexOf('.', StringComparison.Ordinal)].ToUpperInvariant() + "$");
        Field(sb, "TargetUserName", service ? "SYSTEM" : _users[random.Next(_users.Length)]);
        Field(sb, "TargetDomainName", service ? "NT AUTHORITY" : tenant.ToUpperInvariant());
        Number(sb, "LogonType", type);
        Field(sb, "AuthenticationPackageName", type == 3 && random.Next(3) == 0 ? "NTLM" : "Kerberos");
        Field(sb, "WorkstationName", type is 3 or 10 ? string.Create(CultureInfo.InvariantCulture, $"{tenant}-ws{random.Next(1, 40):D2}") : "-");
        Field(sb, "IpAddress", type is 3 or 10 ? string.Create(CultureInfo.InvariantCulture, $"10.{random.Next(1, 9)}.{random.Next(256)}.{random.Next(1, 255)}") : "-", last: true);
        End(sb, w);
    }

    private static void Sysmon3(StringBuilder sb, StreamWriter w, Random random, DateTime t, long record, string computer, Process process)
    {
        Begin(sb, "Microsoft-Windows-Sysmon", 3, t, record, "Microsoft-Windows-Sysmon/Operational", computer);
        Field(sb, "Image", process.Image);
        Field(sb, "ProcessGuid", process.Guid);
        Field(sb, "Protocol", "tcp");
        Field(sb, "DestinationIp", string.Create(CultureInfo.InvariantCulture, $"10.{random.Next(1, 9)}.{random.Next(256)}.{random.Next(1, 255)}"));
        Number(sb, "DestinationPort", random.Next(4) switch { 0 => 445, 1 => 443, 2 => 135, _ => 88 }, last: true);
        End(sb, w);
    }

    private static void Sysmon11(StringBuilder sb, StreamWriter w, Random random, DateTime t, long record, string computer, Process process)
    {
        Begin(sb, "Microsoft-Windows-Sysmon", 11, t, record, "Microsoft-Windows-Sysmon/Operational", computer);
        Field(sb, "Image", process.Image);
        Field(sb, "ProcessGuid", process.Guid);
        Field(sb, "TargetFilename", string.Create(CultureInfo.InvariantCulture, $"C:\\Windows\\Temp\\{random.Next():x8}.tmp"), last: true);
        End(sb, w);
    }

    private static void Begin(StringBuilder sb, string provider, int id, DateTime t, long record, string channel, string computer)
    {
        sb.Clear();
        sb.Append("{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"").Append(provider).Append("\"}},\"EventID\":")
            .Append(id.ToString(CultureInfo.InvariantCulture))
            .Append(",\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"").Append(t.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture))
            .Append("\"}},\"EventRecordID\":").Append(record.ToString(CultureInfo.InvariantCulture))
            .Append(",\"Channel\":\"").Append(channel).Append("\",\"Computer\":\"").Append(computer).Append("\"},\"EventData\":{");
    }

    private static void Field(StringBuilder sb, string name, string value, bool last = false)
    {
        sb.Append('"').Append(name).Append("\":\"");
        foreach (var c in value)
        {
            if (c is '\\' or '"')
                sb.Append('\\');
            sb.Append(c);
        }

        sb.Append(last ? "\"" : "\",");
    }

    private static void Number(StringBuilder sb, string name, long value, bool last = false) =>
        sb.Append('"').Append(name).Append("\":").Append(value.ToString(CultureInfo.InvariantCulture)).Append(last ? string.Empty : ",");

    private static void End(StringBuilder sb, StreamWriter w)
    {
        sb.Append("}}}\n");
        w.Write(sb);
    }

    private static string CommandLine(Random random, string image)
    {
        var name = Path.GetFileName(image.Replace('\\', '/'));
        return name switch
        {
            "svchost.exe" => image + " -k netsvcs -p -s Schedule",
            "cmd.exe" => "cmd.exe /c " + (random.Next(3) == 0 ? "dir C:\\Users" : "echo %DATE%"),
            "powershell.exe" => "powershell.exe -NoProfile -Command Get-Service",
            "net.exe" => "net.exe group \"Domain Admins\" /domain",
            "chrome.exe" => "\"" + image + "\" --type=renderer",
            "csc.exe" => image + " /noconfig /fullpaths @\"C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\Temporary ASP.NET Files\\owa\\" + random.Next().ToString("x8", CultureInfo.InvariantCulture) + ".cmdline\"",
            _ => "\"" + image + "\"",
        };
    }

    private static string Guid(Random random, DateTime started)
    {
        var seconds = (uint)(started - DateTime.UnixEpoch).TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"{{5770385F-{seconds & 0xFFFF:X4}-{seconds >> 16:X4}-{random.Next(0x1000, 0xFFFF):X4}-{random.Next(0x100, 0xFFFF):X4}{random.Next(0, 0xFFFF):X4}0000}}");
    }

    private static StreamWriter Writer(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
    }

    private sealed record Process(string Guid, long Pid, string Image, string CommandLine);
}
