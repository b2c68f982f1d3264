using Ooda.Investigation.Cases;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda case status</c>: moves a case along its life cycle.</summary>
public sealed class CaseStatusCommand : Command<CaseStatusSettings>
{
    public override int Execute(CommandContext context, CaseStatusSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var before = CaseCli.Require(workspace, settings.Case);
        var c = CaseCli.Guard(() => CaseService.SetStatus(workspace, before.Id, settings.Status, settings.Reason, settings.Actor));
        if (settings.Json)
            CaseCli.WriteJson(workspace, c);
        else
            AnsiConsole.MarkupLine($"{Markup.Escape(c.Id)}: {Markup.Escape(before.Status)} → [bold]{Markup.Escape(c.Status)}[/]");
        return OodaApp.ExitOk;
    }
}
