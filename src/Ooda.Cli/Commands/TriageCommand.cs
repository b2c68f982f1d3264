using System.Globalization;
using System.Text;
using System.Text.Json;
using Ooda.Cli.Rendering;
using Ooda.Engine.Triage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda triage</c>: rank the fleet's hosts by vulnerable Exchange build, missing fix and internet-facing 443.</summary>
public sealed class TriageCommand : Command<TriageSettings>
{
    public override int Execute(CommandContext context, TriageSettings settings, CancellationToken cancellationToken)
    {
        var request = new TriageRequest(settings.Inventory, settings.Scans);

        // The workspace opens, and later stores the run, on another core while this one triages and writes the output.
        var opening = settings.StoresResult ? Task.Run(settings.OpenWorkspace, cancellationToken) : null;
        TriageReport report;
        try
        {
            report = new TriageService().Run(request, cancellationToken);
        }
        catch
        {
            opening?.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }

        var saving = opening?.ContinueWith(t =>
        {
            using var workspace = t.GetAwaiter().GetResult();
            return TriageStorage.Save(workspace, request, report);
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

        // Buffered: a write per diagnostic cost more than the diagnostics on a large, messy inventory.
        using (var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false), 1 << 16))
        {
            foreach (var d in report.Diagnostics.Take(settings.Json ? int.MaxValue : settings.ShowDiagnostics))
                stderr.WriteLine("ooda: " + TerminalText.Clean(d.ToString()));
        }

        if (settings.Json)
        {
            using (var json = new JsonLines())
            {
                // One delegate for all hosts, not one per host.
                HostTriage? current = null;
                var write = (Utf8JsonWriter w) => TriageJson.WriteHost(w, current!);
                foreach (var host in report.Hosts)
                {
                    current = host;
                    json.Write(write);
                }
            }

            saving?.GetAwaiter().GetResult();
            return OodaApp.ExitOk;
        }

        Write(report);
        if (saving?.GetAwaiter().GetResult() is { } stored)
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Stored as triage run {stored.RunId} in [bold]{Markup.Escape(settings.WorkspaceFolder)}[/] (tables triage_runs, triage_hosts)."));
        return OodaApp.ExitOk;
    }

    /// <summary>The ranked table and the tenant roll-up; shared with <c>ooda demo</c>.</summary>
    internal static void Write(TriageReport report, bool includeNonExchange = false)
    {
        var hosts = new Table().Border(TableBorder.Rounded).Title("Exposure triage: investigate from the top")
            .AddColumn("#").AddColumn("Priority").AddColumn("Tenant").AddColumn("Host").AddColumn("Build").AddColumn("Status")
            .AddColumn(new TableColumn("Open CVEs").RightAligned()).AddColumn("443 open");
        var rank = 0;
        var why = new List<string>();
        foreach (var h in report.Hosts.Where(h => includeNonExchange || h.IsExchange))
        {
            rank++;
            hosts.AddRow(
                new Text(rank.ToString(CultureInfo.InvariantCulture)),
                new Markup(PriorityMarkup(h.Priority)),
                new Text(TerminalText.Clean(h.Tenant)),
                new Text(TerminalText.Clean(h.Host)),
                new Text(TerminalText.Clean(h.Assessment?.Build?.ToString() ?? h.Inventory.ExchangeBuild ?? "-")),
                new Text(h.Status),
                new Text(h.VulnerableTo.Count.ToString(CultureInfo.InvariantCulture)),
                new Text(h.InternetExposed443 switch { true => "yes", false => "no", null => "unknown" }));
            why.Add(string.Create(CultureInfo.InvariantCulture, $"[bold]{rank}. {Markup.Escape(TerminalText.Clean(h.Host))}[/]")
                + string.Concat(h.Reasons.Select(r => "\n   - " + Markup.Escape(TerminalText.Clean(r)))));
        }

        AnsiConsole.Write(hosts);
        AnsiConsole.MarkupLine("[bold]Why[/]");
        foreach (var line in why)
            AnsiConsole.MarkupLine(line);
        var tenants = new Table().Border(TableBorder.Rounded).Title("Per tenant")
            .AddColumn("Tenant").AddColumn("Highest").AddColumn(new TableColumn("Hosts").RightAligned()).AddColumn(new TableColumn("Exchange").RightAligned())
            .AddColumn(new TableColumn("Vulnerable").RightAligned()).AddColumn(new TableColumn("Unknown build").RightAligned())
            .AddColumn(new TableColumn("Exposed 443").RightAligned()).AddColumn(new TableColumn("Critical").RightAligned()).AddColumn(new TableColumn("High").RightAligned());
        foreach (var t in report.Tenants)
        {
            tenants.AddRow(new Text(TerminalText.Clean(t.Tenant)), new Markup(PriorityMarkup(t.Highest)), Number(t.Hosts), Number(t.ExchangeHosts),
                Number(t.Vulnerable), Number(t.UnknownBuild), Number(t.Exposed443), Number(t.Critical), Number(t.High));
        }

        AnsiConsole.Write(tenants);
        if (report.Diagnostics.Count > 0)
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[yellow]{report.Diagnostics.Count} input diagnostics[/] (shown on stderr); the rest was triaged."));
    }

    private static Text Number(int n) => new(n.ToString("N0", CultureInfo.InvariantCulture));

    private static string PriorityMarkup(TriagePriority p) => p switch
    {
        TriagePriority.Critical => "[bold red]critical[/]",
        TriagePriority.High => "[red]high[/]",
        TriagePriority.Medium => "[yellow]medium[/]",
        TriagePriority.Low => "[grey]low[/]",
        _ => "[grey]none[/]",
    };
}
