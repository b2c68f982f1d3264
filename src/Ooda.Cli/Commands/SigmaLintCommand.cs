using Ooda.Cli.Rendering;
using Ooda.Sigma;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda sigma lint</c>: every rule compiles or is listed with its exact reason; counts by status and reason.</summary>
public sealed class SigmaLintCommand : Command<SigmaLintSettings>
{
    public override int Execute(CommandContext context, SigmaLintSettings settings, CancellationToken cancellationToken)
    {
        var set = SigmaRuleOptions.Load(settings.Path, settings.Mapping);
        var verdicts = set.Verdicts;
        var byReason = verdicts.Where(v => v.Error is not null)
            .GroupBy(v => (v.Status, v.Error!.Reason))
            .OrderBy(g => g.Key.Status).ThenByDescending(g => g.Count()).ThenBy(g => g.Key.Reason, StringComparer.Ordinal)
            .ToList();
        if (settings.Json)
        {
            using var json = new JsonLines();
            json.Write(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("documents", verdicts.Count);
                foreach (var status in Enum.GetValues<SigmaVerdictStatus>())
                    w.WriteNumber(status.ToString().ToLowerInvariant(), verdicts.Count(v => v.Status == status));
                w.WriteStartObject("reasons");
                foreach (var group in byReason)
                    w.WriteNumber(group.Key.Reason, group.Count());
                w.WriteEndObject();
                w.WriteStartArray("rules");
                foreach (var v in verdicts.Where(v => settings.All || v.Status != SigmaVerdictStatus.Compiled))
                {
                    w.WriteStartObject();
                    w.WriteString("location", v.Location);
                    w.WriteString("id", v.RuleId);
                    w.WriteString("title", v.Title);
                    w.WriteString("status", v.Status.ToString().ToLowerInvariant());
                    w.WriteString("reason", v.Error?.Reason);
                    w.WriteString("message", v.Error?.Message);
                    w.WriteStartArray("notes");
                    foreach (var note in v.Notes)
                        w.WriteStringValue(note);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return OodaApp.ExitOk;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("Status").AddColumn("Reason").AddColumn("Rule").AddColumn("Why");
        foreach (var v in verdicts.Where(v => settings.All || v.Status != SigmaVerdictStatus.Compiled))
        {
            table.AddRow(
                new Text(v.Status.ToString()),
                new Text(v.Error?.Reason ?? "-"),
                new Text(TerminalText.Clip(v.Location, 90)),
                new Text(TerminalText.Clip(v.Error?.Message ?? string.Join("; ", v.Notes), 160)));
        }

        if (table.Rows.Count > 0)
            AnsiConsole.Write(table);
        var summary = new Table().Border(TableBorder.Simple).AddColumn("Status").AddColumn("Reason").AddColumn(new TableColumn("Rules").RightAligned());
        summary.AddRow("Compiled", "-", verdicts.Count(v => v.Status == SigmaVerdictStatus.Compiled).ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var group in byReason)
            summary.AddRow(group.Key.Status.ToString(), group.Key.Reason, group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        AnsiConsole.Write(summary);
        AnsiConsole.MarkupLine($"[grey]{verdicts.Count} rule documents: {verdicts.Count(v => v.Status == SigmaVerdictStatus.Compiled)} compiled, {verdicts.Count(v => v.Status == SigmaVerdictStatus.Skipped)} skipped, {verdicts.Count(v => v.Status == SigmaVerdictStatus.Rejected)} rejected[/]");
        return OodaApp.ExitOk;
    }
}
