using Ooda.Engine.Response;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda respond plan</c>: derives the case's remediation actions from its findings; planning again adds only what is new.</summary>
public sealed class RespondPlanCommand : Command<RespondPlanSettings>
{
    public override int Execute(CommandContext context, RespondPlanSettings settings, CancellationToken cancellationToken)
    {
        var runbooks = RunbookLibraryOptions.Load(settings.RunbookFolders);
        using var workspace = settings.OpenExistingWorkspace();
        var plan = RespondCli.Guard(() => ResponseService.Plan(workspace, settings.Case, runbooks, settings.Actor));
        if (settings.Json)
        {
            RespondCli.WriteJson(plan.Policy, plan.Actions, extra: w => w.WriteNumber("added", plan.Added.Count));
            return OodaApp.ExitOk;
        }

        RespondCli.WritePolicy(plan.Policy);
        RespondCli.WriteTable(plan.Actions, title: $"Actions of {plan.Case.Id}");
        AnsiConsole.MarkupLine($"{plan.Added.Count} new, {plan.Actions.Count - plan.Added.Count} already planned. Next: [grey]ooda respond approve <action…> --via phone|email|portal[/], [grey]ooda respond dispatch {Markup.Escape(plan.Case.Id)}[/]");
        return OodaApp.ExitOk;
    }
}
