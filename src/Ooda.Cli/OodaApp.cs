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
        // Building the command tree costs more than dumping a small log: plain, valid `evtx dump` arguments skip it.
        if (EvtxDumpFastPath.TryParse(args) is { } dump)
        {
            try
            {
                return EvtxDumpCommand.Run(dump, cancellationToken);
            }
            catch (Exception exception)
            {
                return HandleError(exception);
            }
        }

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
                .WithDescription("Run read-only SQL over the workspace store (tables: events, ingested_files, diagnostics, captured_files, findings, finding_sources, triage_runs, triage_hosts, cases, case_findings, case_hosts, case_notes, case_evidence, audit_log, stack_values, stack_files, process_events).")
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
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Web console and REST API over the workspace: exposure, leads, cases, runbooks; accounts, tokens, tenant scope.")
                .WithExample("serve", "--workspace", "./ooda-demo/.ooda", "--urls", "http://127.0.0.1:5080");
            config.AddBranch("user", user =>
            {
                user.SetDescription("Console accounts: roles admin, analyst (assigned tenants), customer (own tenant); API tokens.");
                user.AddCommand<UserAddCommand>("add").WithDescription("Add an account; the password is read from stdin or --password-env.")
                    .WithExample("user", "add", "dana", "--role", "analyst", "--tenants", "acme,globex");
                user.AddCommand<UserRoleCommand>("role").WithDescription("Change an account's role and tenants (its sessions end).")
                    .WithExample("user", "role", "dana", "--role", "analyst", "--tenants", "acme");
                user.AddCommand<UserTokenCommand>("token").WithDescription("Issue an API token (shown once) or revoke one.")
                    .WithExample("user", "token", "dana", "--label", "ingest-bot");
            });
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Customer report of a case: self-contained HTML, Markdown, or PDF printed by headless Chromium (no network).")
                .WithExample("report", "C-0001", "--format", "pdf", "--output", "C-0001.pdf");
            config.AddCommand<ExportCommand>("export")
                .WithDescription("A case for other tools: STIX 2.1 bundle, ATT&CK Navigator layer, Timesketch CSV or MISP event JSON.")
                .WithExample("export", "C-0001", "--format", "stix", "--output", "C-0001.stix.json");
            config.AddBranch("inbox", inbox =>
            {
                inbox.SetDescription("Continuous hunting: watch an inbox folder, ingest and hunt new evidence, raise leads.");
                inbox.AddCommand<InboxRunCommand>("run")
                    .WithDescription("Scan <tenant>/<host>/… under --inbox, ingest each new file once, hunt only its events, raise deduplicated leads; --once for one pass.")
                    .WithExample("inbox", "run", "--inbox", "./inbox", "--once");
                inbox.AddCommand<InboxListCommand>("list").WithDescription("The work queue: one row per arrived file with its state (arrived, ingested, hunted, failed).");
            });
            config.AddCommand<LeadsCommand>("leads")
                .WithDescription("The leads queue: new first, most severe first, with SLA due times (overdue marked).")
                .WithExample("leads", "--state", "open");
            config.AddBranch("lead", lead =>
            {
                lead.SetDescription("Work a lead: acknowledge, dismiss, or escalate to a case.");
                lead.AddCommand<LeadAckCommand>("ack").WithDescription("Acknowledge a new lead.").WithExample("lead", "ack", "L-0001");
                lead.AddCommand<LeadDismissCommand>("dismiss").WithDescription("Dismiss an open lead with a reason.")
                    .WithExample("lead", "dismiss", "L-0001", "--reason", "\"admin tooling\"");
                lead.AddCommand<LeadCaseCommand>("case").WithDescription("Escalate a lead to a case of its tenant; its findings join the case.")
                    .WithExample("lead", "case", "L-0001", "C-0001");
            });
            config.AddBranch("tenant", tenant =>
            {
                tenant.SetDescription("Tenant response settings: mode (notify, collaborate, authorize) and the contact chain.");
                tenant.AddCommand<TenantSetCommand>("set").WithDescription("Set a tenant's response mode, act-if-unreachable and contacts.")
                    .WithExample("tenant", "set", "acme", "--mode", "collaborate", "--act-if-unreachable", "--primary", "Dana Reyes <dana@acme.example>");
                tenant.AddCommand<TenantShowCommand>("show").WithDescription("The mode in force per tenant (setting, else inventory, else notify) and its contacts.");
            });
            config.AddBranch("respond", respond =>
            {
                respond.SetDescription("Remediation within the tenant's response mode: plan, approve, reject, dispatch, status, complete.");
                respond.AddCommand<RespondPlanCommand>("plan").WithDescription("Derive the case's actions from its findings and runbooks; re-planning adds only new ones.")
                    .WithExample("respond", "plan", "C-0001");
                respond.AddCommand<RespondApproveCommand>("approve").WithDescription("Record the customer's approval: who, when, through which channel.")
                    .WithExample("respond", "approve", "A-0001", "A-0002", "--via", "phone", "--by", "Dana Reyes");
                respond.AddCommand<RespondRejectCommand>("reject").WithDescription("Record that an action is not to be taken, and why.")
                    .WithExample("respond", "reject", "A-0003", "--reason", "server needed for payroll");
                respond.AddCommand<RespondDispatchCommand>("dispatch").WithDescription("Run the actions through the gate: webhook for the agent, script and notice for the customer.")
                    .WithExample("respond", "dispatch", "C-0001", "--webhook", "https://agent.example/hook", "--secret-env", "OODA_WEBHOOK_SECRET");
                respond.AddCommand<RespondStatusCommand>("status").WithDescription("The case's actions, states and what the gate allows now.");
                respond.AddCommand<RespondCompleteCommand>("complete").WithDescription("Record the result of a dispatched action: --done or --failed, with a note.")
                    .WithExample("respond", "complete", "A-0004", "--done", "--note", "agent reported the host isolated");
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
