using Ooda.Cli.Rendering;
using Ooda.Detection.Runbooks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda runbook diff A B</c>: what changed between two versions, section by section.</summary>
public sealed class RunbookDiffCommand : Command<RunbookDiffSettings>
{
    public override int Execute(CommandContext context, RunbookDiffSettings settings, CancellationToken cancellationToken)
    {
        var library = RunbookLibraryOptions.Load(settings.RunbookFolders);
        var runbooks = RunbookLibraryOptions.Select(library, [settings.Before, settings.After], all: false);
        var entries = RunbookDiff.Compare(runbooks[0], runbooks[1]);
        if (settings.Json)
        {
            using var json = new JsonLines();
            foreach (var e in entries)
            {
                json.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("section", e.Section);
                    w.WriteString("change", e.Change switch { '+' => "added", '-' => "removed", _ => "changed" });
                    w.WriteString("item", e.Item);
                    w.WriteString("detail", e.Detail);
                    w.WriteEndObject();
                });
            }

            return OodaApp.ExitOk;
        }

        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(runbooks[0].Reference)} → {Markup.Escape(runbooks[1].Reference)}[/]");
        foreach (var e in entries)
        {
            var colour = e.Change switch { '+' => "green", '-' => "red", _ => "yellow" };
            AnsiConsole.MarkupLine($"[{colour}]{Markup.Escape(e.Change.ToString())} {Markup.Escape(e.Section)}: {Markup.Escape(TerminalText.Clip(e.Item, 100))}[/]"
                + (e.Detail is null ? string.Empty : $" [grey]{Markup.Escape(TerminalText.Clip(e.Detail, 100))}[/]"));
        }

        AnsiConsole.MarkupLine($"[grey]{entries.Count} differences[/]");
        return OodaApp.ExitOk;
    }
}
