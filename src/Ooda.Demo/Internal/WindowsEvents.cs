using System.Globalization;

namespace Ooda.Demo.Internal;

/// <summary>
/// Builds the Windows events of one host (Sysmon, Security, System, PowerShell, MSExchange Management) with
/// consistent process ids, process GUIDs and logon sessions, and queues them by time.
/// </summary>
internal sealed class WindowsEvents
{
    private const string SecurityKeywords = "0x8020000000000000";
    private const string SysmonKeywords = "0x8000000000000000";
    private const string ServiceControlKeywords = "0x8080000000000000";

    private readonly DemoRandom _random;
    private readonly string _activityId;
    private int _nextPid = 2000;
    private long _logonCounter;

    public WindowsEvents(HostProfile host, DemoRandom random, TimedQueue<WinEvent> queue)
    {
        Host = host;
        _random = random;
        Queue = queue;
        _activityId = random.NextGuid().ToString("D").ToUpperInvariant();
        var boot = DemoOptions.Start.AddDays(-random.Next(3, 20)).AddSeconds(random.Next(86_400));
        Boot = boot;
        System = new Account("S-1-5-18", host.Netbios + "$", host.Tenant.NetbiosDomain, "0x3e7", "00000000-0000-0000-0000-000000000000");
        var systemUser = System with { Name = "SYSTEM", Domain = "NT AUTHORITY" };
        SystemProcessAccount = systemUser;
        Services = LongLived(boot.AddSeconds(4), 640 + 4 * random.Next(0, 10), @"C:\Windows\system32\services.exe", @"C:\Windows\system32\services.exe", systemUser);
        Lsass = LongLived(boot.AddSeconds(4), Services.Pid + 12, @"C:\Windows\system32\lsass.exe", @"C:\Windows\system32\lsass.exe", systemUser);
        ScheduleHost = LongLived(boot.AddSeconds(9), 1100 + 4 * random.Next(0, 200), @"C:\Windows\system32\svchost.exe", @"C:\Windows\system32\svchost.exe -k netsvcs -p -s Schedule", systemUser);
        DcomLaunch = LongLived(boot.AddSeconds(6), 800 + 4 * random.Next(0, 40), @"C:\Windows\system32\svchost.exe", @"C:\Windows\system32\svchost.exe -k DcomLaunch -p", systemUser);
        var admin = host.Users[0];
        Admin = new Account(admin.Sid, admin.Sam, host.Tenant.NetbiosDomain, NewLogonId(), Guid());
        if (host.Host.IsExchange)
        {
            DefaultAppPool = LongLived(boot.AddMinutes(3), 4000 + 4 * random.Next(0, 500), @"C:\Windows\System32\inetsrv\w3wp.exe",
                @"c:\windows\system32\inetsrv\w3wp.exe -ap ""DefaultAppPool"" -v ""v4.0"" -l ""webengine4.dll"" -a \\.\pipe\iisipm" + random.NextGuid().ToString("D") + @" -h ""C:\inetpub\temp\apppools\DefaultAppPool\DefaultAppPool.config"" -w """" -m 0 -t 20",
                systemUser);
            OwaAppPool = LongLived(boot.AddMinutes(3), DefaultAppPool.Pid + 4 * random.Next(10, 300), @"C:\Windows\System32\inetsrv\w3wp.exe",
                @"c:\windows\system32\inetsrv\w3wp.exe -ap ""MSExchangeOWAAppPool"" -v ""v4.0"" -c ""C:\Program Files\Microsoft\Exchange Server\V15\bin\GenericAppPoolConfigWithGCServerEnabledFalse.config"" -a \\.\pipe\iisipm" + random.NextGuid().ToString("D") + @" -h ""C:\inetpub\temp\apppools\MSExchangeOWAAppPool\MSExchangeOWAAppPool.config"" -w """" -m 0",
                systemUser);
            MailboxReplication = LongLived(boot.AddMinutes(2), 3000 + 4 * random.Next(0, 200), @"C:\Program Files\Microsoft\Exchange Server\V15\Bin\MSExchangeMailboxReplication.exe",
                @"""C:\Program Files\Microsoft\Exchange Server\V15\Bin\MSExchangeMailboxReplication.exe""", systemUser);
        }
    }

