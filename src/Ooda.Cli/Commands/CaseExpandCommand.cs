using Ooda.Engine.Cases;
using Ooda.Investigation.Cases;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda case expand</c>: brings the hosts the attacker reached into scope and hunts them with the case's runbooks.</summary>
public sealed class CaseExpandCommand : Command<CaseExpandSettings>
{
    public override int Execute(CommandContext context, CaseExpandSettings settings, CancellationToken cancellationToken)
    {
        if (Core.SeverityLevels.Rank(settings.LinkSeverity) < 0)
            throw new InputException($"--link-severity: '{settings.LinkSeverity}' is not one of {string.Join(", ", Core.SeverityLevels.All)}");
        var library = RunbookLibraryOptions.Load(settings.RunbookFolders);
        using (var workspace = settings.OpenExistingWorkspace())
            CaseCli.Require(workspace, settings.Case);
        var result = CaseCli.Guard(() => CaseExpansion.Expand(settings.WorkspaceFolder, settings.Case, library, settings.Actor, settings.LinkSeverity.ToLowerInvariant(),
            cancellationToken: cancellationToken));
        if (settings.Json)
        {
            using var json = new Rendering.JsonLines();
            json.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("caseId", result.Case.Id);
                w.WriteStartArray("reached");
                foreach (var r in result.Reached)
                {
                    w.WriteStartObject();
                    w.WriteString("host", r.Host);
                    w.WriteString("from", r.From);
                    w.WriteString("account", r.Account);
                    w.WriteNumber("hops", r.Hops);
                    w.WriteString("first", Rendering.Iso.Format(r.First));
                    w.WriteString("reason", r.Reason);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("runbooks");
                foreach (var runbook in result.Runbooks)
                    w.WriteStringValue(runbook);
                w.WriteEndArray();
                w.WriteNumber("findingsFound", result.FindingsFound);
                w.WriteNumber("findingsNew", result.FindingsNew);
                w.WriteNumber("findingsLinked", result.FindingsLinked);
                w.WriteEndObject();
            });
            return OodaApp.ExitOk;
        }

        if (result.Reached.Count == 0)
        {
            AnsiConsole.MarkupLine($"{Markup.Escape(result.Case.Id)}: the lateral-movement graph shows no host reached beyond the scope");
            return OodaApp.ExitOk;
        }

        foreach (var r in result.Reached)
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(TerminalText.Clean(r.Host))}[/] joins the scope: reached from {Markup.Escape(TerminalText.Clean(r.From))} as {Markup.Escape(TerminalText.Clean(r.Account))} [grey]({Markup.Escape(TerminalText.Clip(r.Reason, 100))})[/]");
        AnsiConsole.MarkupLine(result.Runbooks.Count == 0
            ? "[yellow]no runbook behind the case's findings: nothing hunted on the reached hosts[/]"
            : $"hunted with {Markup.Escape(string.Join(", ", result.Runbooks))}: {result.FindingsFound} finding(s), {result.FindingsNew} new, {result.FindingsLinked} linked at {Markup.Escape(settings.LinkSeverity)} or above");
        return OodaApp.ExitOk;
    }
}
