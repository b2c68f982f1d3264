using Ooda.Cli.Rendering;
using Ooda.Engine.Cases;
using Ooda.Investigation.Cases;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda case attack &lt;case&gt;</c>: the ATT&amp;CK techniques the case's findings evidence, by tactic in kill-chain order.</summary>
public sealed class CaseAttackCommand : Command<CaseAttackSettings>
{
    public override int Execute(CommandContext context, CaseAttackSettings settings, CancellationToken cancellationToken)
    {
        var runbooks = RunbookLibraryOptions.Load(settings.RunbookFolders);
        using var workspace = settings.OpenExistingWorkspace();
        var c = CaseCli.Require(workspace, settings.Case);
        var view = CaseAttackService.ForCase(workspace, c, runbooks);
        if (settings.Json)
        {
            using var json = new JsonLines();
            json.Write(w => CaseAttackJson.Write(w, view, c.Id));
            return OodaApp.ExitOk;
        }

        Write(c.Id, view);
        return OodaApp.ExitOk;
    }

    private static void Write(string caseId, CaseAttackView view)
    {
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape($"ATT&CK view of {caseId}: {view.Findings} findings, kill-chain order"))
            .AddColumn("Tactic").AddColumn("Technique").AddColumn("First seen (UTC)").AddColumn("Last seen (UTC)").AddColumn("Hosts").AddColumn("Evidence");
        foreach (var tactic in view.Tactics)
        {
            var first = true;
            foreach (var technique in tactic.Techniques)
            {
                AddRow(table, first ? tactic.Tactic.Name : string.Empty, technique, indent: string.Empty);
                first = false;
                foreach (var sub in technique.SubTechniques)
                    AddRow(table, string.Empty, sub, indent: "  └ ");
            }

            table.AddEmptyRow();
        }

        AnsiConsole.Write(table);
        foreach (var u in view.Unplaced)
            AnsiConsole.MarkupLine($"[yellow]Not placed:[/] {Markup.Escape(TerminalText.Clip(u.Tag, 60))} — {Markup.Escape(TerminalText.Clip(u.Note, 120))} ({u.Evidence.Count} findings)");
        if (view.Expected.Count > 0)
        {
            var expected = string.Join(", ", view.Expected.Select(e => e.Technique is { } t ? $"{t.Id} {t.Name}" : e.Id));
            AnsiConsole.MarkupLine("[grey]Listed by the runbooks but not evidenced: " + Markup.Escape(TerminalText.Clip(expected, 600)) + "[/]");
        }

        AnsiConsole.MarkupLine("[grey]" + Markup.Escape(view.Release + ". " + view.Copyright) + "[/]");
    }

    private static void AddRow(Table table, string tactic, CaseAttackTechnique t, string indent)
    {
        var lines = new List<string> { $"{indent}{t.Technique.Id} {t.Technique.Name}" + (t.Observed ? string.Empty : " (through sub-techniques)") };
        lines.AddRange(t.Notes.Select(n => indent + "  " + n));
        // Many findings share a title (one per event); one line per title with its count keeps the table readable.
        var evidence = t.Evidence.GroupBy(e => e.Title, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? $"{CaseService.ShortId(g.First().FindingId)} {g.Key}" : $"{g.Count()}× {g.Key}")
            .ToList();
        if (evidence.Count > 4)
            evidence = [.. evidence.Take(3), $"… {evidence.Count - 3} more titles"];
        table.AddRow(
            new Text(tactic),
            new Text(string.Join("\n", lines.Select(l => TerminalText.Clip(l, 120)))),
            new Text(t.FirstSeen is { } firstSeen ? Iso.Format(firstSeen)[..19] : "-"),
            new Text(t.LastSeen is { } lastSeen ? Iso.Format(lastSeen)[..19] : "-"),
            new Text(TerminalText.Clip(string.Join(", ", t.Hosts), 40)),
            new Text(evidence.Count == 0 ? "-" : string.Join("\n", evidence.Select(e => TerminalText.Clip(e, 90)))));
    }
}
