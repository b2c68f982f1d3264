using System.Globalization;
using System.Text.Json;
using Ooda.Cli.Rendering;
using Ooda.Core;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda leads</c>: the analysts' queue: state, severity, SLA due times (overdue marked), hits and first/last seen.</summary>
public sealed class LeadsCommand : Command<LeadsSettings>
{
    public override int Execute(CommandContext context, LeadsSettings settings, CancellationToken cancellationToken)
    {
        var state = settings.State?.ToLowerInvariant();
        if (state is not null && state != "open" && !LeadStates.All.Contains(state))
            throw new InputException($"--state: '{settings.State}' is not one of {string.Join(", ", LeadStates.All)} or open");
        if (settings.MinSeverity is not null && SeverityLevels.Rank(settings.MinSeverity) < 0)
            throw new InputException($"--min-severity: '{settings.MinSeverity}' is not one of {string.Join(", ", SeverityLevels.All)}");
        using var workspace = settings.OpenExistingWorkspace();
        var leads = workspace.ListLeads(new LeadQuery { Tenant = settings.Tenant, State = state, MinSeverity = settings.MinSeverity });
        var now = DateTime.UtcNow;
        if (settings.Json)
        {
            using var json = new JsonLines();
            foreach (var lead in leads)
                json.Write(w => LeadCli.Write(w, lead, now));
            return OodaApp.ExitOk;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("Lead").AddColumn("Tenant").AddColumn("Host").AddColumn("Severity").AddColumn("State")
            .AddColumn(new TableColumn("Hits").RightAligned()).AddColumn("Ack due (UTC)").AddColumn("Resolve due (UTC)").AddColumn("Last seen (UTC)").AddColumn("Title");
        foreach (var lead in leads)
        {
            table.AddRow(new Text(lead.Id), new Text(TerminalText.Clip(lead.Tenant, 16)), new Text(TerminalText.Clip(lead.Host, 20)), new Text(lead.Severity),
                new Text(lead.State + (lead.CaseId is { } c ? " " + c : string.Empty)), new Text(lead.Count.ToString(CultureInfo.InvariantCulture)),
                Due(lead.AckDueAt, lead.IsAckOverdue(now)), Due(lead.ResolveDueAt, lead.IsResolveOverdue(now)),
                new Text(Iso.Format(lead.LastSeen)[..16]), new Text(TerminalText.Clip(lead.Title, 60)));
        }

        AnsiConsole.Write(table);
        var overdue = leads.Count(l => l.IsAckOverdue(now) || l.IsResolveOverdue(now));
        AnsiConsole.MarkupLine($"[grey]{leads.Count} lead(s){(overdue > 0 ? $", [red]{overdue} past their SLA[/]" : string.Empty)}[/]");
        return OodaApp.ExitOk;
    }

    private static Text Due(DateTime due, bool overdue) =>
        new(Iso.Format(due)[..16] + (overdue ? " overdue" : string.Empty), overdue ? new Style(Color.Red) : Style.Plain);
}
