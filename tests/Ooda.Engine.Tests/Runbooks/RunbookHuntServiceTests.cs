using System.Text;
using Ooda.Core;
using Ooda.Detection.Runbooks;
using Ooda.Detection.Yara;
using Ooda.Engine.Runbooks;
using Ooda.Testing;

namespace Ooda.Engine.Tests.Runbooks;

/// <summary>Every kind of runbook hunt step over a small collection we write: what fires, with what, and what says why it cannot run.</summary>
public sealed class RunbookHuntServiceTests : IDisposable
{
    private const string AttackerIp = "203.0.113.9";

    private readonly TempDirectory _dir = new();

    public RunbookHuntServiceTests() => WriteCollection(Path.Combine(_dir.Path, "collection"));

    public void Dispose() => _dir.Dispose();

    // File hunts take the tenant and host from the command line, as `ooda hunt <folder> --tenant --host` does.
    private static readonly RunbookHuntOptions _acme = new(Tenant: "acme", Host: "ex01");

    private string HostFolder(string collection) => Path.Combine(_dir.Path, collection, "acme", "ex01");

    private static Runbook Runbook(string extraHunts = "")
    {
        var text = $$"""
            id: test-threat
            title: Test threat
            version: 1.2.0
            changelog:
              - { version: 1.2.0, date: 2026-11-28, changes: [test] }
            iocs:
              - { type: ip, value: "{{AttackerIp}}", comment: attacker }
              - { type: keyword, value: never-present-anywhere }
            hunts:
              - id: shell-from-w3wp
                title: IIS worker starts a shell
                techniques: [T1505.003]
                severity: high
                sigma:
                  title: IIS worker starts a shell
                  logsource: { product: windows, category: process_creation }
                  detection:
                    selection:
                      ParentImage|endswith: '\w3wp.exe'
                      Image|endswith: '\cmd.exe'
                    condition: selection
              - id: posts
                title: Posts to aspnet_client
                severity: critical
                sql: SELECT tenant, host FROM events
              - id: iocs
                title: Known IOCs
                severity: medium
                iocs: all
              - id: webshells
                title: Webshell checks
                severity: critical
                fileCheck: webshell
              - id: pst-page
                title: PST header in a page
                techniques: [T1505.003]
                severity: critical
                yara: |
                  rule pst_in_page { strings: $pst = "!BDN" condition: $pst at 0 and filename matches /\.aspx$/ }
            {{extraHunts}}
            """;
        var loaded = RunbookLoader.LoadText(text, "test-threat.yml");
        Assert.True(loaded.Runbook is not null, string.Join("; ", loaded.Errors));
        return loaded.Runbook;
    }

    private static void WriteCollection(string root)
    {
        var host = Path.Combine(root, "acme", "ex01");
        Directory.CreateDirectory(Path.Combine(host, "evtx"));
        static string Sysmon(int record, string parent, string image) =>
            "{\"Event\":{\"System\":{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"Computer\":\"ex01.acme.example\",\"EventRecordID\":"
            + record.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + ",\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"2021-08-07T03:0" + record.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + ":00Z\"}}},\"EventData\":{\"ParentImage\":\"" + parent + "\",\"Image\":\"" + image + "\",\"CommandLine\":\"x\"}}}";
        File.WriteAllLines(Path.Combine(host, "evtx", "sysmon.jsonl"),
        [
            Sysmon(1, @"C:\\Windows\\System32\\inetsrv\\w3wp.exe", @"C:\\Windows\\System32\\cmd.exe"),
            Sysmon(2, @"C:\\Windows\\System32\\inetsrv\\w3wp.exe", @"C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\csc.exe"),
            Sysmon(3, @"C:\\Windows\\explorer.exe", @"C:\\Windows\\System32\\cmd.exe"),
        ]);
        var logs = Path.Combine(host, "inetpub", "logs", "LogFiles", "W3SVC1");
        Directory.CreateDirectory(logs);
        File.WriteAllText(Path.Combine(logs, "u_ex210807.log"),
            "#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2021-08-07 03:00:00\n"
            + "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken\n"
            + $"2021-08-07 03:10:00 10.0.0.5 POST /aspnet_client/x.aspx - 443 - {AttackerIp} Mozilla/5.0 200 0 0 12\n"
            + "2021-08-07 03:11:00 10.0.0.5 GET /owa/ - 443 - 10.1.1.1 Mozilla/5.0 200 0 0 10\n");
        var web = Path.Combine(host, "fs", "C", "inetpub", "wwwroot", "aspnet_client");
        Directory.CreateDirectory(web);
        var pst = new byte[4096];
        "!BDN"u8.CopyTo(pst);
        "SM"u8.CopyTo(pst.AsSpan(8));
        File.WriteAllBytes(Path.Combine(web, "x.aspx"), pst);
        File.WriteAllText(Path.Combine(web, "readme.txt"), "nothing here", Encoding.UTF8);
    }

    [Fact]
    public void An_inline_sigma_hunt_reports_runbook_hunt_techniques_severity_and_provenance()
    {
        using var service = new RunbookHuntService([Runbook()], _acme);
        var result = service.HuntFiles([HostFolder("collection")]);
        var shell = Assert.Single(result.Findings, f => f.Sources.Any(s => s.HuntId == "shell-from-w3wp"));
        Assert.Equal([new FindingSource("test-threat", "1.2.0", "shell-from-w3wp")], shell.Sources);
        Assert.Equal("high", shell.Severity);
        Assert.Equal(["T1505.003"], shell.Techniques);
        Assert.Equal(("acme", "ex01"), (shell.Tenant, shell.Host));
        Assert.EndsWith("sysmon.jsonl", shell.Provenance.File, StringComparison.Ordinal);
        Assert.Equal(1, shell.Provenance.Line);
        Assert.Equal(new DateTime(2021, 8, 7, 3, 1, 0, DateTimeKind.Utc), shell.Timestamp);
    }

