using Ooda.Investigation.Cases;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda case open</c>: a case from one or more findings, or from a title and tenant.</summary>
public sealed class CaseOpenCommand : Command<CaseOpenSettings>
{
    public override int Execute(CommandContext context, CaseOpenSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var opened = CaseCli.Guard(() => CaseService.Open(workspace, new CaseOpening
        {
            Findings = settings.FromFinding,
            Title = settings.Title,
            Tenant = settings.Tenant,
            Severity = settings.Severity,
            Assignee = settings.Assignee,
            Tlp = settings.Tlp,
            Tags = settings.Tags,
            Hosts = settings.Hosts,
        }, settings.Actor));
        if (settings.Json)
        {
            CaseCli.WriteJson(workspace, opened);
            return OodaApp.ExitOk;
        }

        AnsiConsole.MarkupLine($"opened [bold]{Markup.Escape(opened.Id)}[/]: {Markup.Escape(TerminalText.Clean(opened.Title))}");
        CaseCli.Render(workspace, opened);
        return OodaApp.ExitOk;
    }
}
