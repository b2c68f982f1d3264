using Ooda.Core;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Response;
using Ooda.Response;
using Ooda.Store;
using Ooda.Testing;

namespace Ooda.Engine.Tests.Response;

public sealed class ResponsePlannerTests
{
    private static readonly Runbook _proxyShell = RunbookLibrary.Load([]).Find("proxyshell")!;

    private static IReadOnlyList<PlannedAction> Plan(out StoredCase @case)
    {
        using var dir = new TempDirectory();
        using var workspace = ResponseFixture.Open(dir.Path);
        @case = workspace.FindCase("C-0001")!;
        return ResponsePlanner.Plan(new ResponsePlanInput
        {
            Case = @case,
            Findings = ResponseFixture.Findings(),
            Runbooks = [_proxyShell],
            TriageHosts = workspace.LatestTriage()!.Hosts,
        });
    }

    [Fact]
    public void The_main_runbook_is_the_one_whose_own_hunts_fired_not_the_ones_that_share_indicators_with_it()
    {
        static Finding Found(string id, params string[] runbooks) =>
            ResponseFixture.Make(id, "acme-ex01", "high", "ioc", []) with { Sources = [.. runbooks.Select(r => new FindingSource(r, "1.0.0", "h"))] };
        Finding[] findings =
        [
            Found("shared1", "owassrf", "proxyshell", "proxynotshell"), Found("shared2", "owassrf", "proxyshell", "proxynotshell"),
            Found("own", "proxyshell"), Found("none"),
        ];
        Assert.Equal("proxyshell", ResponsePlanner.PrimaryRunbook(findings));
        Assert.Null(ResponsePlanner.PrimaryRunbook([Found("none")]));
    }

    [Fact]
    public void A_web_shell_is_quarantined_by_path_with_its_hash_and_its_hash_blocked()
    {
        var plan = Plan(out _);
        var quarantine = Assert.Single(plan, p => p.Kind == ActionKind.QuarantineFile);
        Assert.Equal((ActionTarget.Agent, "acme-ex01", ResponseFixture.ShellPath), (quarantine.Target, quarantine.Host, quarantine.Subject));
        Assert.Equal(ResponseFixture.ShellPath, quarantine.Parameters[ActionParameters.Path]);
        Assert.Equal(ResponseFixture.ShellSha, quarantine.Parameters[ActionParameters.Sha256]);
        Assert.Equal(["shell"], quarantine.FindingIds);
        Assert.StartsWith("proxyshell@", quarantine.RunbookStep, StringComparison.Ordinal);
        Assert.EndsWith("#remove-webshells", quarantine.RunbookStep, StringComparison.Ordinal);
        Assert.Contains(plan, p => p.Kind == ActionKind.BlockHash && p.Subject == ResponseFixture.ShellSha);
        Assert.Contains(plan, p => p.Kind == ActionKind.BlockHash && p.Subject == new string('b', 64) && p.FindingIds.SequenceEqual(["ioc"]));
    }

    [Fact]
    public void An_attacker_process_is_killed_by_pid_and_path_but_server_processes_never_are()
    {
        var kill = Assert.Single(Plan(out _), p => p.Kind == ActionKind.KillProcess);
        Assert.Equal(("4242", @"C:\Users\Public\beacon.exe"), (kill.Parameters[ActionParameters.ProcessId], kill.Parameters[ActionParameters.Image]));
        Assert.Equal(["proc"], kill.FindingIds);
    }

    [Fact]
    public void A_created_account_is_disabled_by_the_customer_in_its_domain()
    {
        var disable = Assert.Single(Plan(out _), p => p.Kind == ActionKind.DisableAccount);
        Assert.Equal((ActionTarget.Customer, "acme-dc01", "svc-backup$x", "domain"), (disable.Target, disable.Host, disable.Subject, disable.Parameters[ActionParameters.Scope]));
    }

