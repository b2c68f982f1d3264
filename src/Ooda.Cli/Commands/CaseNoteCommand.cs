using Ooda.Investigation.Cases;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda case note</c>: adds a note to a case.</summary>
public sealed class CaseNoteCommand : Command<CaseNoteSettings>
{
    public override int Execute(CommandContext context, CaseNoteSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var c = CaseCli.Guard(() => CaseService.Note(workspace, settings.Case, settings.Text, settings.Actor));
        if (settings.Json)
            CaseCli.WriteJson(workspace, c);
        else
            AnsiConsole.MarkupLine($"{Markup.Escape(c.Id)}: note {c.Notes[^1].Number} added");
        return OodaApp.ExitOk;
    }
}
