using System.Text;
using Ooda.Core;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Reports;
using Ooda.Reports;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Engine.Tests.Reports;

public sealed class ReportServiceTests : IDisposable
{
    private const string Hostile = "<script>alert(1)</script>\u001b[31m";
    private static readonly DateTime _t0 = new(2021, 8, 7, 3, 34, 16, DateTimeKind.Utc);
    private readonly TempDirectory _dir = new();
    private readonly Workspace _workspace;
    private readonly StoredCase _case;

    public ReportServiceTests()
    {
        _workspace = Workspace.Open(_dir.Path);
        _workspace.SaveFindings(
        [
            Finding("ssrf-1", 0, "critical", "ProxyShell autodiscover SSRF", "T1190", ("cs-uri-query", "@evil.example/" + Hostile)),
            Finding("ssrf-2", 1, "critical", "ProxyShell autodiscover SSRF", "T1190", ("cs-uri-query", "@evil.example/mapi")),
            Finding("ssrf-3", 2, "critical", "ProxyShell autodiscover SSRF", "T1190", ("cs-uri-query", "@evil.example/ews")),
            Finding("shell", 3, "critical", "Web shell", "T1505.003", ("sha256", new string('A', 64))) with
            {
                Detector = "webshell",
                OriginalPath = @"C:\inetpub\wwwroot\aspnet_client\" + Hostile + ".aspx",
                Channel = "captured-file",
            },
            Finding("cmd", 6, "high", "w3wp starts cmd", "T1059.003", ("CommandLine", "cmd /c whoami & " + Hostile)),
            Finding("unlinked", 7, "high", "not in the case", "T1486"),
        ]);
        _case = _workspace.CreateCase(new NewCase
        {
            Tenant = "acme",
            Title = "Intrusion " + Hostile,
            Severity = "critical",
            Tlp = "amber",
            Hosts = [KeyValuePair.Create("acme-ex01", "finding ssrf-1")],
            FindingIds = ["ssrf-1", "ssrf-2", "ssrf-3", "shell", "cmd"],
        }, "dana", _t0.AddHours(1));
        _workspace.AddActions(
        [
            new StoredActionDraft
            {
                CaseId = _case.Id, Tenant = "acme", Kind = "quarantine-file", Target = "agent", Host = "acme-ex01", Subject = @"C:\inetpub\x.aspx", Reason = "web shell",
                FindingIds = ["shell"], IdempotencyKey = "k-1",
            },
        ], "dana", _t0.AddHours(2));
    }

    private static Finding Finding(string id, int minute, string severity, string title, string technique, params (string Key, string Value)[] details) => new()
    {
        Id = id,
        Title = title,
        Severity = severity,
        Detector = "sigma",
        Sources = [new FindingSource("proxyshell", null, null)],
        Tenant = "acme",
        Host = "acme-ex01",
        Timestamp = _t0.AddMinutes(minute),
        Techniques = [technique],
        Provenance = new Provenance("u_ex210807.log", new string('c', 64), -1, 10 + minute),
        Details = [.. details.Select(d => KeyValuePair.Create(d.Key, d.Value))],
    };

    private CaseReport Compose(DateTime? at = null) =>
        ReportService.Compose(_workspace, _case, new ReportOptions { GeneratedAt = at ?? _t0.AddDays(1), Runbooks = RunbookLibrary.Load([]) });

    [Fact]
    public void The_report_reads_the_case_its_linked_findings_and_its_actions()
    {
        var report = Compose();

        Assert.Equal((_case.Id, "acme", "amber", "critical"), (report.Header.CaseId, report.Header.Tenant, report.Header.Tlp, report.Header.Severity));
        Assert.Equal("ssrf-1", report.Summary.Lead?.Id);
        Assert.Equal((_t0, _t0.AddMinutes(6)), (report.Summary.FirstActivity, report.Summary.LastActivity));
        Assert.Equal([KeyValuePair.Create("critical", 4), KeyValuePair.Create("high", 1)], report.Summary.FindingsBySeverity);
        Assert.DoesNotContain(report.Findings, f => f.Id == "unlinked");
        var action = Assert.Single(report.Actions);
        Assert.Equal(("quarantine-file", "agent", @"C:\inetpub\x.aspx on acme-ex01", "proposed"), (action.Kind, action.Target, action.Subject, action.State));
        Assert.Equal(new[] { "entry" }, report.Scope.Select(s => s.Role));
    }

    [Fact]
    public void Findings_of_one_title_on_one_host_fold_into_the_earliest_most_severe_first()
    {
        var findings = Compose().Findings;

        Assert.Equal(["ssrf-1", "shell", "cmd"], findings.Select(f => f.Id));
        Assert.Equal((3, _t0.AddMinutes(2)), (findings[0].Alike, findings[0].LastTime));
        Assert.Equal(("proxyshell", 10L), (findings[0].Runbook, findings[0].Provenance.Line));
    }

