using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda lead case</c>: escalates a lead to a case of its tenant; the lead's findings are linked to the case.</summary>
public sealed class LeadCaseCommand : Command<LeadCaseSettings>
{
    public override int Execute(CommandContext context, LeadCaseSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var lead = LeadCli.Guard(() => workspace.LinkLeadToCase(settings.Lead, settings.Case, settings.Actor));
        if (settings.Json)
        {
            using var json = new Rendering.JsonLines();
            json.Write(w => LeadCli.Write(w, lead, DateTime.UtcNow));
        }
        else
        {
            AnsiConsole.MarkupLine($"{Markup.Escape(lead.Id)}: [bold]{Markup.Escape(lead.State)}[/] → {Markup.Escape(lead.CaseId ?? "-")} ({lead.FindingIds.Count} findings linked)");
        }

        return OodaApp.ExitOk;
    }
}
