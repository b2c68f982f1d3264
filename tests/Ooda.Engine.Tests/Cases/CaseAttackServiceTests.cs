using Ooda.Core;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Cases;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Engine.Tests.Cases;

public sealed class CaseAttackServiceTests
{
    private static readonly DateTime _t0 = new(2021, 8, 7, 3, 30, 0, DateTimeKind.Utc);

    private static Finding Finding(string id, int minute, string host, params string[] techniques) => new()
    {
        Id = id,
        Title = "finding " + id,
        Severity = "high",
        Detector = "sigma",
        Tenant = "acme",
        Host = host,
        Timestamp = minute < 0 ? DateTime.MinValue : _t0.AddMinutes(minute),
        Techniques = techniques,
        Provenance = new Provenance("a.evtx", new string('a', 64), -1, minute + 1),
    };

    [Fact]
    public void No_findings_give_an_empty_view()
    {
        var view = CaseAttackService.Build([]);

        Assert.Empty(view.Tactics);
        Assert.Empty(view.Unplaced);
        Assert.Equal(0, view.Findings);
        Assert.Null(view.FirstSeen);
    }

    [Fact]
    public void Tactics_come_in_kill_chain_order_whatever_order_the_findings_came_in()
    {
        var view = CaseAttackService.Build(
        [
            Finding("f1", 20, "ex01", "T1003.001"),
            Finding("f2", 30, "ex01", "T1021.002"),
            Finding("f3", 0, "ex01", "T1190"),
            Finding("f4", 10, "ex01", "T1059.003"),
        ]);

        Assert.Equal(["initial-access", "execution", "credential-access", "lateral-movement"], view.Tactics.Select(t => t.Tactic.ShortName));
        Assert.True(view.Tactics.Zip(view.Tactics.Skip(1)).All(p => p.First.Tactic.MatrixOrder < p.Second.Tactic.MatrixOrder));
    }