    [Fact]
    public void Only_public_sources_of_exploitation_requests_are_blocked()
    {
        var block = Assert.Single(Plan(out _), p => p.Kind == ActionKind.BlockIp);
        Assert.Equal(("203.0.113.66", (string?)null), (block.Subject, block.Host));
    }

    [Theory]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("ff02::1")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fc00::7")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("127.0.0.1")]
    [InlineData("224.0.0.1")]
    public void Loopback_unspecified_multicast_link_local_and_unique_local_addresses_are_never_blocked(string address)
    {
        using var dir = new TempDirectory();
        using var workspace = ResponseFixture.Open(dir.Path);
        var plan = ResponsePlanner.Plan(new ResponsePlanInput
        {
            Case = workspace.FindCase("C-0001")!,
            Findings = [ResponseFixture.Make("x", "acme-ex01", "high", "sigma", ["T1190"], ("c-ip", address))],
        });
        Assert.DoesNotContain(plan, p => p.Kind == ActionKind.BlockIp);
    }

    [Fact]
    public void Only_the_client_address_is_blocked_and_a_forwarded_for_header_is_only_mentioned()
    {
        using var dir = new TempDirectory();
        using var workspace = ResponseFixture.Open(dir.Path);
        var plan = ResponsePlanner.Plan(new ResponsePlanInput
        {
            Case = workspace.FindCase("C-0001")!,
            Findings =
            [
                ResponseFixture.Make("x", "acme-ex01", "high", "sigma", ["T1190"], ("c-ip", "203.0.113.66"), ("cs(X-Forwarded-For)", "198.51.100.1, 192.0.2.44")),
                ResponseFixture.Make("y", "acme-ex01", "high", "sigma", ["T1190"], ("X-Forwarded-For", "198.51.100.2")),
            ],
        });
        var block = Assert.Single(plan, p => p.Kind == ActionKind.BlockIp);
        Assert.Equal("203.0.113.66", block.Subject);
        Assert.Contains("198.51.100.1, 192.0.2.44", block.Reason, StringComparison.Ordinal);
        Assert.Contains("not blocked", block.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_web_shell_dropped_again_at_the_same_path_with_other_content_is_quarantined_again()
    {
        using var dir = new TempDirectory();
        using var workspace = ResponseFixture.Open(dir.Path);
        var first = ResponseFixture.Findings()[0];
        var again = first with { Id = "shell2", Provenance = first.Provenance with { Sha256 = new string('6', 64) } };
        var @case = workspace.FindCase("C-0001")!;
        var plan = ResponsePlanner.Plan(new ResponsePlanInput { Case = @case, Findings = [first, again, first with { Id = "shell3" }] });
        var quarantines = plan.Where(p => p.Kind == ActionKind.QuarantineFile).ToList();
        Assert.Equal(2, quarantines.Count);
        Assert.Equal([ResponseFixture.ShellSha, new string('6', 64)], quarantines.Select(q => q.Parameters[ActionParameters.Sha256]).Order(StringComparer.Ordinal));
        Assert.Equal(2, quarantines.Select(q => ResponsePlanner.KeyOf(@case.Id, q)).Distinct().Count());
        Assert.Equal(["shell", "shell3"], quarantines.Single(q => q.Parameters[ActionParameters.Sha256] == ResponseFixture.ShellSha).FindingIds);
    }

    [Fact]
    public void Mailbox_exports_and_the_import_export_role_are_removed_for_who_the_evidence_names()
    {
        var plan = Plan(out _);
        var export = Assert.Single(plan, p => p.Kind == ActionKind.RemoveMailboxExportRequests);
        Assert.Equal(("administrator", ActionTarget.Customer), (export.Parameters[ActionParameters.Mailbox], export.Target));
        var role = Assert.Single(plan, p => p.Kind == ActionKind.RemoveRoleAssignment);
        Assert.Equal("attacker", role.Parameters[ActionParameters.Assignee]);
    }

    [Fact]
    public void Hosts_with_critical_findings_are_isolated_with_every_critical_finding_as_evidence()
    {
        var isolate = Assert.Single(Plan(out _), p => p.Kind == ActionKind.IsolateHost);
        Assert.Equal(("acme-ex01", ActionTarget.Agent), (isolate.Subject, isolate.Target));
        Assert.Equal(["shell", "export"], isolate.FindingIds);
    }

    [Fact]
    public void A_vulnerable_exchange_server_in_scope_gets_the_build_the_knowledge_base_recommends()
    {
        var update = Assert.Single(Plan(out _), p => p.Kind == ActionKind.InstallUpdate);
        var recommended = Ooda.Knowledge.ExchangeKnowledgeBase.Embedded.Assess("15.2.858.5").RecommendedBuild!.Value.ToString();
        Assert.Equal(("acme-ex01", recommended, "15.2.858.5"), (update.Host, update.Parameters[ActionParameters.Build], update.Parameters[ActionParameters.CurrentBuild]));
        Assert.Contains("CVE-2021-34473", update.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Runbook_steps_without_evidence_of_their_own_are_planned_once()
    {
        var reset = Assert.Single(Plan(out _), p => p.Kind == ActionKind.ResetCredentials);
        Assert.Equal(ActionTarget.Customer, reset.Target);
        Assert.Contains("krbtgt", reset.Parameters[ActionParameters.Instructions], StringComparison.Ordinal);
    }

    [Fact]
    public void A_mailbox_export_seen_only_by_its_title_still_removes_exports_and_the_role()
    {
        using var dir = new TempDirectory();
        using var workspace = ResponseFixture.Open(dir.Path);
        var plan = ResponsePlanner.Plan(new ResponsePlanInput
        {
            Case = workspace.FindCase("C-0001")!,
            Findings = [ResponseFixture.Make("pst", "acme-ex01", "critical", "sigma", ["T1114.002"]) with { Title = "Mailbox exported to a web-served file" }],
        });
        Assert.Equal("all export requests", Assert.Single(plan, p => p.Kind == ActionKind.RemoveMailboxExportRequests).Subject);
        var role = Assert.Single(plan, p => p.Kind == ActionKind.RemoveRoleAssignment);
        Assert.False(role.Parameters.ContainsKey(ActionParameters.Assignee));
    }

    [Fact]
    public void Evidence_free_steps_come_from_the_runbook_most_findings_came_from()
    {
        using var dir = new TempDirectory();
        using var workspace = ResponseFixture.Open(dir.Path);
        var library = RunbookLibrary.Load([]);
        var findings = ResponseFixture.Findings();
        findings.Add(ResponseFixture.Make("other", "acme-ex01", "high", "sigma", ["T1190"]) with { Sources = [new FindingSource("proxynotshell", null, null)] });
        var plan = ResponsePlanner.Plan(new ResponsePlanInput
        {
            Case = workspace.FindCase("C-0001")!,
            Findings = findings,
            Runbooks = [_proxyShell, library.Find("proxynotshell")!],
        });
        var reset = Assert.Single(plan, p => p.Kind == ActionKind.ResetCredentials);
        Assert.StartsWith("proxyshell@", reset.RunbookStep, StringComparison.Ordinal);
    }

    [Fact]
    public void Planning_the_same_case_again_gives_the_same_actions_and_keys()
    {
        var first = Plan(out var @case);
        var second = Plan(out _);
        Assert.Equal(first.Select(p => ResponsePlanner.KeyOf(@case.Id, p)), second.Select(p => ResponsePlanner.KeyOf(@case.Id, p)));
        Assert.Equal(first.Count, first.Select(p => ResponsePlanner.KeyOf(@case.Id, p)).Distinct().Count());
    }

    [Fact]
    public void A_case_without_findings_plans_nothing()
    {
        using var dir = new TempDirectory();
        using var workspace = ResponseFixture.Open(dir.Path);
        Assert.Empty(ResponsePlanner.Plan(new ResponsePlanInput { Case = workspace.FindCase("1")! with { Hosts = [] }, Findings = [] }));
    }
}
