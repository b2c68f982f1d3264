using Ooda.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli;

/// <summary>The <c>ooda</c> command line: command map and the exit-code contract (0 ok, 1 findings at or above --fail-on, 2 bad input, 3 internal error).</summary>
public static class OodaApp
{
    public const int ExitOk = 0;
    public const int ExitFindings = 1;
    public const int ExitBadInput = 2;
    public const int ExitInternalError = 3;

    /// <summary>Width of tables written to a file or pipe, where there is no terminal to measure; COLUMNS overrides it.</summary>
    public const int RedirectedWidth = 160;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        // Spectre falls back to 80 columns without a terminal, which folds every table cell into a tall column of words.
        if (Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("COLUMNS")))
            AnsiConsole.Profile.Width = RedirectedWidth;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("ooda");
            config.Settings.StrictParsing = true;
            config.SetExceptionHandler((exception, _) => HandleError(exception));
            config.AddCommand<IngestCommand>("ingest")
                .WithDescription("Load an evidence collection into the workspace (idempotent, atomic per file).")
                .WithExample("ingest", "./collection")
                .WithExample("ingest", "./logs", "--tenant", "acme", "--host", "EXCH01");
            config.AddCommand<EventsCommand>("events")
                .WithDescription("List stored events by tenant, host, time, channel, event id and field values.")
                .WithExample("events", "--host", "EXCH01", "--event-id", "4688", "--where", "CommandLine=*whoami*");
            config.AddCommand<SqlCommand>("sql")
                .WithDescription("Run read-only SQL over the workspace store (tables: events, ingested_files, diagnostics, captured_files, findings, triage_runs, triage_hosts, cases, case_findings, case_hosts, case_notes, case_evidence, audit_log, stack_values, stack_files).")
                .WithExample("sql", "\"SELECT host, count(*) FROM events GROUP BY host\"");
            config.AddBranch("exchange", exchange =>
            {
                exchange.SetDescription("Exchange Server knowledge: builds, CUs, SUs and the CVEs they fix.");
                exchange.AddCommand<ExchangeAssessCommand>("assess")
                    .WithDescription("Explain one Exchange build: product, CU, SU level, CVEs still open, the builds that fix them.")
                    .WithExample("exchange", "assess", "--build", "15.2.858.5");
            });
            config.AddCommand<AttackCommand>("attack")
                .WithDescription("Resolve ATT&CK ids and Sigma tags to tactic, id and name (v19 and revoked ids included).")
                .WithExample("attack", "T1190", "attack.t1059.001", "attack.stealth");
            config.AddCommand<TriageCommand>("triage")
                .WithDescription("Rank hosts by vulnerable Exchange build, missing fix and 443/tcp open from the internet.")
                .WithExample("triage", "--inventory", "inventory.csv", "--scan", "scans/external.xml", "--scan", "scans/external-ipv6.xml");
            config.AddCommand<ProbeCommand>("probe")
                .WithDescription("Safe, read-only checks of one Exchange front end: leaked build, ProxyShell SSRF indicator, ProxyNotShell mitigation.")
                .WithExample("probe", "https://mail.example.com", "--json");
            config.AddCommand<HuntCommand>("hunt")
                .WithDescription("Run Sigma rules over evidence files or the workspace store; one detection per rule and event.")
                .WithExample("hunt", "./logs", "--sigma", "./rules", "--min-level", "high")
                .WithExample("hunt", "--store", "--sigma", "./rules", "--json")
                .WithExample("hunt", "--store", "--runbook", "proxyshell");
            config.AddBranch("runbook", runbook =>
            {
                runbook.SetDescription("Runbooks per threat: TTPs, IOCs, PoCs, hunts and remediation, versioned.");
                runbook.AddCommand<RunbookListCommand>("list").WithDescription("Every runbook, built-in and from --runbooks folders, with its versions.");
                runbook.AddCommand<RunbookShowCommand>("show").WithDescription("One runbook: TTPs as tactic, id and name; affected builds; hunts.")
                    .WithExample("runbook", "show", "proxyshell");
                runbook.AddCommand<RunbookValidateCommand>("validate").WithDescription("Check every runbook: YAML, ATT&CK ids, knowledge-base links, hunts compile.");
                runbook.AddCommand<RunbookDiffCommand>("diff").WithDescription("What changed between two versions.")
                    .WithExample("runbook", "diff", "proxyshell@1.0.0", "proxyshell@1.1.0", "--runbooks", "./team-runbooks");
                runbook.AddCommand<RunbookLearnCommand>("learn").WithDescription("Write the next version from an engagement's confirmed findings.")
                    .WithExample("runbook", "learn", "proxyshell", "--from", "findings.jsonl", "--runbooks", "./team-runbooks");
            });
            config.AddBranch("case", cases =>
            {
                cases.SetDescription("Cases built from leads: scope, findings, evidence with chain of custody, timeline, process tree, lateral movement.");
                cases.AddCommand<CaseOpenCommand>("open").WithDescription("Open a case from findings (or a title and tenant).")
                    .WithExample("case", "open", "--from-finding", "3f2a9c01");
                cases.AddCommand<CaseListCommand>("list").WithDescription("Cases, newest first.");
                cases.AddCommand<CaseShowCommand>("show").WithDescription("One case: scope, findings, evidence, notes and audit trail.")
                    .WithExample("case", "show", "C-0001");
                cases.AddCommand<CaseLinkCommand>("link").WithDescription("Link findings; their hosts and evidence join the case.")
                    .WithExample("case", "link", "C-0001", "--scope-findings");
                cases.AddCommand<CaseScopeCommand>("scope").WithDescription("Show, add or remove the hosts in scope.")
                    .WithExample("case", "scope", "C-0001", "--add", "acme-dc01", "--reason", "PsExec from acme-ex01");
                cases.AddCommand<CaseStatusCommand>("status").WithDescription("Move the case: new, investigating, contained, eradicated, recovered, closed.")
                    .WithExample("case", "status", "C-0001", "contained");
                cases.AddCommand<CaseExpandCommand>("expand").WithDescription("Bring the hosts the attacker reached into scope and hunt them with the case's runbooks.")
                    .WithExample("case", "expand", "C-0001");
                cases.AddCommand<CaseNoteCommand>("note").WithDescription("Add a note.").WithExample("case", "note", "C-0001", "\"webshell confirmed\"");
                cases.AddCommand<CaseSetCommand>("set").WithDescription("Change title, severity, assignee, TLP or tags.")
                    .WithExample("case", "set", "C-0001", "--assignee", "dana", "--tlp", "amber+strict");
                cases.AddCommand<CaseTimelineCommand>("timeline").WithDescription("One UTC timeline of the case's hosts around a finding, event or time: events, web and Exchange logs, file times, finding markers; table, JSON lines or Timesketch CSV.")
                    .WithExample("case", "timeline", "C-0001", "--before", "2d", "--after", "6h", "--source", "iis", "--source", "sysmon 1")
                    .WithExample("case", "timeline", "C-0001", "--around", "2021-08-07T03:40:00Z", "--format", "timesketch", "--output", "timeline.csv");
                cases.AddCommand<CaseGraphCommand>("graph").WithDescription("Lateral-movement graph: suspicious edges with reasons and evidence, reached hosts (--all adds routine ones).")
                    .WithExample("case", "graph", "C-0001", "--format", "svg", "--output", "graph.svg");
                cases.AddCommand<CaseAttackCommand>("attack").WithDescription("ATT&CK view: techniques the findings evidence, by tactic in kill-chain order, with first and last seen, hosts and findings.")
                    .WithExample("case", "attack", "C-0001", "--json");
                cases.AddCommand<CaseTreeCommand>("tree").WithDescription("Process tree of a host from Sysmon 1 and Security 4688 (PID reuse resolved by time), as a tree, JSON or SVG.")
                    .WithExample("case", "tree", "C-0001", "--host", "acme-ex01", "--root", "w3wp.exe")
                    .WithExample("case", "tree", "C-0001", "--pid", "0x1a2c", "--at", "2021-08-07T03:41:16Z", "--format", "svg", "--output", "tree.svg");
            });
            config.AddCommand<StackCommand>("stack")
                .WithDescription("Least frequency of occurrence: values of a preset or field by the number of distinct hosts showing them, rarest first.")
                .WithExample("stack", "process", "--tenant", "acme")
                .WithExample("stack", "aspx", "--max-hosts", "2", "--json")
                .WithExample("stack", "CommandLine", "--where", "ParentImage=*\\w3wp.exe");
            config.AddBranch("audit", audit =>
            {
                audit.SetDescription("The workspace's append-only, hash-chained audit log.");
                audit.AddCommand<AuditVerifyCommand>("verify").WithDescription("Recompute the hash chain; exit 1 when any entry was edited or removed.");
                audit.AddCommand<AuditListCommand>("list").WithDescription("Every entry, oldest first, with its hash.");
            });
            config.AddBranch("sigma", sigma =>
            {
                sigma.SetDescription("Sigma rule tools.");
                sigma.AddCommand<SigmaLintCommand>("lint")
                    .WithDescription("Compile every rule; list each one that is skipped or rejected with its exact reason.")
                    .WithExample("sigma", "lint", "./rules");
            });
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Generate the demo fleet (fixed seed), ingest it and print a summary.");
            config.AddBranch("evtx", b => b.AddCommand<EvtxDumpCommand>("dump")
                .WithDescription("Print every record of an .evtx file as JSON lines (the evtx crate's shape), JSON or XML.")
                .WithExample("evtx", "dump", "Security.evtx", "--format", "jsonl"));
        });
        return await app.RunAsync(args, cancellationToken).ConfigureAwait(false);
    }

    private static int HandleError(Exception exception)
    {
        var (code, message) = exception switch
        {
            InputException e => (ExitBadInput, e.Message),
            CommandAppException e => (ExitBadInput, e.Message),
            FileNotFoundException or DirectoryNotFoundException => (ExitBadInput, exception.Message),
            OperationCanceledException => (ExitBadInput, "cancelled"),
            _ => (ExitInternalError, $"internal error: {exception.GetType().Name}: {exception.Message}"),
        };
        Console.Error.WriteLine("ooda: " + TerminalText.Clean(message));
        return code;
    }
}
