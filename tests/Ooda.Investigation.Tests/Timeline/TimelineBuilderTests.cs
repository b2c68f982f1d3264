using Ooda.Core;
using Ooda.Investigation.Cases;
using Ooda.Investigation.Timeline;
using static Ooda.Investigation.Tests.Timeline.TimelineStore;

namespace Ooda.Investigation.Tests.Timeline;

public sealed class TimelineBuilderTests : IDisposable
{
    private const string Sysmon = "Microsoft-Windows-Sysmon/Operational";
    private static readonly DateTime _foundAt = new(2021, 9, 1, 8, 0, 0, DateTimeKind.Utc);

    private readonly TimelineStore _store = new();

    public TimelineBuilderTests()
    {
        _store.File("acme", "acme-ex01", Sha('a'), "acme/acme-ex01/Sysmon.evtx",
            Windows(T0.AddHours(-2), Sysmon, 1, 1, ("ParentImage", "C:\\w\\w3wp.exe"), ("Image", "C:\\w\\cmd.exe"), ("CommandLine", "cmd /c whoami")),
            Windows(T0, Sysmon, 11, 2, ("Image", "C:\\w\\w3wp.exe"), ("TargetFilename", "C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx")),
            Windows(T0.AddHours(1), Sysmon, 1, 3, ("ParentImage", "C:\\w\\cmd.exe"), ("Image", "C:\\w\\net.exe"), ("CommandLine", "net user")),
            Windows(T0.AddDays(2), Sysmon, 1, 4, ("Image", "C:\\w\\late.exe")));
        _store.File("acme", "acme-ex01", Sha('b'), "acme/acme-ex01/u_ex210806.log",
            Log(T0.AddMinutes(-10), SourceKind.IisW3c, "W3SVC1", 5, ("cs-method", "POST"), ("cs-uri-stem", "/autodiscover/autodiscover.json"), ("sc-status", "200"), ("c-ip", "203.0.113.7")),
            Log(T0.AddMinutes(-5), SourceKind.IisW3c, "W3SVC1", 6, ("cs-method", "POST"), ("cs-uri-stem", "/powershell"), ("sc-status", "200"), ("c-ip", "203.0.113.7")));
        _store.File("acme", "acme-dc01", Sha('c'), "acme/acme-dc01/Security.evtx",
            Windows(T0.AddMinutes(30), "Security", 4624, 7, ("TargetUserName", "Administrator"), ("LogonType", "3"), ("IpAddress", "10.0.0.5")));
        _store.File("other", "other-01", Sha('d'), "other/other-01/Security.evtx",
            Windows(T0, "Security", 4624, 1, ("TargetUserName", "someone-else"), ("LogonType", "2")));
        _store.Workspace.AddCapturedFiles(
        [
            new CapturedFile("acme", "acme-ex01", "C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx", "fs/C/inetpub/wwwroot/aspnet_client/x.aspx", 2048,
                T0.AddMinutes(1), T0, Sha('e'), []),
            new CapturedFile("acme", "acme-ex01", "C:\\Windows\\old.dll", "fs/C/Windows/old.dll", 10, T0.AddDays(-300), T0.AddDays(-300), Sha('9'), []),
        ]);
        _store.Workspace.SaveFindings(
        [
            Finding("f1sysmon11", "acme", "acme-ex01", T0, new Provenance("acme/acme-ex01/Sysmon.evtx", Sha('a'), 2 * 1024, 0), recordId: 2),
            Finding("f2iisline6", "acme", "acme-ex01", T0.AddMinutes(-5), new Provenance("acme/acme-ex01/u_ex210806.log", Sha('b'), 600, 6), severity: "medium"),
            Finding("f3notstored", "acme", "acme-ex01", T0.AddMinutes(5), new Provenance("elsewhere/HttpProxy.log", Sha('f'), 900, 9)),
            Finding("f4webshell", "acme", "acme-ex01", DateTime.MinValue, new Provenance("fs/C/inetpub/wwwroot/aspnet_client/x.aspx", Sha('e'), -1, 0),
                originalPath: "C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx", severity: "critical"),
            Finding("f5outside", "acme", "acme-ex01", T0.AddDays(2), new Provenance("acme/acme-ex01/Sysmon.evtx", Sha('a'), 4 * 1024, 0), recordId: 4),
        ], _foundAt);
    }