    [Fact]
    public void Techniques_indicators_and_the_runbooks_remediation_come_from_the_findings()
    {
        var report = Compose();

        Assert.Equal(["T1059.003", "T1190", "T1505.003"], report.Attack.Observed.Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.Equal(14, report.Attack.Tactics.Count);
        Assert.Contains(report.Iocs, i => i.Kind == IocKind.Sha256 && i.Value == new string('a', 64));
        Assert.Contains(report.Iocs, i => i.Kind == IocKind.FilePath && i.Value.EndsWith(".aspx", StringComparison.Ordinal));
        Assert.Contains(report.Recommendations, r => r.Kind == "remediation" && r.Reference!.StartsWith("proxyshell ", StringComparison.Ordinal));
    }

    [Fact]
    public void Hostile_evidence_reaches_the_html_only_escaped()
    {
        var html = HtmlReport.Render(Compose());

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;␛[31m", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Exports_are_the_same_whenever_they_are_made()
    {
        foreach (var format in new[] { ExportFormat.Stix, ExportFormat.Navigator, ExportFormat.Misp })
        {
            using var first = new MemoryStream();
            using var second = new MemoryStream();
            ExportService.Write(Compose(_t0.AddDays(1)), format, first);
            ExportService.Write(Compose(_t0.AddDays(9)), format, second);
            Assert.True(first.ToArray().AsSpan().SequenceEqual(second.ToArray()), $"{format} changed with the clock");
        }
    }

    [Fact]
    public void The_timesketch_export_is_the_case_timeline_with_timesketchs_columns()
    {
        using var output = new MemoryStream();
        ExportService.Write(_workspace, _case, ExportFormat.Timesketch, output, new ReportOptions { Runbooks = RunbookLibrary.Load([]) });

        var header = Encoding.UTF8.GetString(output.ToArray()).Split('\n')[0];
        Assert.StartsWith("message,datetime,timestamp_desc,timestamp,", header, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, new string[0], "we recommend it; your team carries it out")]
    [InlineData(null, new[] { "authorize", "collaborate" }, "with your approval, our endpoint agent carries it out")]
    [InlineData(null, new[] { "authorize" }, "our endpoint agent carries it out, and we inform you")]
    [InlineData("notify", new[] { "authorize" }, "we recommend it; your team carries it out")]
    [InlineData("collaborate", new string[0], "with your approval, our endpoint agent carries it out")]
    [InlineData("authorize", new[] { "notify" }, "our endpoint agent carries it out, and we inform you")]
    public void Remediation_says_who_acts_by_the_tenants_response_mode(string? setting, string[] inventory, string agentStep)
    {
        if (setting is not null)
            _workspace.SetTenantResponse(new TenantResponse { Tenant = "ACME", Mode = setting }, "dana", _t0);
        _workspace.SaveTriage("inventory.csv", [],
            [.. inventory.Select((mode, i) => new StoredTriageHost(i + 1, "Acme", i == 0 ? "ACME-EX01" : $"acme-ex0{i + 1}", null, null, "15.2.858.5", "vulnerable", [], null, "high", [], mode))],
            0, _t0);

        var remediation = Compose().Recommendations.Where(r => r.Kind == "remediation").ToDictionary(r => r.Reference!.Split(':')[0], r => r.Reference!, StringComparer.Ordinal);

        Assert.Equal("proxyshell isolate-server: " + agentStep, remediation["proxyshell isolate-server"]);
        Assert.Equal("proxyshell reset-credentials: your team carries it out", remediation["proxyshell reset-credentials"]);
        Assert.DoesNotContain(remediation.Values, r => r.Contains("carried out by", StringComparison.Ordinal));
    }

    [Fact]
    public void The_inventory_of_a_tenant_spelt_in_another_case_is_the_cases()
    {
        _workspace.SaveTriage("inventory.csv", [],
            [new StoredTriageHost(1, "ACME", "ACME-EX01", null, null, "15.2.858.5", "vulnerable", [], null, "high", [], "collaborate")], 0, _t0);

        var report = Compose();

        var host = Assert.Single(report.Scope);
        Assert.Equal(("15.2.858.5", "collaborate"), (host.Build, host.ResponseMode));
        Assert.Contains(report.Recommendations, r => r.Kind == "install-build" && r.Host == "acme-ex01");
    }

    [Fact]
    public void The_timesketch_export_names_evidence_files_without_the_analysts_folders()
    {
        const string path = "/home/analyst/cases/acme/u_ex210807.log";
        var fields = new EventFields();
        fields.TryAdd("cs-uri-stem", "/autodiscover/autodiscover.json");
        using (var ingest = _workspace.BeginFile(new EvidenceSource(path, new string('c', 64), "acme", "acme-ex01"), "iis", 1))
        {
            ingest.Append(new EvidenceEvent
            {
                Timestamp = _t0,
                Tenant = "acme",
                Host = "acme-ex01",
                Kind = SourceKind.IisW3c,
                Channel = "iis",
                Fields = fields,
                Provenance = new Provenance(path, new string('c', 64), 100, 10),
            });
            ingest.Complete([]);
        }

        using var output = new MemoryStream();
        ExportService.Write(_workspace, _case, ExportFormat.Timesketch, output, new ReportOptions { Runbooks = RunbookLibrary.Load([]) });

        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains(",u_ex210807.log," + new string('c', 64) + ",10,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/home/analyst", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_around_finding_outside_the_case_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => ReportService.Compose(_workspace, _case, new ReportOptions { Around = "unlinked" }));

        Assert.Contains("names no finding linked to this case", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_and_markdown_are_written_to_the_file_asked_for()
    {
        var report = Compose();

        await ReportService.WriteAsync(report, ReportFormat.Html, _dir.File("out/r.html"));
        await ReportService.WriteAsync(report, ReportFormat.Markdown, _dir.File("out/r.md"));

        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(_dir.File("out/r.html")), StringComparison.Ordinal);
        Assert.StartsWith("**TLP:AMBER**", await File.ReadAllTextAsync(_dir.File("out/r.md")), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_pdf_is_printed_by_headless_chromium()
    {
        var chromium = Chromium.Require();

        await ReportService.WriteAsync(Compose(), ReportFormat.Pdf, _dir.File("r.pdf"), new ChromiumOptions { Executable = chromium });

        Assert.True((await File.ReadAllBytesAsync(_dir.File("r.pdf"))).AsSpan().StartsWith("%PDF"u8));
    }

    public void Dispose()
    {
        _workspace.Dispose();
        _dir.Dispose();
    }
}
