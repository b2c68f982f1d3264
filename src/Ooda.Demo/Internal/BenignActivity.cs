using System.Globalization;

namespace Ooda.Demo.Internal;

/// <summary>Everyday Windows activity of one host: logons, scheduled tasks, services, Defender, backup,
/// admin PowerShell and Exchange cmdlets, browsers on workstations.</summary>
internal sealed class BenignActivity(WindowsEvents w, DemoRandom random)
{
    private const string ExchangeBin = @"C:\Program Files\Microsoft\Exchange Server\V15\Bin\";
    private const string Powershell = @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe";

    private static readonly string[] _services =
    [
        "Windows Modules Installer", "Windows Update", "WinHTTP Web Proxy Auto-Discovery Service", "Windows Defender Antivirus Network Inspection Service",
        "Software Protection", "Background Intelligent Transfer Service", "Delivery Optimization", "Microsoft Account Sign-in Assistant",
    ];

    private static readonly string[] _exchangeReads =
    [
        "Get-Mailbox|-ResultSize \"Unlimited\"",
        "Get-MailboxStatistics|-Identity \"{user}\"",
        "Get-MailboxDatabase|-Status \"True\"",
        "Get-MailboxDatabaseCopyStatus|-Server \"{server}\"",
        "Get-ExchangeServer|",
        "Get-MessageTrackingLog|-Sender \"{user}\" -Start \"8/6/2021 12:00:00 AM\"",
        "Test-ServiceHealth|-Server \"{server}\"",
        "Get-TransportService|",
        "Set-Mailbox|-Identity \"{user}\" -ProhibitSendQuota \"9.5 GB (10,200,547,328 bytes)\"",
        "Get-ReceiveConnector|",
        "Get-Queue|",
    ];

    private static readonly string[] _adminScripts =
    [
        "Get-Mailbox -ResultSize Unlimited | Get-MailboxStatistics | Sort-Object TotalItemSize -Descending | Select-Object -First 20 DisplayName,TotalItemSize",
        "Get-MailboxDatabaseCopyStatus * | Format-Table Name,Status,CopyQueueLength,ContentIndexState",
        "Get-Queue | Where-Object { $_.MessageCount -gt 10 }",
        "Get-ExchangeServer | Format-List Name,Edition,AdminDisplayVersion",
        "Get-MessageTrackingLog -Start (Get-Date).AddHours(-4) -EventId FAIL | Select-Object Timestamp,Sender,Recipients",
    ];

    private static readonly string[] _dcScripts =
    [
        "Get-ADUser -Filter * -Properties LastLogonDate | Where-Object { $_.LastLogonDate -lt (Get-Date).AddDays(-90) } | Select-Object SamAccountName,LastLogonDate",
        "Get-ADGroupMember -Identity \"Domain Admins\" | Select-Object Name,SamAccountName",
        "Get-ADReplicationFailure -Target (Get-ADDomainController).HostName",
        "Get-GPO -All | Select-Object DisplayName,ModificationTime | Sort-Object ModificationTime -Descending",
    ];

    public double ActivitiesPerDay => (w.Host.IsDc ? 330 : w.Host.IsWorkstation ? 170 : 230) * w.Host.TrafficWeight;

    public void Start(DateTime t)
    {
        var host = w.Host;
        var roll = random.NextDouble();
        if (host.IsDc && roll < 0.45)
            DomainLogon(t);
        else if (roll < 0.3)
            NetworkLogon(t);
        else if (roll < 0.5)
            ScheduledTask(t);
        else if (roll < 0.58)
            Wmi(t);
        else if (roll < 0.64)
            ServiceChange(t);
        else if (host.Host.IsExchange && roll < 0.9)
            ExchangeAdmin(t);
        else if (host.IsWorkstation)
            Browsing(t);
        else if (host.IsDc)
            DcAdmin(t);
        else
            Defender(t);
    }