    [Fact]
    public void Builds_one_time_ordered_timeline_of_the_tenants_events_logs_and_file_times_in_the_window()
    {
        var result = Build(Window() with { Tenant = "acme" });

        Assert.Equal(
        [
            (T0.AddHours(-2), "acme-ex01", "Sysmon 1"),
            (T0.AddMinutes(-10), "acme-ex01", "IIS"),
            (T0.AddMinutes(-5), "acme-ex01", "IIS"),
            (T0, "acme-ex01", "Sysmon 11"),
            (T0, "acme-ex01", "File created"),
            (T0.AddMinutes(1), "acme-ex01", "File modified"),
            (T0.AddMinutes(5), "acme-ex01", "Finding"),
            (T0.AddMinutes(30), "acme-dc01", "Security 4624"),
            (T0.AddHours(1), "acme-ex01", "Sysmon 1"),
        ], result.Rows.Select(r => (r.Time, r.Host, r.Source)));
        Assert.All(result.Rows, r => Assert.Equal(TimelineLane.Happened, r.Lane));
        Assert.False(result.Truncated);
        Assert.All(result.Recorded, r => Assert.Equal((TimelineLane.Recorded, "Finding found", _foundAt), (r.Lane, r.Source, r.Time)));
        Assert.Equal(["f1sysmon11", "f2iisline6", "f3notstored", "f4webshell"], result.Recorded.Select(r => r.Findings.Single().FindingId).Order());

        var iis = result.Rows[2];
        Assert.Equal("POST /powershell → 200 from 203.0.113.7", iis.Summary);
        Assert.Equal(new Provenance("acme/acme-ex01/u_ex210806.log", Sha('b'), 600, 6), iis.Provenance);
        Assert.Equal("Request Logged", iis.TimestampDescription);
        var created = result.Rows[4];
        Assert.Equal("C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx (2,048 bytes)", created.Summary);
        Assert.Equal(("fs/C/inetpub/wwwroot/aspnet_client/x.aspx", Sha('e'), "Creation Time"), (created.Provenance.File, created.Provenance.Sha256, created.TimestampDescription));
        Assert.Equal("Modification Time", result.Rows[5].TimestampDescription);
    }

    [Fact]
    public void Every_tenant_shows_when_none_is_given_and_hosts_match_whatever_their_case()
    {
        Assert.Contains(Build(Window()).Rows, r => r.Tenant == "other");
        var dc = Build(Window() with { Tenant = "acme", Hosts = ["ACME-DC01"] });
        Assert.Equal(["Security 4624"], dc.Rows.Select(r => r.Source));
    }

    [Fact]
    public void Marks_findings_on_the_event_or_file_they_came_from_and_gives_unstored_evidence_a_row_of_its_own()
    {
        var rows = Build(Window() with { Tenant = "acme" }).Rows;
        string Marks(string source, DateTime at) => string.Join(",", rows.Single(r => r.Source == source && r.Time == at).Findings.Select(f => f.FindingId));

        Assert.Equal("f1sysmon11", Marks("Sysmon 11", T0));
        Assert.Equal("f2iisline6", Marks("IIS", T0.AddMinutes(-5)));
        Assert.Equal("f4webshell", Marks("File created", T0));
        Assert.Equal("", Marks("File modified", T0.AddMinutes(1)));
        Assert.Equal("", Marks("IIS", T0.AddMinutes(-10)));
        var own = rows.Single(r => r.Source == "Finding");
        Assert.Equal(("f3notstored", "finding f3notstored"), (own.Findings.Single().FindingId, own.Summary));
        Assert.Equal(new Provenance("elsewhere/HttpProxy.log", Sha('f'), 900, 9), own.Provenance);

        var marker = rows.Single(r => r.Source == "Sysmon 11").Findings.Single();
        Assert.Equal(_foundAt, marker.FoundAt);
        Assert.Equal(("high", "sigma", "T1505.003"), (marker.Severity, marker.Detector, marker.Techniques.Single()));
        Assert.DoesNotContain(rows, r => r.Findings.Any(f => f.FindingId == "f5outside"));
    }

    [Theory]
    [InlineData("security 4624", "Security 4624")]
    [InlineData("iis", "IIS,IIS")]
    [InlineData("file created", "File created")]
    [InlineData("files", "File created,File modified")]
    [InlineData("findings", "IIS,Sysmon 11,Finding")]
    [InlineData("sysmon 11", "Sysmon 11")]
    public void Shows_only_the_sources_asked_for_and_findings_on_them(string source, string expected)
    {
        // The findings lane brings each finding's stored evidence, or a row of its own when none is stored.
        var rows = Build(Window() with { Tenant = "acme", Sources = [TimelineSource.Parse(source)] }).Rows;
        Assert.Equal(expected.Split(','), rows.Select(r => r.Source));
    }

    [Fact]
    public void A_limit_keeps_the_rows_nearest_the_anchor_and_every_row_that_carries_a_finding()
    {
        var request = Window() with { Tenant = "acme", Limit = 2, Anchor = T0.AddHours(1) };
        var result = Build(request);

        Assert.True(result.Truncated);
        var plain = result.Rows.Where(r => r.Findings.Count == 0).ToList();
        Assert.Equal(2, plain.Count);
        Assert.Equal([T0.AddMinutes(30), T0.AddHours(1)], plain.Select(r => r.Time));
        Assert.Equal(["f2iisline6", "f1sysmon11", "f4webshell", "f3notstored"], result.Rows.SelectMany(r => r.Findings).Select(f => f.FindingId));
        Assert.Equal(result.Rows.OrderBy(r => r.Time).ToList(), result.Rows);
    }

