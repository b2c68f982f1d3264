using System.Globalization;
using Ooda.Cli.Rendering;
using Ooda.Investigation.Stacking;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda stack &lt;preset|field&gt;</c>: least frequency of occurrence across the fleet, rarest values first.</summary>
public sealed class StackCommand : Command<StackSettings>
{
    public override int Execute(CommandContext context, StackSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Target))
        {
            ListPresets(settings.Json);
            return OodaApp.ExitOk;
        }

        var request = ToRequest(settings);
        using var workspace = settings.OpenExistingWorkspace();
        StackReport report;
        try
        {
            report = StackService.Run(workspace, request, cancellationToken);
        }
        catch (ArgumentException e)
        {
            throw new InputException(e.Message, e);
        }

        if (settings.Json)
        {
            using var json = new JsonLines();
            json.Write(w => StackJson.Write(w, report));
            return OodaApp.ExitOk;
        }

        Write(report);
        return OodaApp.ExitOk;
    }

    private static StackRequest ToRequest(StackSettings settings)
    {
        List<FieldFilter> filters;
        try
        {
            filters = [.. settings.Where.Select(FieldFilter.Parse)];
        }
        catch (FormatException e)
        {
            throw new InputException("--where: " + e.Message, e);
        }

        return new StackRequest(settings.Target!)
        {
            Tenant = settings.Tenant,
            Host = settings.Host,
            From = settings.From is null ? null : Iso.Parse(settings.From, "--from"),
            To = settings.To is null ? null : Iso.Parse(settings.To, "--to"),
            Where = filters,
            MaxHosts = settings.MaxHosts,
            Limit = settings.Limit,
        };
    }

    private static void Write(StackReport report)
    {
        var result = report.Result;
        var what = report.Preset is { } preset ? $"{preset.Name}: {preset.Description}" : $"field {report.Field}";
        var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(TerminalText.Clip("Stack " + what, 150)))
            .AddColumn(new TableColumn("Hosts").RightAligned()).AddColumn(new TableColumn("Events").RightAligned())
            .AddColumn("First seen (UTC)").AddColumn("Last seen (UTC)").AddColumn("Value").AddColumn("Seen on");
        foreach (var row in result.Rows)
        {
            var seenOn = row.HostNames.Count > 0
                ? string.Join(", ", row.HostNames.Select(h => $"{h.Tenant}/{h.Host}"))
                : row.Hosts.ToString("N0", CultureInfo.InvariantCulture) + " hosts";
            table.AddRow(
                new Text(row.Hosts.ToString("N0", CultureInfo.InvariantCulture)),
                new Text(row.Events.ToString("N0", CultureInfo.InvariantCulture)),
                new Text(row.FirstSeen is { } first ? Iso.Format(first)[..19] : "-"),
                new Text(row.LastSeen is { } last ? Iso.Format(last)[..19] : "-"),
                new Text(TerminalText.Clip(row.Value, 110)),
                new Text(TerminalText.Clip(seenOn, 70)));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{result.Rows.Count} of {result.DistinctValues:N0} distinct values, rarest first; {result.Events:N0} events on {result.Hosts:N0} hosts.")));
        var rules = report.Sources.SelectMany(s => s.Parts).Select(p => p.Normalization).DistinctBy(n => n.Name).ToList();
        AnsiConsole.MarkupLine("[grey]Sources: " + Markup.Escape(TerminalText.Clean(string.Join("; ", report.Sources.Select(s => s.Name)))) + "[/]");
        foreach (var rule in rules)
            AnsiConsole.MarkupLine($"[grey]Normalisation {Markup.Escape(rule.Name)}: {Markup.Escape(rule.Description)} (--json lists every rule)[/]");
        if (result.IndexedFiles > 0)
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]Indexed {result.IndexedFiles:N0} file-source pairs for stacking (once per file; later stacks read the index).[/]"));
    }

    private static void ListPresets(bool json)
    {
        if (json)
        {
            using var lines = new JsonLines();
            lines.Write(w =>
            {
                w.WriteStartArray();
                foreach (var preset in StackPresets.All)
                {
                    w.WriteStartObject();
                    w.WriteString("name", preset.Name);
                    w.WriteString("description", preset.Description);
                    w.WriteStartArray("sources");
                    foreach (var source in preset.Sources)
                        StackJson.WriteSource(w, source);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
            return;
        }

        var table = new Table().Border(TableBorder.Simple).Title("Stack presets (any other word is an event field name)")
            .AddColumn("Preset").AddColumn("Counts").AddColumn("Sources");
        foreach (var preset in StackPresets.All)
            table.AddRow(new Text(preset.Name), new Text(preset.Description), new Text(string.Join("\n", preset.Sources.Select(s => s.Name))));
        AnsiConsole.Write(table);
    }
}
