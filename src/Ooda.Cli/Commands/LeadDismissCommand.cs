using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda lead dismiss</c>: closes an open lead as not worth a case; it re-opens only if its detection recurs more severely.</summary>
public sealed class LeadDismissCommand : Command<LeadDismissSettings>
{
    public override int Execute(CommandContext context, LeadDismissSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Reason))
            throw new InputException("--reason <TEXT> is required: say why the lead is dismissed");
        using var workspace = settings.OpenExistingWorkspace();
        var lead = LeadCli.Guard(() => workspace.DismissLead(settings.Lead, settings.Reason, settings.Actor));
        if (settings.Json)
        {
            using var json = new Rendering.JsonLines();
            json.Write(w => LeadCli.Write(w, lead, DateTime.UtcNow));
        }
        else
        {
            AnsiConsole.MarkupLine($"{Markup.Escape(lead.Id)}: [bold]{Markup.Escape(lead.State)}[/] ({Markup.Escape(TerminalText.Clean(lead.DismissReason))})");
        }

        return OodaApp.ExitOk;
    }
}