    [Fact]
    public void A_finding_whose_event_the_limit_left_out_is_fetched_back_with_its_own_summary()
    {
        var result = Build(Window() with { Tenant = "acme", Limit = 1, Anchor = T0.AddHours(6), Sources = [TimelineSource.Parse("sysmon")] });
        var webshellWrite = result.Rows.Single(r => r.Findings.Count > 0);
        Assert.Equal(("Sysmon 11", "w3wp.exe wrote C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx"), (webshellWrite.Source, webshellWrite.Summary));
        Assert.Equal(2, result.Rows.Count);
    }

    [Fact]
    public void Events_that_share_the_boundary_time_still_respect_the_limit()
    {
        _store.File("acme", "acme-ws01", Sha('7'), "acme/acme-ws01/Security.evtx",
            [.. Enumerable.Range(1, 5).Select(i => Windows(T0.AddHours(2), "Security", 4624, i, ("TargetUserName", "u" + i), ("LogonType", "2")))]);
        var result = Build(Window() with { Tenant = "acme", Hosts = ["acme-ws01"], Limit = 3 });
        Assert.True(result.Truncated);
        Assert.Equal(["u1", "u2", "u3"], result.Rows.Select(r => r.Summary[^2..]));
    }

    [Fact]
    public void No_limit_shows_everything_and_a_zero_limit_only_what_carries_findings()
    {
        Assert.Equal(9, Build(Window() with { Tenant = "acme", Limit = null }).Rows.Count);
        var zero = Build(Window() with { Tenant = "acme", Limit = 0 });
        Assert.All(zero.Rows, r => Assert.NotEmpty(r.Findings));
        Assert.Equal(4, zero.Rows.Count);
    }

    [Fact]
    public void The_case_audit_trail_is_a_recorded_lane_apart_from_the_evidence_times()
    {
        var opened = new DateTime(2021, 9, 2, 9, 0, 0, DateTimeKind.Utc);
        var c = CaseService.Open(_store.Workspace, new CaseOpening { Findings = ["f1sysmon11"] }, "alice", opened);
        CaseService.Note(_store.Workspace, c.Id, "webshell\r\nconfirmed", "bob", opened.AddHours(1));
        CaseService.SetStatus(_store.Workspace, c.Id, "investigating", null, "bob", opened.AddHours(2));

        var result = Build(Window() with { Tenant = "acme", CaseId = c.Id });

        Assert.DoesNotContain(result.Rows, r => r.Lane == TimelineLane.Recorded);
        Assert.All(result.Recorded, r => Assert.Equal(TimelineLane.Recorded, r.Lane));
        Assert.Equal(["Case opened", "Scope added", "Finding linked", "Evidence added", "Case note", "Case status"],
            result.Recorded.Where(r => r.Source != "Finding found").Select(r => r.Source));
        Assert.Equal(4, result.Recorded.Count(r => r.Source == "Finding found"));
        var note = result.Recorded.Single(r => r.Source == "Case note");
        Assert.Equal((opened.AddHours(1), "bob: webshell confirmed", "Recorded"), (note.Time, note.Summary, note.TimestampDescription));
        Assert.Equal("bob: new → investigating", result.Recorded.Single(r => r.Source == "Case status").Summary);
        Assert.Equal("audit log", note.Provenance.File);
        Assert.Equal(result.Rows.Count + result.Recorded.Count, result.AllRows().Count());
    }

    [Fact]
    public void Refuses_an_empty_window_a_negative_limit_and_a_tiny_summary()
    {
        Assert.Throws<ArgumentException>(() => Build(new TimelineRequest { From = T0, To = T0 }));
        Assert.Throws<ArgumentException>(() => Build(Window() with { Limit = -1 }));
        Assert.Throws<ArgumentException>(() => Build(Window() with { SummaryLength = 3 }));
    }

    [Fact]
    public void The_window_around_an_anchor_includes_both_ends()
    {
        var request = TimelineRequest.Around(T0, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30));
        var rows = Build(request with { Tenant = "acme" }).Rows;
        Assert.Equal(T0.AddMinutes(-5), rows[0].Time);
        Assert.Equal(T0.AddMinutes(30), rows[^1].Time);
        Assert.Equal(T0, request.Anchor);
    }

    public void Dispose() => _store.Dispose();

    private static TimelineRequest Window() => TimelineRequest.Around(T0, TimeSpan.FromHours(24), TimeSpan.FromHours(6));

    private TimelineResult Build(TimelineRequest request) => TimelineBuilder.Build(_store.Workspace, request);
}