    /// <summary>Once a day: the backup job, the uptime record, and the occasional installer.</summary>
    public void Daily(DateTime day, int dayIndex)
    {
        var t = day.AddHours(1).AddSeconds(random.Next(0, 1800));
        var service = w.Logon(t, w.System with { Name = "SYSTEM", Domain = "NT AUTHORITY" }, 5, null, null, "Negotiate", true, "0x3e7");
        var agent = w.Process(t.AddMilliseconds(40), w.Services, @"C:\Program Files\Northwind Backup\Agent\nbagent.exe",
            @"""C:\Program Files\Northwind Backup\Agent\nbagent.exe"" --job nightly-system-state --target nbk-vault01", w.SystemProcessAccount,
            currentDirectory: @"C:\Program Files\Northwind Backup\Agent\");
        var backupServer = w.Host.Host.Ip[..w.Host.Host.Ip.LastIndexOf('.')] + ".40";
        w.Network(t.AddSeconds(2), agent, w.Host.Host.Ip, random.Next(49152, 65535), backupServer, 10001, "nbk-vault01." + w.Host.Tenant.Domain);
        w.FileCreate(t.AddSeconds(3), agent, @"C:\ProgramData\Northwind Backup\Logs\job-" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ".log");
        _ = service;

        var noon = day.AddHours(12).AddSeconds(random.Next(0, 5));
        w.Add(noon, new WinEvent
        {
            Time = noon,
            Channel = EventChannel.SystemEventLog,
            EventId = 6013,
            Qualifiers = 32768,
            Level = 4,
            Task = 0,
            Keywords = "0x80000000000000",
            UnnamedData = [((long)(noon - w.Boot).TotalSeconds).ToString(CultureInfo.InvariantCulture), "60", "0 Coordinated Universal Time"],
        });

        if (dayIndex == 1 && !w.Host.IsWorkstation && random.Chance(0.5))
        {
            var install = day.AddHours(10).AddMinutes(random.Next(0, 240));
            var msi = w.Process(install, w.Services, @"C:\Windows\System32\msiexec.exe", @"C:\Windows\system32\msiexec.exe /V", w.SystemProcessAccount);
            w.FileCreate(install.AddSeconds(5), msi, @"C:\Windows\Installer\" + random.NextLetters(5) + ".msi");
            w.ServiceInstalled(install.AddSeconds(21), "Northwind Backup Helper", @"""C:\Program Files\Northwind Backup\Agent\nbhelper.exe"" --service",
                "auto start", "LocalSystem", w.Admin.Sid);
        }
    }

    private void DomainLogon(DateTime t)
    {
        var user = random.Pick(w.Host.Users);
        var account = new Account(user.Sid, user.Sam, w.Host.Tenant.NetbiosDomain, "", "");
        var session = w.Logon(t, account, 3, user.WorkstationIp, null, "Kerberos", false);
        w.Logoff(t.AddMilliseconds(random.Next(10, 2000)), session, 3);
    }

    private void NetworkLogon(DateTime t)
    {
        var admin = w.Admin;
        var session = w.Logon(t, admin, 3, w.Host.Users[0].WorkstationIp, null, "Kerberos", true);
        w.Logoff(t.AddSeconds(random.Next(1, 600)), session, 3);
    }

    private void ScheduledTask(DateTime t)
    {
        var (image, command) = random.Pick<(string, string)>(
        [
            (@"C:\Windows\System32\taskhostw.exe", "taskhostw.exe SYSTEM"),
            (@"C:\Windows\System32\usoclient.exe", @"C:\Windows\system32\usoclient.exe StartScan"),
            (@"C:\Windows\System32\sc.exe", @"C:\Windows\system32\sc.exe start w32time task_started"),
            (@"C:\Windows\System32\gpupdate.exe", @"gpupdate.exe /target:computer"),
        ]);
        w.Process(t, w.ScheduleHost, image, command, w.SystemProcessAccount);
    }

    private void Wmi(DateTime t)
    {
        var wmi = w.Process(t, w.DcomLaunch, @"C:\Windows\System32\wbem\WmiPrvSE.exe", @"C:\Windows\system32\wbem\wmiprvse.exe -secured -Embedding",
            w.SystemProcessAccount with { Name = "NETWORK SERVICE", Sid = "S-1-5-20", LogonId = "0x3e4" });
        _ = wmi;
    }

    private void ServiceChange(DateTime t)
    {
        var service = random.Pick(_services);
        w.ServiceState(t, service, "running");
        w.ServiceState(t.AddSeconds(random.Next(30, 900)), service, "stopped");
    }

    private void Defender(DateTime t)
    {
        var engine = w.Process(t, w.ScheduleHost, @"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.2107.4-0\MpCmdRun.exe",
            @"""C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.2107.4-0\MpCmdRun.exe"" -" + random.Pick(["SignatureUpdate", "IdleTask -TaskName WdCacheMaintenance", "wdenable"]),
            w.SystemProcessAccount);
        w.FileCreate(t.AddSeconds(4), engine, @"C:\Windows\Temp\MpCmdRun.log");
    }

    private void ExchangeAdmin(DateTime t)
    {
        var host = w.Host;
        var roll = random.NextDouble();
        if (roll < 0.25 && w.OwaAppPool is { } owa)
        {
            // An app pool recycle recompiles pages: w3wp starts csc.exe and writes App_Web_*.dll — benign, but it looks like the attack.
            var name = random.NextLetters(8);
            var folder = @"C:\Windows\Microsoft.NET\Framework64\v4.0.30319\Temporary ASP.NET Files\owa\" + random.NextLetters(8) + @"\" + random.NextLetters(8) + @"\";
            var csc = w.Process(t, owa, @"C:\Windows\Microsoft.NET\Framework64\v4.0.30319\csc.exe",
                @"""C:\Windows\Microsoft.NET\Framework64\v4.0.30319\csc.exe"" /t:library /utf8output /nostdlib+ /R:""C:\Windows\Microsoft.Net\assembly\GAC_MSIL\System.Web\v4.0_4.0.0.0__b03f5f7f11d50a3a\System.Web.dll"" /out:""" + folder + "App_Web_" + name + @".dll"" /debug- /optimize+ /w:4 /nowarn:1659;1699;1701;612;618 /warnaserror-  @""" + folder + name + @".cmdline""",
                w.SystemProcessAccount, currentDirectory: @"C:\Windows\System32\inetsrv\");
            w.FileCreate(t.AddMilliseconds(900), csc, folder + "App_Web_" + name + ".dll");
            return;
        }

        if (roll < 0.35 && w.MailboxReplication is { } mrs)
        {
            w.FileCreate(t, mrs, @"C:\Program Files\Microsoft\Exchange Server\V15\Logging\MailboxReplicationService\MRS_" + t.ToString("yyyyMMddHH", CultureInfo.InvariantCulture) + "-1.LOG");
            return;
        }

        var admin = host.Users[1 - (int)(random.NextUInt64() % 2)];
        var adminAccount = new Account(admin.Sid, admin.Sam, host.Tenant.NetbiosDomain, "", "");
        var callerPath = host.Tenant.Domain + "/Users/" + admin.Sam;
        if (roll < 0.55)
        {
            // Interactive Exchange Management Shell over RDP.
            var session = w.Logon(t, adminAccount, 10, admin.WorkstationIp, admin.Sam.ToUpperInvariant()[..Math.Min(15, admin.Sam.Length)], "Negotiate", true);
            var explorer = new ProcessInfo(7000 + 4 * random.Next(0, 300), w.Guid(), @"C:\Windows\explorer.exe", @"C:\Windows\Explorer.EXE", session, "Medium");
            var shell = w.Process(t.AddSeconds(40), explorer, Powershell,
                @"""C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe"" -noexit -command "". 'C:\Program Files\Microsoft\Exchange Server\V15\bin\RemoteExchange.ps1'; Connect-ExchangeServer -auto -ClientApplication:ManagementShell """,
                session, "High", @"C:\Program Files\Microsoft\Exchange Server\V15\bin\");
            _ = shell;
            var script = random.Pick(_adminScripts);
            w.ScriptBlock(t.AddSeconds(55), session, script);
            var commands = random.Next(1, 4);
            for (var i = 0; i < commands; i++)
                Cmdlet(t.AddSeconds(56 + i * random.Next(5, 60)), admin, callerPath, "Remote-ManagementShell-Unknown");
            w.Logoff(t.AddMinutes(random.Next(5, 40)), session, 10);
            return;
        }

        // Monitoring and ECP: cmdlets without a shell on the box.
        Cmdlet(t, admin, callerPath, random.Chance(0.5) ? "EcpWebPage" : "Remote-ManagementShell-Unknown");
    }

    private void Cmdlet(DateTime t, DemoUser admin, string callerPath, string shell)
    {
        var entry = random.Pick(_exchangeReads).Split('|');
        var user = random.Pick(w.Host.Users);
        var parameters = entry[1].Replace("{user}", user.Upn, StringComparison.Ordinal).Replace("{server}", w.Host.Netbios, StringComparison.Ordinal);
        var pool = shell == "EcpWebPage" ? "w3wp#MSExchangeECPAppPool" : "w3wp#MSExchangePowerShellAppPool";
        w.ExchangeCmdlet(t, entry[0], parameters, callerPath, admin.Sid, shell, (9000 + random.Next(0, 900) * 4).ToString(CultureInfo.InvariantCulture) + " " + pool,
            TimeSpan.FromMilliseconds(random.Next(20, 4000)));
    }

    private void DcAdmin(DateTime t)
    {
        var admin = w.Host.Users[0];
        var account = new Account(admin.Sid, admin.Sam, w.Host.Tenant.NetbiosDomain, "", "");
        var session = w.Logon(t, account, 10, admin.WorkstationIp, "ADMIN-PC", "Negotiate", true);
        var explorer = new ProcessInfo(7000 + 4 * random.Next(0, 300), w.Guid(), @"C:\Windows\explorer.exe", @"C:\Windows\Explorer.EXE", session, "Medium");
        w.Process(t.AddSeconds(20), explorer, Powershell, @"""C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe""", session, "High", @"C:\Users\" + admin.Sam + @"\");
        w.ScriptBlock(t.AddSeconds(45), session, random.Pick(_dcScripts));
        w.Logoff(t.AddMinutes(random.Next(3, 30)), session, 10);
    }

    private void Browsing(DateTime t)
    {
        var user = w.Host.Users[2 + (int)(w.Host.MachineGuidPrefix % (uint)(w.Host.Users.Count - 2))];
        var account = new Account(user.Sid, user.Sam, w.Host.Tenant.NetbiosDomain, "0x" + (w.Host.MachineGuidPrefix & 0xFFFFF).ToString("x", CultureInfo.InvariantCulture), w.Guid());
        var explorer = new ProcessInfo(6000 + (int)(w.Host.MachineGuidPrefix % 500) * 4, w.Guid(), @"C:\Windows\explorer.exe", @"C:\Windows\Explorer.EXE", account, "Medium");
        var app = random.Chance(0.6)
            ? w.Process(t, explorer, @"C:\Program Files\Google\Chrome\Application\chrome.exe", @"""C:\Program Files\Google\Chrome\Application\chrome.exe""", account, "Medium", @"C:\Program Files\Google\Chrome\Application\92.0.4515.131\")
            : w.Process(t, explorer, @"C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE", @"""C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE"" ", account, "Medium", @"C:\Users\" + user.Sam + @"\");
        var proxy = w.Host.Host.Ip[..w.Host.Host.Ip.IndexOf('.', 3)] + ".0.8";
        w.Network(t.AddSeconds(1), app, w.Host.Host.Ip, random.Next(49152, 65535), proxy, 8080, "proxy." + w.Host.Tenant.Domain);
    }
}