    [Fact]
    public void Sub_techniques_sit_under_their_parent_which_is_observed_only_when_evidenced_itself()
    {
        var view = CaseAttackService.Build(
        [
            Finding("f1", 5, "ex01", "T1059.001"),
            Finding("f2", 1, "ex01", "T1059.003"),
            Finding("f3", 2, "dc01", "T1003.001"),
            Finding("f4", 9, "dc01", "T1003"),
        ]);

        var execution = Assert.Single(view.Tactics.Single(t => t.Tactic.ShortName == "execution").Techniques);
        Assert.Equal("T1059", execution.Technique.Id);
        Assert.False(execution.Observed);
        Assert.Empty(execution.Evidence);
        Assert.Equal(["T1059.003", "T1059.001"], execution.SubTechniques.Select(s => s.Technique.Id));
        var credentials = Assert.Single(view.Tactics.Single(t => t.Tactic.ShortName == "credential-access").Techniques);
        Assert.Equal("T1003", credentials.Technique.Id);
        Assert.True(credentials.Observed);
        Assert.Equal("f4", Assert.Single(credentials.Evidence).FindingId);
        Assert.Equal("T1003.001", Assert.Single(credentials.SubTechniques).Technique.Id);
        Assert.Equal(["T1003", "T1003.001", "T1059.001", "T1059.003"], view.ObservedTechniques.Select(t => t.Technique.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void First_and_last_seen_span_the_evidence_and_a_parent_spans_its_sub_techniques()
    {
        var view = CaseAttackService.Build(
        [
            Finding("f1", 40, "ex01", "T1059.001"),
            Finding("f2", 10, "ex01", "T1059.003"),
            Finding("f3", 25, "dc01", "T1059.003"),
            Finding("f4", -1, "ex01", "T1059.003"),
        ]);

        var parent = view.Tactics.Single().Techniques.Single();
        var shell = parent.SubTechniques.Single(s => s.Technique.Id == "T1059.003");
        Assert.Equal((_t0.AddMinutes(10), _t0.AddMinutes(25)), (shell.FirstSeen!.Value, shell.LastSeen!.Value));
        Assert.Equal(["f2", "f3", "f4"], shell.Evidence.Select(e => e.FindingId));
        Assert.Null(shell.Evidence[^1].Timestamp);
        Assert.Equal((_t0.AddMinutes(10), _t0.AddMinutes(40)), (parent.FirstSeen!.Value, parent.LastSeen!.Value));
        Assert.Equal(["dc01", "ex01"], parent.Hosts);
        Assert.Equal((_t0.AddMinutes(10), _t0.AddMinutes(40)), (view.FirstSeen!.Value, view.LastSeen!.Value));
        Assert.Equal(["T1059.003", "T1059.001"], parent.SubTechniques.Select(s => s.Technique.Id));
    }

    [Fact]
    public void A_technique_of_several_tactics_appears_under_each()
    {
        var view = CaseAttackService.Build([Finding("f1", 0, "ex01", "T1098")]);

        Assert.Equal(["persistence", "privilege-escalation"], view.Tactics.Select(t => t.Tactic.ShortName));
        Assert.All(view.Tactics, t => Assert.Equal("T1098", Assert.Single(t.Techniques).Technique.Id));
        Assert.Single(view.ObservedTechniques);
    }

    [Fact]
    public void Revoked_ids_are_resolved_to_their_replacement_and_say_so()
    {
        var view = CaseAttackService.Build(
        [
            Finding("f1", 0, "ex01", "T1100"),
            Finding("f2", 5, "ex01", "attack.t1505.003"),
            Finding("f3", 9, "ex01", "t1086"),
        ]);

        var webShell = view.Tactics.Single(t => t.Tactic.ShortName == "persistence").Techniques.Single().SubTechniques.Single();
        Assert.Equal("T1505.003", webShell.Technique.Id);
        Assert.Equal([("f1", "T1100"), ("f2", "attack.t1505.003")], webShell.Evidence.Select(e => (e.FindingId, e.TaggedAs)));
        Assert.Contains(webShell.Notes, n => n.Contains("T1100", StringComparison.Ordinal) && n.Contains("revoked", StringComparison.Ordinal));
        var powershell = view.Tactics.Single(t => t.Tactic.ShortName == "execution").Techniques.Single().SubTechniques.Single();
        Assert.Equal("T1059.001", powershell.Technique.Id);
        Assert.DoesNotContain(view.Tactics, t => t.Tactic.ShortName == "privilege-escalation");
    }

    [Fact]
    public void Tags_that_name_no_technique_are_listed_with_the_reason_not_dropped()
    {
        var view = CaseAttackService.Build(
        [
            Finding("f1", 0, "ex01", "T9999", "attack.execution", "cve.2021-34473", "T1190"),
            Finding("f2", 1, "ex01", "T9999", "<script>"),
        ]);

        Assert.Equal(["<script>", "attack.execution", "cve.2021-34473", "T9999"], view.Unplaced.Select(u => u.Tag).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(["f1", "f2"], view.Unplaced.Single(u => u.Tag == "T9999").Evidence.Select(e => e.FindingId));
        Assert.All(view.Unplaced, u => Assert.False(string.IsNullOrWhiteSpace(u.Note)));
        Assert.Equal("T1190", view.Tactics.Single().Techniques.Single().Technique.Id);
    }

    [Fact]
    public void A_finding_without_techniques_takes_its_runbook_hunts_and_the_runbook_adds_notes_and_what_was_not_seen()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "test-threat.yml"), """
            id: test-threat
            title: Test threat
            version: 1.0.0
            changelog:
              - { version: 1.0.0, date: 2026-11-28, changes: [test] }
            ttps:
              - { technique: T1190, note: exploit requests to autodiscover }
              - { technique: T1505.003, note: a page under aspnet_client }
              - { technique: T1505, note: any server component }
              - { technique: T1486, note: files encrypted }
            hunts:
              - id: posts
                title: Posts to a page
                techniques: [T1505.003]
                severity: critical
                sql: SELECT tenant, host FROM events
            """);
        var library = RunbookLibrary.Load([dir.Path], includeBuiltIn: false);
        Assert.Empty(library.Errors);
        var fromHunt = Finding("f1", 3, "ex01") with { Sources = [new FindingSource("test-threat", "1.0.0", "posts")] };

        var view = CaseAttackService.Build([fromHunt, Finding("f2", 0, "ex01", "T1190") with { Sources = [new FindingSource("test-threat", null, null)] }], library);

        var webShell = view.Tactics.Single(t => t.Tactic.ShortName == "persistence").Techniques.Single().SubTechniques.Single();
        var evidence = Assert.Single(webShell.Evidence);
        Assert.True(evidence.FromRunbook);
        Assert.Equal(("T1505.003", "test-threat@1.0.0", "posts"), (evidence.TaggedAs, evidence.Runbook!, evidence.Hunt!));
        Assert.Equal(["test-threat@1.0.0: a page under aspnet_client"], webShell.RunbookNotes);
        var expected = Assert.Single(view.Expected);
        Assert.Equal(("T1486", "test-threat@1.0.0"), (expected.Technique!.Id, Assert.Single(expected.Runbooks)));
        Assert.Equal(["test-threat@1.0.0: files encrypted"], expected.Notes);
    }

    [Fact]
    public void A_stored_case_is_viewed_through_its_linked_findings_only()
    {
        using var dir = new TempDirectory();
        using var workspace = Workspace.Open(dir.Path);
        workspace.SaveFindings([Finding("linked1", 0, "ex01", "T1190"), Finding("linked2", 5, "ex01", "T1059.003"), Finding("other", 1, "ex01", "T1486")]);
        var c = workspace.CreateCase(new NewCase { Tenant = "acme", Title = "t", Severity = "high", FindingIds = ["linked1", "linked2"] }, "dana");

        var view = CaseAttackService.ForCase(workspace, c, RunbookLibrary.Load([], includeBuiltIn: false));

        Assert.Equal(2, view.Findings);
        Assert.Equal(["initial-access", "execution"], view.Tactics.Select(t => t.Tactic.ShortName));
        Assert.DoesNotContain(view.Tactics, t => t.Tactic.ShortName == "impact");
    }
}
