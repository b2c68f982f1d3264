using Ooda.Engine.Response;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda respond reject</c>: records that an action is not to be taken, and why; it is never dispatched.</summary>
public sealed class RespondRejectCommand : Command<RespondRejectSettings>
{
    public override int Execute(CommandContext context, RespondRejectSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var a = RespondCli.Guard(() => ResponseService.Reject(workspace, settings.Action, settings.Reason, settings.Actor, settings.By));
        if (settings.Json)
            RespondCli.WriteJson(ResponseService.PolicyFor(workspace, a.Tenant), [a]);
        else
            AnsiConsole.MarkupLine($"{Markup.Escape(a.Id)} {Markup.Escape(a.Kind)} [bold]rejected[/]: {Markup.Escape(TerminalText.Clean(settings.Reason))}");
        return OodaApp.ExitOk;
    }
}
