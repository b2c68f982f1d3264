using Ooda.Reports;

namespace Ooda.Reports.Tests;

/// <summary>A report whose every evidence string is an attack on the format it is rendered in.</summary>
internal static class HostileReport
{
    public const string Script = "<script>alert(1)</script>";
    public const string JavascriptUrl = "javascript:alert(document.domain)";
    public const string Ansi = "\u001b[31mRED\u001b[0m";
    public const string PowerShell = "powershell -enc $(iex 'calc'); `whoami`; & \"c:\\x.exe\" | Out-Null";
    public const string StyleBreak = "</style><style>body{background:url(http://127.0.0.1:9/css)}</style>";
    public const string CdataBreak = "]]><svg onload=alert(2)>";
    public const string Bidi = "invoice\u202Egpj.exe";
    public const string MarkdownLink = "[click](javascript:alert(3)) ![img](http://127.0.0.1:9/i.png) **bold** `code` | pipe";

    public static readonly DateTime T0 = new(2021, 8, 7, 3, 34, 16, DateTimeKind.Utc);

    /// <summary>The <c>&lt;img onerror=fetch(…)&gt;</c> payload aimed at a listener the test owns.</summary>
    public static string ImgFetch(int port) => $"\"><img src=x onerror=fetch('http://127.0.0.1:{port}/x')>";

    public static CaseReport Build(int port = 9)
    {
        var img = ImgFetch(port);
        var all = new[] { Script, img, JavascriptUrl, Ansi, PowerShell, StyleBreak, CdataBreak, Bidi, MarkdownLink };
        var provenance = new ReportProvenance($"C:\\evidence\\{Script}.evtx", new string('a', 64), 4711, null, null);
        var lead = new ReportFinding("f-1", $"Web shell {Script}", "critical", "sigma", img, "proxyshell@1.0.0", "acme-ex01", T0, ["T1505.003"],
            $"C:\\inetpub\\wwwroot\\aspnet_client\\{Bidi}.aspx", [.. all.Select((v, i) => KeyValuePair.Create($"Field{i}{img}", v))], provenance);
        var other = lead with { Id = "f-2", Title = StyleBreak, Severity = "high", Time = T0.AddMinutes(7), Alike = 3, LastTime = T0.AddMinutes(9) };
        return new CaseReport
        {
            Header = new ReportHeader("C-0001", $"acme {img}", $"Case {Script} {Ansi}", "critical", "investigating", "amber+strict", JavascriptUrl,
                T0.AddHours(1), "dana", T0.AddHours(2), ["demo", img]),
            Summary = new ReportSummary(lead, T0, T0.AddMinutes(40), [$"acme-ex01{Script}"], [$"acme-dc01{img}"],
                [KeyValuePair.Create("critical", 1), KeyValuePair.Create("high", 1)], 2, [$"2021-08-07 dana: {MarkdownLink} {PowerShell}"]),
            Scope =
            [
                new ReportScopeHost($"acme-ex01{Script}", "entry", $"finding f-1: {img}", T0, "dana", "15.2.858.5", "collaborate"),
                new ReportScopeHost($"acme-dc01{img}", "reached", CdataBreak, T0, "dana"),
            ],
            Timeline = new ReportTimeline(T0.AddMinutes(-15), T0.AddMinutes(55), T0, $"finding f-1 {Script}",
                [.. all.Select((v, i) => new ReportTimelineRow(T0.AddMinutes(i * 4), i % 2 == 0 ? "acme-ex01" : $"acme-dc01{img}", "IIS", v, i % 3 == 0 ? "critical" : $"high{img}", $"title {v}", ["T1190"]))],
                120),
            Attack = new ReportAttackMatrix("ATT&CK v18.1 Enterprise", "18", $"© MITRE {Script}",
            [
                new ReportTactic("TA0001", "initial-access", "Initial Access", [new ReportTechnique("T1190", $"Exploit {Script}", true, 2, [$"acme-ex01{img}"], T0, T0.AddMinutes(3), "https://attack.mitre.org/techniques/T1190/")]),
                new ReportTactic("TA0003", "persistence", "Persistence", [new ReportTechnique("T1505.003", "Web Shell", true, 1, ["acme-ex01"], T0, T0, "https://attack.mitre.org/techniques/T1505/003/")]),
                new ReportTactic("TA0040", "impact", "Impact", [new ReportTechnique("T1486", "Data Encrypted for Impact", false, 0, [], null, null, "https://attack.mitre.org/techniques/T1486/")]),
            ]),
            ProcessTreeSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"40\"><title>tree &lt;script&gt;</title><text x=\"4\" y=\"20\">w3wp.exe &lt;img src=x onerror=alert(4)&gt;</text></svg>",
            ProcessTreeCaption = $"Processes under w3wp.exe {img}",
            LateralGraphSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"20\"><script>alert(5)</script></svg>",
            LateralGraphCaption = "graph",
            Findings = [lead, other],
            Iocs =
            [
                new ReportIoc(IocKind.UserAgent, $"Mozilla {Script} {img}", [new ReportIocSighting("acme-ex01", "f-1", T0, "cs(User-Agent)", provenance)]),
                new ReportIoc(IocKind.Url, JavascriptUrl, [new ReportIocSighting("acme-ex01", "f-1", T0, "url", provenance)]),
                new ReportIoc(IocKind.FilePath, $"C:\\inetpub\\wwwroot\\aspnet_client\\it's{Bidi}.aspx", [new ReportIocSighting("acme-ex01", "f-1", T0, "file", provenance)]),
                new ReportIoc(IocKind.Ipv4, "203.0.113.104", [new ReportIocSighting("acme-ex01", "f-1", T0, "c-ip", provenance), new ReportIocSighting("acme-ex01", "f-2", T0.AddMinutes(7), "c-ip", provenance)]),
                new ReportIoc(IocKind.Sha256, new string('b', 64), [new ReportIocSighting("acme-ex01", "f-1", null, "sha256", provenance)]),
            ],
            Actions = [new ReportAction("A-0001", "quarantine-file", "endpoint-agent", $"{PowerShell} {img}", $"done{img}", Script, T0.AddHours(3))],
            Recommendations = [new ReportRecommendation("install-build", $"acme-ex01{img}", $"Install {Script}", JavascriptUrl)],
            GeneratedAt = new DateTime(2021, 8, 8, 0, 0, 0, DateTimeKind.Utc),
            GeneratedBy = $"ooda for {Ansi}",
        };
    }
}
