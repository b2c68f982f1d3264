using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda lead ack</c>: an analyst takes a new lead (stops its acknowledgement clock).</summary>
public sealed class LeadAckCommand : Command<LeadReferenceSettings>
{
    public override int Execute(CommandContext context, LeadReferenceSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var lead = LeadCli.Guard(() => workspace.AcknowledgeLead(settings.Lead, settings.Actor));
        if (settings.Json)
        {
            using var json = new Rendering.JsonLines();
            json.Write(w => LeadCli.Write(w, lead, DateTime.UtcNow));
        }
        else
        {
            AnsiConsole.MarkupLine($"{Markup.Escape(lead.Id)}: [bold]{Markup.Escape(lead.State)}[/] by {Markup.Escape(TerminalText.Clean(lead.AcknowledgedBy))}");
        }

        return OodaApp.ExitOk;
    }
}
