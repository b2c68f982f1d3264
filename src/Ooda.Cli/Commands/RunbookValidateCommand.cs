using Ooda.Cli.Rendering;
using Ooda.Engine.Runbooks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda runbook validate</c>: every runbook file loads, names real ATT&amp;CK techniques and known builds, and every hunt compiles.</summary>
public sealed class RunbookValidateCommand : Command<RunbookSettings>
{
    public override int Execute(CommandContext context, RunbookSettings settings, CancellationToken cancellationToken)
    {
        var library = RunbookLibraryOptions.Load(settings.RunbookFolders);
        var issues = RunbookValidator.Validate(library);
        if (settings.Json)
        {
            using var json = new JsonLines();
            foreach (var issue in issues)
            {
                json.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("severity", issue.IsError ? "error" : "warning");
                    w.WriteString("where", issue.Where);
                    w.WriteString("message", issue.Message);
                    w.WriteEndObject();
                });
            }
        }
        else
        {
            foreach (var issue in issues)
                AnsiConsole.MarkupLine($"{(issue.IsError ? "[red]error[/]" : "[yellow]warning[/]")}: {Markup.Escape(TerminalText.Clean(issue.Where))}: {Markup.Escape(TerminalText.Clean(issue.Message))}");
            AnsiConsole.MarkupLine($"[grey]{library.Results.Count} runbook files, {library.Latest.Count} runbooks; {issues.Count(i => i.IsError)} errors, {issues.Count(i => !i.IsError)} warnings[/]");
        }

        return issues.Any(i => i.IsError) ? OodaApp.ExitBadInput : OodaApp.ExitOk;
    }
}
