using Ooda.Investigation.Cases;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda case scope</c>: shows the hosts in scope, or adds and removes them.</summary>
public sealed class CaseScopeCommand : Command<CaseScopeSettings>
{
    public override int Execute(CommandContext context, CaseScopeSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var c = CaseCli.Require(workspace, settings.Case);
        if (settings.Add.Length > 0)
            c = CaseCli.Guard(() => CaseService.AddToScope(workspace, c.Id, settings.Add, settings.Reason ?? "added by the analyst", settings.Actor));
        foreach (var host in settings.Remove)
            c = CaseCli.Guard(() => CaseService.RemoveFromScope(workspace, c.Id, host, settings.Reason ?? string.Empty, settings.Actor));
        if (settings.Json)
        {
            CaseCli.WriteJson(workspace, c);
            return OodaApp.ExitOk;
        }

        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(c.Id)}[/] scope: {c.Hosts.Count} host(s)");
        foreach (var h in c.Hosts)
            AnsiConsole.MarkupLine($"  {Markup.Escape(TerminalText.Clean(h.Host))}  [grey]{Markup.Escape(TerminalText.Clip(h.Reason, 100))}[/]");
        return OodaApp.ExitOk;
    }
}
