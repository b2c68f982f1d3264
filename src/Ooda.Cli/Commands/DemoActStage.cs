using System.Text;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Reports;
using Ooda.Engine.Response;
using Ooda.Investigation.Cases;
using Ooda.Response;
using Ooda.Store;
using Spectre.Console;

namespace Ooda.Cli.Commands;

/// <summary>
/// Act, as the team would on the demo case: take the lead off the queue into the case, plan the remediation from the case's findings, record the customer's approval
/// of the endpoint actions (the demo tenant is in collaborate mode), dispatch through the gate, then write the report and
/// the exports. Endpoint actions go to a signed file outbox, the stand-in for an agent's webhook, so the demo needs no network.
/// </summary>
internal static class DemoActStage
{
    // The outbox signs payloads as a webhook would; the demo's key is public by nature.
    private static readonly byte[] _outboxKey = Encoding.UTF8.GetBytes("ooda-demo-outbox");

    public static async Task<DemoAct> RunAsync(string workspaceFolder, string output, string caseId, string leadId, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(output, "act");
        Directory.CreateDirectory(folder);
        using var workspace = Workspace.Open(workspaceFolder);
        // The lead the case was opened from leaves the queue as escalated into that case.
        var @case = CaseService.Require(workspace, caseId);
        var escalated = workspace.ListLeads(new LeadQuery { Tenant = @case.Tenant })
            .FirstOrDefault(l => l.CaseId is null && l.FindingIds.Contains(leadId, StringComparer.Ordinal));
        if (escalated is not null)
            workspace.LinkLeadToCase(escalated.Id, caseId, DemoCaseStage.Actor);

        var runbooks = RunbookLibrary.Load([]);
        var plan = ResponseService.Plan(workspace, caseId, runbooks, DemoCaseStage.Actor);

        // The customer's primary contact authorises containment on the phone; in the demo this approval is simulated and says so.
        var awaiting = plan.Actions.Where(a => a.Target == "agent" && a.State == StoredActionStates.AwaitingApproval).Select(a => a.Id).ToList();
        if (awaiting.Count > 0)
        {
            ResponseService.Approve(workspace, awaiting, new ActionApproval("phone", $"{plan.Case.Tenant} primary contact (simulated by the demo)",
                "contain the Exchange server and the reached hosts now"), DemoCaseStage.Actor);
        }

        var dispatch = await ResponseService.DispatchAsync(workspace, caseId, new DispatchRequest
        {
            Connector = new OutboxConnector(Path.Combine(folder, "agent-outbox"), _outboxKey),
            ScriptPath = Path.Combine(folder, "remediation.ps1"),
            NoticePath = Path.Combine(folder, "notice.txt"),
        }, DemoCaseStage.Actor, cancellationToken).ConfigureAwait(false);

        @case = CaseService.Require(workspace, caseId);
        var report = ReportService.Compose(workspace, @case, new ReportOptions { Around = leadId, Runbooks = runbooks, GeneratedBy = DemoCaseStage.Actor }, cancellationToken);
        var files = new List<string> { "agent-outbox/", "remediation.ps1", "notice.txt" };
        foreach (var (format, name) in ((ReportFormat, string)[])[(ReportFormat.Html, "report.html"), (ReportFormat.Markdown, "report.md")])
        {
            await ReportService.WriteAsync(report, format, Path.Combine(folder, name), cancellationToken: cancellationToken).ConfigureAwait(false);
            files.Add(name);
        }

        foreach (var (format, name) in ((ExportFormat, string)[])[(ExportFormat.Stix, "stix-bundle.json"), (ExportFormat.Navigator, "attack-navigator-layer.json"),
                     (ExportFormat.Misp, "misp-event.json"), (ExportFormat.Timesketch, "timesketch.csv")])
        {
            await using (var stream = File.Create(Path.Combine(folder, name)))
            {
                if (format == ExportFormat.Timesketch)
                    ExportService.Write(workspace, @case, format, stream, new ReportOptions { Around = leadId, Runbooks = runbooks }, cancellationToken);
                else
                    ExportService.Write(report, format, stream);
            }
            files.Add(name);
        }

        return new DemoAct(caseId, dispatch.Policy, plan.Added.Count, awaiting, dispatch, folder, files);
    }

    public static void Write(DemoAct act)
    {
        var console = AnsiConsole.Console;
        console.Write(new Rule($"[bold]Act: respond and report on {Markup.Escape(act.CaseId)}[/]").LeftJustified());
        console.MarkupLine($"Tenant [bold]{Markup.Escape(act.Policy.Tenant)}[/] is in [bold]{Markup.Escape(ResponseNames.Of(act.Policy.Mode))}[/] mode ({Markup.Escape(act.Policy.Source)}): "
            + $"{act.Approved.Count} endpoint actions approved by the customer (simulated), then dispatched through the gate.");
        var table = new Table().Border(TableBorder.Simple).AddColumn("Action").AddColumn("Kind").AddColumn("Target").AddColumn("Subject").AddColumn("State").AddColumn("Why");
        var outcomes = act.Dispatch.Outcomes.ToDictionary(o => o.ActionId, StringComparer.Ordinal);
        foreach (var a in act.Dispatch.Actions)
        {
            table.AddRow(new Text(a.Id), new Text(a.Kind), new Text(a.Target), new Text(TerminalText.Clip(a.Subject, 60)), new Text(a.State),
                new Text(TerminalText.Clip(outcomes.TryGetValue(a.Id, out var o) ? o.Reason : a.Reason, 70)));
        }

        console.Write(table);
        console.MarkupLine($"Written to [bold]{Markup.Escape(act.Folder)}[/]: {Markup.Escape(string.Join(", ", act.Files))}.");
        console.MarkupLine($"Next: [grey]ooda respond status {Markup.Escape(act.CaseId)}[/], [grey]ooda report {Markup.Escape(act.CaseId)} --format pdf --output report.pdf[/], "
            + "[grey]ooda audit verify[/]");
    }
}
