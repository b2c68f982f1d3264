using Ooda.Core;
using Ooda.Investigation.Cases;
using Ooda.Investigation.Timeline;
using static Ooda.Investigation.Tests.Timeline.TimelineStore;

namespace Ooda.Investigation.Tests.Timeline;

public sealed class CaseTimelineTests : IDisposable
{
    private const string Sysmon = "Microsoft-Windows-Sysmon/Operational";
    private readonly TimelineStore _store = new();

    public CaseTimelineTests()
    {
        _store.File("acme", "acme-ex01", Sha('a'), "ex01/Sysmon.evtx",
            Windows(T0.AddHours(-30), Sysmon, 1, 1, ("Image", "C:\\w\\early.exe")),
            Windows(T0.AddHours(-3), Sysmon, 1, 2, ("Image", "C:\\w\\recon.exe")),
            Windows(T0, Sysmon, 11, 3, ("Image", "C:\\w\\w3wp.exe"), ("TargetFilename", "C:\\x.aspx")),
            Windows(T0.AddHours(5), Sysmon, 1, 4, ("Image", "C:\\w\\after.exe")),
            Windows(T0.AddHours(7), Sysmon, 1, 5, ("Image", "C:\\w\\late.exe")));
        _store.File("acme", "acme-dc01", Sha('b'), "dc01/Security.evtx",
            Windows(T0.AddHours(1), "Security", 4624, 1, ("TargetUserName", "Administrator"), ("LogonType", "3")));
        _store.File("acme", "acme-ws07", Sha('c'), "ws07/Security.evtx",
            Windows(T0.AddHours(1), "Security", 4624, 1, ("TargetUserName", "bob"), ("LogonType", "2")));
        _store.Workspace.SaveFindings(
        [
            Finding("aaaa00000000000000aa", "acme", "acme-ex01", T0, new Provenance("ex01/Sysmon.evtx", Sha('a'), 3 * 1024, 0), recordId: 3),
            Finding("bbbb00000000000000bb", "acme", "acme-dc01", T0.AddHours(1), new Provenance("dc01/Security.evtx", Sha('b'), 1024, 0), recordId: 1),
        ]);
    }

    [Fact]
    public void Pivots_by_default_around_the_earliest_linked_finding_on_the_hosts_in_scope()
    {
        var c = CaseService.Open(_store.Workspace, new CaseOpening { Findings = ["bbbb00000000", "aaaa00000000"] }, "alice");
        var result = CaseTimeline.Build(_store.Workspace, c, new CaseTimelineOptions());

        Assert.Equal(T0, result.Request.Anchor);
        Assert.Equal(("acme-ex01", T0), (result.Anchor!.Host, result.Anchor.Time));
        Assert.Equal(["recon.exe", "w3wp.exe wrote C:\\x.aspx", "Logon type 3 (Network) Administrator", "after.exe"], result.Rows.Select(r => r.Summary));
        Assert.NotEmpty(result.Recorded);
    }

    [Fact]
    public void Around_before_after_and_hosts_override_the_case_defaults()
    {
        var c = CaseService.Open(_store.Workspace, new CaseOpening { Findings = ["aaaa00000000"] }, "alice");
        var result = CaseTimeline.Build(_store.Workspace, c, new CaseTimelineOptions
        {
            Around = (T0.AddHours(1)).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            Before = TimeSpan.FromMinutes(90),
            After = TimeSpan.FromHours(6),
            Hosts = ["acme-ws07", "ACME-EX01"],
        });

        Assert.Equal(["w3wp.exe wrote C:\\x.aspx", "Logon type 2 (Interactive) bob", "after.exe", "late.exe"], result.Rows.Select(r => r.Summary));
    }

    [Fact]
    public void A_case_without_a_timed_finding_needs_an_anchor()
    {
        var c = CaseService.Open(_store.Workspace, new CaseOpening { Tenant = "acme", Title = "hunch" }, "alice");
        Assert.Throws<TimelineException>(() => CaseTimeline.Build(_store.Workspace, c, new CaseTimelineOptions()));
        var around = CaseTimeline.Build(_store.Workspace, c, new CaseTimelineOptions { Around = "aaaaaa:3", Before = TimeSpan.Zero, After = TimeSpan.Zero });
        Assert.Equal("w3wp.exe wrote C:\\x.aspx", around.Rows.Single().Summary);
        Assert.Single(around.Rows.Single().Findings);
    }

    public void Dispose() => _store.Dispose();
}