    public HostProfile Host { get; }

    public TimedQueue<WinEvent> Queue { get; }

    public DateTime Boot { get; }

    /// <summary>The machine account (for Security SubjectUser fields).</summary>
    public Account System { get; }

    /// <summary>NT AUTHORITY\SYSTEM, as Sysmon names it.</summary>
    public Account SystemProcessAccount { get; }

    public Account Admin { get; }

    public ProcessInfo Services { get; }

    public ProcessInfo Lsass { get; }

    public ProcessInfo ScheduleHost { get; }

    public ProcessInfo DcomLaunch { get; }

    public ProcessInfo? DefaultAppPool { get; }

    public ProcessInfo? OwaAppPool { get; }

    public ProcessInfo? MailboxReplication { get; }

    public string NewLogonId() => string.Create(CultureInfo.InvariantCulture, $"0x{0x100000 + (++_logonCounter * 7919) + _random.Next(0, 4000):x}");

    public string Guid() => _random.NextGuid().ToString("D").ToUpperInvariant();

    public ProcessInfo Process(DateTime t, ProcessInfo parent, string image, string commandLine, Account user, string integrity = "System", string? currentDirectory = null)
    {
        _nextPid += 4 * _random.Next(1, 60);
        if (_nextPid > 30_000)
            _nextPid = 1200 + 4 * _random.Next(0, 100);
        var process = new ProcessInfo(_nextPid, ProcessGuid(t), image, commandLine, user, integrity);
        var (version, description, product, company, original) = ImageCatalog.Describe(image);
        var sysmonUser = user.IsSystem ? "NT AUTHORITY\\SYSTEM" : user.Qualified;
        Add(t.AddMilliseconds(1), Sysmon(t, 1, 5, new EventData()
            .Add("RuleName", "-")
            .Add("UtcTime", SysmonTime(t))
            .Add("ProcessGuid", process.Guid)
            .Add("ProcessId", process.Pid)
            .Add("Image", image)
            .Add("FileVersion", version)
            .Add("Description", description)
            .Add("Product", product)
            .Add("Company", company)
            .Add("OriginalFileName", original)
            .Add("CommandLine", commandLine)
            .Add("CurrentDirectory", currentDirectory ?? @"C:\Windows\system32\")
            .Add("User", sysmonUser)
            .Add("LogonGuid", user.LogonGuid)
            .Add("LogonId", user.LogonId)
            .Add("TerminalSessionId", user.IsSystem ? 0 : 2)
            .Add("IntegrityLevel", integrity)
            .Add("Hashes", ImageCatalog.Hashes(image))
            .Add("ParentProcessGuid", parent.Guid)
            .Add("ParentProcessId", parent.Pid)
            .Add("ParentImage", parent.Image)
            .Add("ParentCommandLine", parent.CommandLine)
            .Add("ParentUser", parent.User.IsSystem ? "NT AUTHORITY\\SYSTEM" : parent.User.Qualified)));
        var subject = user.IsSystem ? System : user;
        Add(t, Security(t, 4688, 2, 13312, new EventData()
            .Add("SubjectUserSid", subject.Sid)
            .Add("SubjectUserName", subject.Name)
            .Add("SubjectDomainName", subject.Domain)
            .Add("SubjectLogonId", subject.LogonId)
            .Add("NewProcessId", Hex(process.Pid))
            .Add("NewProcessName", image)
            .Add("TokenElevationType", user.IsSystem ? "%%1936" : "%%1937")
            .Add("ProcessId", Hex(parent.Pid))
            .Add("CommandLine", commandLine)
            .Add("TargetUserSid", "S-1-0-0")
            .Add("TargetUserName", "-")
            .Add("TargetDomainName", "-")
            .Add("TargetLogonId", "0x0")
            .Add("ParentProcessName", parent.Image)
            .Add("MandatoryLabel", integrity == "System" ? "S-1-16-16384" : integrity == "High" ? "S-1-16-12288" : "S-1-16-8192")));
        return process;
    }

    public void FileCreate(DateTime t, ProcessInfo process, string path) =>
        Add(t, Sysmon(t, 11, 2, new EventData()
            .Add("RuleName", "-")
            .Add("UtcTime", SysmonTime(t))
            .Add("ProcessGuid", process.Guid)
            .Add("ProcessId", process.Pid)
            .Add("Image", process.Image)
            .Add("TargetFilename", path)
            .Add("CreationUtcTime", SysmonTime(t))
            .Add("User", process.User.IsSystem ? "NT AUTHORITY\\SYSTEM" : process.User.Qualified)));

    public void Network(DateTime t, ProcessInfo process, string sourceIp, int sourcePort, string destinationIp, int destinationPort, string? destinationHost) =>
        Add(t, Sysmon(t, 3, 5, new EventData()
            .Add("RuleName", "-")
            .Add("UtcTime", SysmonTime(t))
            .Add("ProcessGuid", process.Guid)
            .Add("ProcessId", process.Pid)
            .Add("Image", process.Image)
            .Add("User", process.User.IsSystem ? "NT AUTHORITY\\SYSTEM" : process.User.Qualified)
            .Add("Protocol", "tcp")
            .Add("Initiated", "true")
            .Add("SourceIsIpv6", "false")
            .Add("SourceIp", sourceIp)
            .Add("SourceHostname", Host.Host.Fqdn)
            .Add("SourcePort", sourcePort)
            .Add("SourcePortName", "-")
            .Add("DestinationIsIpv6", "false")
            .Add("DestinationIp", destinationIp)
            .Add("DestinationHostname", destinationHost ?? "-")
            .Add("DestinationPort", destinationPort)
            .Add("DestinationPortName", destinationPort switch { 445 => "microsoft-ds", 443 => "https", 389 => "ldap", 88 => "kerberos", _ => "-" })));

    /// <summary>4624 (+4672 when privileged); returns the new session.</summary>
    public Account Logon(DateTime t, Account who, int logonType, string? ipAddress, string? workstation, string package, bool privileged, string? logonId = null)
    {
        var session = who with { LogonId = logonId ?? NewLogonId(), LogonGuid = package == "Kerberos" ? Guid() : "00000000-0000-0000-0000-000000000000" };
        var process = logonType is 2 or 10 or 11 ? Host.Host.Name : null;
        Add(t, Security(t, 4624, 2, 12544, new EventData()
            .Add("SubjectUserSid", process is null && logonType != 5 ? "S-1-0-0" : System.Sid)
            .Add("SubjectUserName", process is null && logonType != 5 ? "-" : System.Name)
            .Add("SubjectDomainName", process is null && logonType != 5 ? "-" : System.Domain)
            .Add("SubjectLogonId", process is null && logonType != 5 ? "0x0" : System.LogonId)
            .Add("TargetUserSid", session.Sid)
            .Add("TargetUserName", session.Name)
            .Add("TargetDomainName", session.Domain)
            .Add("TargetLogonId", session.LogonId)
            .Add("LogonType", logonType)
            .Add("LogonProcessName", logonType == 3 ? (package == "NTLM" ? "NtLmSsp " : "Kerberos") : logonType == 5 ? "Advapi  " : "User32 ")
            .Add("AuthenticationPackageName", package == "NTLM" ? "NTLM" : logonType == 5 ? "Negotiate" : package)
            .Add("WorkstationName", workstation ?? "-")
            .Add("LogonGuid", "{" + session.LogonGuid + "}")
            .Add("TransmittedServices", "-")
            .Add("LmPackageName", package == "NTLM" ? "NTLM V2" : "-")
            .Add("KeyLength", package == "NTLM" ? 128 : 0)
            .Add("ProcessId", logonType == 3 ? "0x0" : Hex(logonType == 5 ? Services.Pid : Lsass.Pid))
            .Add("ProcessName", logonType == 3 ? "-" : logonType == 5 ? Services.Image : @"C:\Windows\System32\svchost.exe")
            .Add("IpAddress", ipAddress ?? "-")
            .Add("IpPort", ipAddress is null ? "-" : _random.Next(49152, 65535).ToString(CultureInfo.InvariantCulture))
            .Add("ImpersonationLevel", "%%1833")
            .Add("RestrictedAdminMode", logonType == 10 ? "%%1843" : "-")
            .Add("TargetOutboundUserName", "-")
            .Add("TargetOutboundDomainName", "-")
            .Add("VirtualAccount", "%%1843")
            .Add("TargetLinkedLogonId", "0x0")
            .Add("ElevatedToken", privileged ? "%%1842" : "%%1843")));
        if (privileged)
        {
            Add(t.AddTicks(1), Security(t, 4672, 0, 12548, new EventData()
                .Add("SubjectUserSid", session.Sid)
                .Add("SubjectUserName", session.Name)
                .Add("SubjectDomainName", session.Domain)
                .Add("SubjectLogonId", session.LogonId)
                .Add("PrivilegeList", "SeSecurityPrivilege\r\n\t\t\tSeBackupPrivilege\r\n\t\t\tSeRestorePrivilege\r\n\t\t\tSeTakeOwnershipPrivilege\r\n\t\t\tSeDebugPrivilege\r\n\t\t\tSeSystemEnvironmentPrivilege\r\n\t\t\tSeLoadDriverPrivilege\r\n\t\t\tSeImpersonatePrivilege\r\n\t\t\tSeDelegateSessionUserImpersonatePrivilege\r\n\t\t\tSeEnableDelegationPrivilege")));
        }

        return session;
    }

    public void Logoff(DateTime t, Account session, int logonType) =>
        Add(t, Security(t, 4634, 0, 12545, new EventData()
            .Add("TargetUserSid", session.Sid)
            .Add("TargetUserName", session.Name)
            .Add("TargetDomainName", session.Domain)
            .Add("TargetLogonId", session.LogonId)
            .Add("LogonType", logonType)));

    public void Add(DateTime t, WinEvent e) => Queue.Add(t, e);

    public WinEvent Security(DateTime t, int id, int version, int task, EventData data) => new()
    {
        Time = t,
        Channel = EventChannel.Security,
        EventId = id,
        Version = version,
        Level = 0,
        Task = task,
        Opcode = 0,
        Keywords = SecurityKeywords,
        ActivityId = _activityId,
        ProcessId = Lsass.Pid,
        ThreadId = Lsass.Pid + 4 * (1 + (id % 40)),
        Data = data.Build(),
    };

    public WinEvent Sysmon(DateTime t, int id, int version, EventData data) => new()
    {
        Time = t,
        Channel = EventChannel.Sysmon,
        EventId = id,
        Version = version,
        Level = 4,
        Task = id,
        Opcode = 0,
        Keywords = SysmonKeywords,
        ProcessId = 2900 + (int)(Host.MachineGuidPrefix % 400) * 4,
        ThreadId = 3700 + (int)(Host.MachineGuidPrefix % 97) * 4,
        UserId = "S-1-5-18",
        Data = data.Build(),
    };

    public WinEvent ServiceControl(DateTime t, int id, string? userSid, EventData data) => new()
    {
        Time = t,
        Channel = EventChannel.System,
        EventId = id,
        Qualifiers = 16384,
        Version = 0,
        Level = 4,
        Task = 0,
        Opcode = 0,
        Keywords = ServiceControlKeywords,
        ProcessId = Services.Pid,
        ThreadId = Services.Pid + 8 * (1 + (id % 13)),
        UserId = userSid,
        Data = data.Build(),
    };

    public void ServiceInstalled(DateTime t, string name, string imagePath, string startType, string account, string installerSid) =>
        Add(t, ServiceControl(t, 7045, installerSid, new EventData()
            .Add("ServiceName", name)
            .Add("ImagePath", imagePath)
            .Add("ServiceType", "user mode service")
            .Add("StartType", startType)
            .Add("AccountName", account)));

    public void ServiceState(DateTime t, string displayName, string state) =>
        Add(t, ServiceControl(t, 7036, null, new EventData()
            .Add("param1", displayName)
            .Add("param2", state)
            .Add("Binary", Convert.ToHexString(global::System.Text.Encoding.Unicode.GetBytes(displayName.Replace(" ", "", StringComparison.Ordinal) + "/" + (state == "running" ? "4" : "1"))) + "0000")));

    public void ScriptBlock(DateTime t, Account user, string text, string path = "")
    {
        Add(t, new WinEvent
        {
            Time = t,
            Channel = EventChannel.PowerShell,
            EventId = 4104,
            Version = 1,
            Level = text.Contains("-enc", StringComparison.OrdinalIgnoreCase) || text.Contains("lsass", StringComparison.OrdinalIgnoreCase) ? 3 : 5,
            Task = 2,
            Opcode = 15,
            Keywords = "0x0",
            ActivityId = Guid(),
            ProcessId = 5000 + _random.Next(0, 900) * 4,
            ThreadId = 6000 + _random.Next(0, 900) * 4,
            UserId = user.Sid,
            Data = new EventData()
                .Add("MessageNumber", 1)
                .Add("MessageTotal", 1)
                .Add("ScriptBlockText", text)
                .Add("ScriptBlockId", _random.NextGuid().ToString("D"))
                .Add("Path", path)
                .Build(),
        });
    }

    /// <summary>MSExchange Management event 1: the cmdlet audit record, rendered as the unnamed Data array.</summary>
    public void ExchangeCmdlet(DateTime t, string cmdlet, string parameters, string callerPath, string callerSid, string shell, string process, TimeSpan duration)
    {
        var dc = Host.Tenant.Name.Split('-')[0] + "-dc01." + Host.Tenant.Domain;
        var settings = "View Entire Forest: 'False', Default Scope: '" + Host.Tenant.Domain + "', Configuration Domain Controller: '" + dc
            + "', Preferred Global Catalog: '" + dc + "', Preferred Domain Controllers: '{ " + dc + " }'";
        Add(t, new WinEvent
        {
            Time = t,
            Channel = EventChannel.ExchangeManagement,
            EventId = 1,
            Qualifiers = 16384,
            Level = 4,
            Task = 1,
            Keywords = "0x80000000000000",
            UnnamedData =
            [
                cmdlet, parameters, callerPath, callerSid, callerSid, shell, process, "",
                _random.Next(1, 40).ToString(CultureInfo.InvariantCulture),
                duration.ToString("c", CultureInfo.InvariantCulture),
                settings, "", "", "", "", "", "", "False", "", "0 objects execution has been proxied to remote server.", "", "", "0",
                "ActivityId: " + _random.NextGuid().ToString("D"), "ServicePlan:;IsAdmin:True;", "", "en-US",
            ],
        });
    }

    public static string SysmonTime(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string Hex(int value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    private ProcessInfo LongLived(DateTime started, int pid, string image, string commandLine, Account user) =>
        new(pid, ProcessGuid(started), image, commandLine, user, "System");

    /// <summary>Sysmon's ProcessGuid: machine part, process start time (seconds, low then high word), a counter.</summary>
    private string ProcessGuid(DateTime started)
    {
        var seconds = (uint)(started - DateTime.UnixEpoch).TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Host.MachineGuidPrefix:X8}-{seconds & 0xFFFF:X4}-{seconds >> 16:X4}-{_random.Next(0x1000, 0xFFFF):X4}-{_random.Next(0x100, 0xFFFF):X4}{_random.Next(0, 0xFFFF):X4}0000");
    }
}
