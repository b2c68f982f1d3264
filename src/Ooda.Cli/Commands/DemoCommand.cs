using System.Globalization;
using Ooda.Cli.Rendering;
using Ooda.Core;
using Ooda.Demo;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Ingest;
using Ooda.Engine.Response;
using Ooda.Engine.Runbooks;
using Ooda.Engine.Triage;
using Ooda.Response;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda demo</c>: generate the demo fleet, ingest it, and summarise — each later stage of the loop joins here.</summary>
public sealed class DemoCommand : AsyncCommand<DemoSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var output = Path.GetFullPath(settings.Output);
        var fleet = DemoFleetGenerator.Generate(new DemoOptions(output, settings.Seed, settings.Scale));
        var workspace = settings.OpenWorkspace();
        var summary = await IngestCommand.Run(workspace, new IngestRequest(Path.Combine(output, "collection")), settings.Json, cancellationToken).ConfigureAwait(false);
        var stats = workspace.Stats();

        // Orient: exposure triage of the demo fleet (issue 5), hosts in investigate-first order.
        var triageRequest = new TriageRequest(
            Path.Combine(output, "inventory.csv"),
            [Path.Combine(output, "scans", "external.xml"), Path.Combine(output, "scans", "external-ipv6.xml")]);
        var triage = new TriageService().Run(triageRequest, cancellationToken);
        TriageStorage.Save(workspace, triageRequest, triage);
        workspace.Dispose();

        // Orient: every built-in runbook over the stored evidence (issue 6); the findings are the leads of the next stage.
        RunbookHuntResult hunt;
        using (var hunter = new RunbookHuntService(RunbookLibrary.Load([]).Latest))
            hunt = hunter.HuntStore(settings.WorkspaceFolder, null, cancellationToken);
        workspace = settings.OpenWorkspace();
        var saved = workspace.SaveFindings(hunt.Findings);
        // The leads queue (the console's and `ooda leads`): one deduplicated lead per host and detection, with its SLA.
        var leadsRaised = workspace.RaiseLeads(hunt.Findings, DateTime.UtcNow, actor: DemoCaseStage.Actor);
        var folder = workspace.Folder;
        workspace.Dispose();

        // Decide: a case from the lead, followed across the network, and looked at around the web shell (issue 7).
        var investigation = DemoCaseStage.Run(settings.WorkspaceFolder, triage, hunt.Findings, cancellationToken);

        // Act: the case's remediation through the tenant's response mode, then the report and exports (issue 8).
        var act = investigation is null ? null : await DemoActStage.RunAsync(settings.WorkspaceFolder, output, investigation.Case.Id, investigation.Lead.Id, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            using var json = new JsonLines();
            json.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("output", output);
                w.WriteString("workspace", folder);
                w.WriteNumber("seed", fleet.Seed);
                w.WriteNumber("tenants", fleet.Tenants.Count);
                w.WriteNumber("hosts", fleet.Hosts.Count);
                w.WriteNumber("recordsGenerated", fleet.TotalRecords);
                w.WriteNumber("eventsAdded", summary.EventsAdded);
                w.WriteNumber("eventsInWorkspace", stats.Events);
                w.WriteNumber("filesIngested", summary.Count(IngestOutcome.Ingested));
                w.WriteNumber("filesAlreadyIngested", summary.Count(IngestOutcome.AlreadyIngested));
                w.WriteNumber("capturedFiles", stats.CapturedFiles);
                w.WriteNumber("diagnostics", summary.Files.Sum(f => f.Diagnostics.Count));
                w.WriteStartArray("triage");
                foreach (var host in triage.Hosts)
                    TriageJson.WriteHost(w, host);
                w.WriteEndArray();
                w.WriteStartObject("findings");
                w.WriteNumber("total", hunt.Findings.Count);
                w.WriteNumber("new", saved.Added);
                w.WriteNumber("leadsRaised", leadsRaised.Raised.Count);
                foreach (var severity in RunbookVocabulary.Severities.Reverse())
                    w.WriteNumber(severity, hunt.Findings.Count(f => f.Severity == severity));
                w.WriteEndObject();
                w.WriteStartArray("leads");
                foreach (var lead in Leads(hunt.Findings))
                {
                    w.WriteStartObject();
                    w.WriteString("tenant", lead.Key.Tenant);
                    w.WriteString("host", lead.Key.Host);
                    w.WriteString("foundBy", lead.Key.FoundBy);
                    w.WriteString("severity", lead.First().Severity);
                    w.WriteString("title", lead.First().Title);
                    w.WriteNumber("findings", lead.Count());
                    w.WriteString("firstSeen", lead.Min(f => f.Timestamp) is var t && t == DateTime.MinValue ? null : Iso.Format(t));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (investigation is { } d)
                {
                    w.WriteStartObject("case");
                    w.WriteString("caseId", d.Case.Id);
                    w.WriteString("lead", d.Lead.Id);
                    w.WriteString("leadTitle", d.Lead.Title);
                    w.WriteString("status", d.Case.Status);
                    w.WriteNumber("findingsLinked", d.Case.FindingIds.Count);
                    w.WriteStartArray("scope");
                    foreach (var h in d.Case.Hosts)
                        w.WriteStringValue(h.Host);
                    w.WriteEndArray();
                    w.WriteStartArray("reached");
                    foreach (var r in d.Expansion.Reached)
                        w.WriteStringValue(r.Host);
                    w.WriteEndArray();
                    w.WriteNumber("timelineRows", d.Timeline.Rows.Count);
                    w.WriteNumber("timelineRowsWithFindings", d.Timeline.Rows.Count(r => r.Findings.Count > 0));
                    w.WriteNumber("treeProcesses", d.Tree.Processes);
                    w.WriteNumber("suspiciousEdges", d.Graph.Edges.Count(e => e.Suspicious));
                    w.WriteNumber("routineEdges", d.Graph.RoutineEdgeCount);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("case");
                }

                if (act is not null)
                {
                    w.WriteStartObject("act");
                    w.WriteString("mode", ResponseNames.Of(act.Policy.Mode));
                    w.WriteNumber("actions", act.Dispatch.Actions.Count);
                    w.WriteNumber("approved", act.Approved.Count);
                    w.WriteStartObject("states");
                    foreach (var state in act.Dispatch.Actions.GroupBy(a => a.State, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                        w.WriteNumber(state.Key, state.Count());
                    w.WriteEndObject();
                    w.WriteString("folder", act.Folder);
                    w.WriteStartArray("files");
                    foreach (var file in act.Files)
                        w.WriteStringValue(file);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("act");
                }

                w.WriteEndObject();
            });
            return OodaApp.ExitOk;
        }

        var hosts = new Table().Border(TableBorder.Rounded).Title("Demo fleet")
            .AddColumn("Tenant").AddColumn("Host").AddColumn("Roles").AddColumn("Exchange build").AddColumn(new TableColumn("Events stored").RightAligned());
        var perHost = summary.Files.Where(f => f.Outcome == IngestOutcome.Ingested)
            .GroupBy(f => (f.Tenant, f.Host)).ToDictionary(g => g.Key, g => g.Sum(f => f.Events));
        foreach (var host in fleet.Hosts)
        {
            hosts.AddRow(new Text(host.Tenant), new Text(host.Name), new Text(string.Join(", ", host.Roles)), new Text(host.ExchangeBuild ?? "-"),
                new Text(perHost.GetValueOrDefault((host.Tenant, host.Name)).ToString("N0", CultureInfo.InvariantCulture)));
        }

        AnsiConsole.Write(hosts);
        IngestReport.WriteTotals(summary);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Workspace [bold]{Markup.Escape(folder)}[/]: {stats.Events:N0} events from {stats.Files} files, {stats.CapturedFiles} captured files, {stats.Tenants} tenants, {stats.Hosts} hosts."));
        AnsiConsole.MarkupLine($"Generated files: [bold]{Markup.Escape(output)}[/] (inventory.csv, scans/, collection/). One intrusion is hidden in them.");

        TriageCommand.Write(triage);

        var leads = new Table().Border(TableBorder.Rounded).Title("Leads from the built-in runbooks (most severe first)")
            .AddColumn("Severity").AddColumn("Tenant / host").AddColumn("Runbook / hunt").AddColumn("What").AddColumn(new TableColumn("Findings").RightAligned()).AddColumn("First seen (UTC)");
        foreach (var lead in Leads(hunt.Findings).Take(25))
        {
            var first = lead.Min(f => f.Timestamp);
            leads.AddRow(new Text(lead.First().Severity), new Text($"{lead.Key.Tenant}/{lead.Key.Host}"), new Text(lead.Key.FoundBy),
                new Text(TerminalText.Clip(lead.First().Title, 70)), new Text(lead.Count().ToString(CultureInfo.InvariantCulture)),
                new Text(first == DateTime.MinValue ? "-" : Iso.Format(first)[..19]));
        }

        AnsiConsole.Write(leads);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{hunt.Findings.Count} findings ({saved.Added} new) from {hunt.Steps.Count(s => s.Runs)} hunt steps; stored in the workspace; {leadsRaised.Raised.Count} leads raised in the queue ([grey]ooda leads[/]). All findings: [grey]ooda sql \"SELECT severity, host, rule_id, title FROM findings ORDER BY ts\"[/]"));

        if (investigation is not null)
            DemoCaseStage.Write(investigation);
        if (act is not null)
            DemoActStage.Write(act);
        if (investigation is null)
            AnsiConsole.MarkupLine("[yellow]no critical web-shell finding on the first triaged host: no case opened[/]");
        return OodaApp.ExitOk;
    }

    /// <summary>Findings folded to one lead per host and what found them, most severe first, then earliest.</summary>
    private static IEnumerable<IGrouping<(string Tenant, string Host, string FoundBy), Finding>> Leads(IReadOnlyList<Finding> findings) =>
        findings.GroupBy(f => (f.Tenant, f.Host, f.FoundBy))
            .OrderByDescending(g => g.Max(f => RunbookVocabulary.SeverityRank(f.Severity)))
            .ThenBy(g => g.Min(f => f.Timestamp));
}
