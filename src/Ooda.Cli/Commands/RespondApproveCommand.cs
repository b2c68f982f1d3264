using Ooda.Engine.Response;
using Ooda.Response;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda respond approve</c>: records a customer's approval of actions — who, when, through which channel.</summary>
public sealed class RespondApproveCommand : Command<RespondApproveSettings>
{
    public override int Execute(CommandContext context, RespondApproveSettings settings, CancellationToken cancellationToken)
    {
        if (ActionApproval.NormalizeChannel(settings.Via) is null)
            throw new InputException($"--via must be one of {string.Join(", ", ActionApproval.Channels)}");
        using var workspace = settings.OpenExistingWorkspace();
        var approved = RespondCli.Guard(() => ResponseService.Approve(workspace, settings.Actions, new ActionApproval(settings.Via, settings.By, settings.Note), settings.Actor));
        if (settings.Json)
        {
            RespondCli.WriteJson(ResponseService.PolicyFor(workspace, approved[0].Tenant), approved);
            return OodaApp.ExitOk;
        }

        foreach (var a in approved)
            AnsiConsole.MarkupLine($"{Markup.Escape(a.Id)} {Markup.Escape(a.Kind)} [bold]approved[/] via {Markup.Escape(a.Events[^1].Via ?? "?")} by {Markup.Escape(TerminalText.Clean(a.Events[^1].AuthorizedBy ?? a.Events[^1].Actor))}");
        return OodaApp.ExitOk;
    }
}
