using Ooda.Core;
using Ooda.Store;

namespace Ooda.Engine.Tests.Response;

/// <summary>A small intrusion on acme: a web shell and an attacker process on acme-ex01, an account created on acme-dc01, exploitation from outside.</summary>
internal static class ResponseFixture
{
    public static readonly DateTime T0 = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    public const string ShellPath = @"C:\inetpub\wwwroot\aspnet_client\system_web\shell.aspx";

    public static readonly string ShellSha = new('5', 64);

    public static Finding Make(string id, string host, string severity, string detector, IReadOnlyList<string> techniques, params (string Key, string Value)[] details) => new()
    {
        Id = id,
        Title = "finding " + id,
        Severity = severity,
        Detector = detector,
        Tenant = "acme",
        Host = host,
        Timestamp = T0,
        Techniques = techniques,
        Sources = [new FindingSource("proxyshell", null, null)],
        Provenance = new Provenance("e.evtx", new string('a', 64), -1, 1),
        Details = [.. details.Select(d => new KeyValuePair<string, string>(d.Key, d.Value))],
    };

    public static List<Finding> Findings() =>
    [
        Make("shell", "acme-ex01", "critical", "webshell", ["T1505.003"]) with
        {
            OriginalPath = ShellPath,
            Provenance = new Provenance("fs/C/inetpub/shell.aspx", ShellSha, -1, 0),
        },
        Make("proc", "acme-ex01", "high", "sigma", ["T1059.001"], ("Image", @"C:\Users\Public\beacon.exe"), ("ProcessId", "4242"), ("ParentImage", @"c:\windows\system32\inetsrv\w3wp.exe")),
        Make("w3wp", "acme-ex01", "high", "sigma", ["T1059.003"], ("Image", @"C:\Windows\System32\inetsrv\w3wp.exe"), ("ProcessId", "1000")),
        Make("user", "acme-dc01", "high", "sigma", ["T1136.002"], ("TargetUserName", "svc-backup$x"), ("TargetDomainName", "ACME")) with { EventId = 4720 },
        Make("exploit", "acme-ex01", "high", "sigma", ["T1190"], ("c-ip", "203.0.113.66"), ("cs-uri-stem", "/autodiscover/autodiscover.json")),
        Make("internal", "acme-ex01", "high", "sigma", ["T1190"], ("c-ip", "10.0.0.5")),
        Make("export", "acme-ex01", "critical", "sigma", ["T1114.002"],
            ("Payload", "New-MailboxExportRequest -Mailbox \"administrator\" -FilePath \\\\127.0.0.1\\c$\\inetpub\\wwwroot\\aspnet_client\\x.aspx")),
        Make("role", "acme-ex01", "high", "sigma", ["T1098"], ("Payload", "New-ManagementRoleAssignment -Role \"Mailbox Import Export\" -User \"attacker\"")),
        Make("ioc", "acme-ex01", "medium", "ioc", ["T1505.003"]) with { RuleId = new string('B', 64) },
    ];

    /// <summary>A workspace holding the findings, a case over both hosts, and a triage with acme-ex01 on a vulnerable build.</summary>
    public static Workspace Open(string folder, string? inventoryMode = null)
    {
        var workspace = Workspace.Open(folder);
        var findings = Findings();
        workspace.SaveFindings(findings, T0);
        workspace.SaveTriage("inventory.csv", [],
        [
            new StoredTriageHost(1, "acme", "acme-ex01", "mail.acme.example", "198.51.100.10", "15.2.858.5", "vulnerable", ["CVE-2021-34473"], true, "critical", [], inventoryMode),
            new StoredTriageHost(2, "acme", "acme-dc01", null, null, null, "not-exchange", [], null, "none", [], inventoryMode),
        ], 0, T0);
        workspace.CreateCase(new NewCase
        {
            Tenant = "acme",
            Title = "ProxyShell intrusion",
            Severity = "critical",
            Hosts = [new("acme-ex01", "web shell"), new("acme-dc01", "lateral movement")],
            FindingIds = [.. findings.Select(f => f.Id)],
        }, "dana", T0);
        return workspace;
    }
}