    private static Runbook SharingRunbook(string id, string severity, string technique)
    {
        var text = $$"""
            id: {{id}}
            title: Runbook {{id}}
            version: 1.0.0
            changelog:
              - { version: 1.0.0, date: 2026-11-28, changes: [test] }
            iocs:
              - { type: ip, value: "{{AttackerIp}}", comment: attacker }
            hunts:
              - id: shell-{{id}}
                title: Shell from IIS ({{id}})
                techniques: [{{technique}}]
                severity: {{severity}}
                sigma:
                  title: IIS worker starts a shell
                  logsource: { product: windows, category: process_creation }
                  detection:
                    selection:
                      ParentImage|endswith: '\w3wp.exe'
                      Image|endswith: '\cmd.exe'
                    condition: selection
              - id: iocs
                title: Known IOCs ({{id}})
                severity: medium
                iocs: all
            """;
        var loaded = RunbookLoader.LoadText(text, id + ".yml");
        Assert.True(loaded.Runbook is not null, string.Join("; ", loaded.Errors));
        return loaded.Runbook;
    }

    [Fact]
    public void One_inline_rule_or_indicator_copied_into_two_runbooks_is_one_finding_with_both_steps_as_sources()
    {
        using var service = new RunbookHuntService([SharingRunbook("zeta", "high", "T1505.003"), SharingRunbook("alpha", "critical", "T1059.003")], _acme);
        var result = service.HuntFiles([HostFolder("collection")]);
        var shell = Assert.Single(result.Findings, f => f.Detector == "sigma");
        Assert.Equal([new FindingSource("alpha", "1.0.0", "shell-alpha"), new FindingSource("zeta", "1.0.0", "shell-zeta")], shell.Sources);
        Assert.Equal(("critical", "Shell from IIS (alpha)"), (shell.Severity, shell.Title));
        Assert.Equal(["T1059.003", "T1505.003"], shell.Techniques.Order(StringComparer.Ordinal));
        var ioc = Assert.Single(result.Findings, f => f.Detector == "ioc");
        Assert.Equal(["alpha", "zeta"], ioc.Sources.Select(s => s.RunbookId));
    }

    [Fact]
    public void Iocs_match_event_fields_and_only_the_listed_values()
    {
        using var service = new RunbookHuntService([Runbook()], _acme);
        var result = service.HuntFiles([HostFolder("collection")]);
        var ioc = Assert.Single(result.Findings, f => f.Detector == "ioc");
        Assert.Equal("iocs", Assert.Single(ioc.Sources).HuntId);
        Assert.Contains(ioc.Details, d => d.Value == AttackerIp);
        Assert.Equal(5, ioc.Provenance.Line);
    }

    [Fact]
    public void File_checks_flag_the_pst_shaped_page_and_not_the_text_file()
    {
        using var service = new RunbookHuntService([Runbook()], _acme);
        var result = service.HuntFiles([HostFolder("collection")]);
        var webshell = Assert.Single(result.Findings, f => f.Detector == "webshell" && f.RuleId == "pst-in-web-file");
        Assert.Equal(@"C:\inetpub\wwwroot\aspnet_client\x.aspx", webshell.OriginalPath);
        Assert.Equal("critical", webshell.Severity);
        Assert.DoesNotContain(result.Findings, f => f.OriginalPath?.EndsWith("readme.txt", StringComparison.Ordinal) == true);
    }

    [SkippableFact]
    public void A_yara_hunt_scans_captured_files_with_the_file_name_external()
    {
        Skip.IfNot(YaraEngine.IsAvailable || Environment.GetEnvironmentVariable("CI") == "true", YaraEngine.UnavailableReason);
        using var service = new RunbookHuntService([Runbook()], _acme);
        var result = service.HuntFiles([HostFolder("collection")]);
        var yara = Assert.Single(result.Findings, f => f.Detector == "yara");
        Assert.Equal("pst_in_page", yara.RuleId);
        Assert.Contains(yara.Details, d => d.Key == "$pst" && d.Value == "0x0");
    }

    [Fact]
    public void Steps_that_cannot_run_say_why_and_the_others_still_run()
    {
        var broken = """
              - id: broken
                title: Broken rule
                severity: low
                sigma:
                  title: Broken
                  logsource: { product: windows, category: process_creation }
                  detection:
                    selection:
                      Image|nosuchmodifier: x
                    condition: selection
            """;
        using var service = new RunbookHuntService([Runbook(broken)], _acme);
        var result = service.HuntFiles([HostFolder("collection")]);
        Assert.Contains("over the workspace store", Assert.Single(result.Steps, s => s.Hunt.Id == "posts").NotRunReason, StringComparison.Ordinal);
        Assert.Contains("nosuchmodifier", Assert.Single(result.Steps, s => s.Hunt.Id == "broken").NotRunReason, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Sources.Any(s => s.HuntId == "shell-from-w3wp"));
    }

    [Fact]
    public void A_copy_of_the_evidence_elsewhere_gives_the_same_finding_ids()
    {
        var copy = Path.Combine(_dir.Path, "copy");
        WriteCollection(copy);
        using var service = new RunbookHuntService([Runbook()], _acme);
        var first = service.HuntFiles([HostFolder("collection")]).Findings.Select(f => f.Id).Order().ToList();
        var second = service.HuntFiles([HostFolder("copy")]).Findings.Select(f => f.Id).Order().ToList();
        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.Equal(first.Count, service.HuntFiles([HostFolder("collection"), HostFolder("copy")]).Findings.Count);
    }
}
