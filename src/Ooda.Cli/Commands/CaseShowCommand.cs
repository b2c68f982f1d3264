using Ooda.Cli.Rendering;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda case show</c>: one case with its scope, findings, evidence, notes and audit trail.</summary>
public sealed class CaseShowCommand : Command<CaseReferenceSettings>
{
    public override int Execute(CommandContext context, CaseReferenceSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var c = CaseCli.Require(workspace, settings.Case);
        if (settings.Json)
        {
            CaseCli.WriteJson(workspace, c);
            return OodaApp.ExitOk;
        }

        CaseCli.Render(workspace, c);
        var trail = new Table().Border(TableBorder.Simple).Title("[bold]Audit trail[/]").AddColumn("#").AddColumn("When (UTC)").AddColumn("Who").AddColumn("Action").AddColumn("Details");
        foreach (var entry in workspace.ReadAudit(Workspace.CaseSubject(c.Id)))
        {
            trail.AddRow(new Text(entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(Iso.Format(entry.At)[..19]),
                new Text(TerminalText.Clip(entry.Actor, 20)), new Text(entry.Action), new Text(TerminalText.Clip(entry.Details, 100)));
        }

        AnsiConsole.Write(trail);
        return OodaApp.ExitOk;
    }
}
