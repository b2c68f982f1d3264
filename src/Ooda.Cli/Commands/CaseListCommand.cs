using System.Globalization;
using Ooda.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda case list</c>: cases, newest first.</summary>
public sealed class CaseListCommand : Command<CaseListSettings>
{
    public override int Execute(CommandContext context, CaseListSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var cases = workspace.ListCases(settings.Tenant, settings.Status?.ToLowerInvariant());
        if (settings.Json)
        {
            using var json = new JsonLines();
            foreach (var c in cases)
                json.Write(w => CaseCli.Write(w, workspace, c, withFindings: false));
            return OodaApp.ExitOk;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("Case").AddColumn("Tenant").AddColumn("Status").AddColumn("Severity").AddColumn("TLP")
            .AddColumn("Assignee").AddColumn(new TableColumn("Hosts").RightAligned()).AddColumn(new TableColumn("Findings").RightAligned()).AddColumn("Updated (UTC)").AddColumn("Title");
        foreach (var c in cases)
        {
            table.AddRow(new Text(c.Id), new Text(TerminalText.Clip(c.Tenant, 20)), new Text(c.Status), new Text(c.Severity), new Text(c.Tlp),
                new Text(TerminalText.Clip(c.Assignee ?? "-", 16)), new Text(c.Hosts.Count.ToString(CultureInfo.InvariantCulture)),
                new Text(c.FindingIds.Count.ToString(CultureInfo.InvariantCulture)), new Text(Iso.Format(c.UpdatedAt)[..16]), new Text(TerminalText.Clip(c.Title, 70)));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{cases.Count} case(s)[/]");
        return OodaApp.ExitOk;
    }
}
