using Ooda.Engine.Response;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary>
/// <c>ooda respond complete</c>: records the result of a dispatched action reported outside a connector — the agent called
/// back, the customer ran the script, or a dispatch was interrupted and someone checked by hand.
/// </summary>
public sealed class RespondCompleteCommand : Command<RespondCompleteSettings>
{
    public override int Execute(CommandContext context, RespondCompleteSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Done == settings.Failed)
            throw new InputException("give exactly one of --done or --failed");
        using var workspace = settings.OpenExistingWorkspace();
        var a = RespondCli.Guard(() => ResponseService.Complete(workspace, settings.Action, settings.Done, settings.Note, settings.Actor));
        if (settings.Json)
            RespondCli.WriteJson(ResponseService.PolicyFor(workspace, a.Tenant), [a]);
        else
            AnsiConsole.MarkupLine($"{Markup.Escape(a.Id)} {Markup.Escape(a.Kind)} [bold]{Markup.Escape(a.State)}[/]{(settings.Note is null ? string.Empty : ": " + Markup.Escape(TerminalText.Clean(settings.Note)))}");
        return OodaApp.ExitOk;
    }
}
