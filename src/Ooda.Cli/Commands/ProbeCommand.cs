using Ooda.Cli.Rendering;
using Ooda.Engine.Probe;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda probe</c>: safe, read-only checks of one Exchange front end the user names.</summary>
public sealed class ProbeCommand : AsyncCommand<ProbeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ProbeSettings settings, CancellationToken cancellationToken)
    {
        var options = new ProbeOptions(settings.Target, settings.TimeoutValue, settings.Insecure);
        var report = await new ProbeService().RunAsync(options, cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            using var json = new JsonLines();
            json.Write(w => ProbeJson.Write(w, report));
            return OodaApp.ExitOk;
        }

        Write(report);
        return OodaApp.ExitOk;
    }

    private static void Write(ProbeReport report)
    {
        var f = report.Fingerprint;
        var a = report.Assessment;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string? value) => grid.AddRow(new Text(name, new Style(decoration: Decoration.Bold)), new Text(TerminalText.Clean(value ?? "-")));
        Row("Target", report.Target);
        Row("Exchange", f.LooksLikeExchange ? "yes" : "no fingerprint seen");
        Row("Build", f.Build is { } build ? $"{build} (from {f.BuildSource})" : f.OwaVersionHeader is { } header ? $"unreadable X-OWA-Version '{header}'" : null);
        if (a is not null)
        {
            Row("Product", $"{a.Product ?? "unknown"} {a.Cu ?? ""} {a.SecurityUpdate ?? ""}".Trim());
            Row("Status", Knowledge.ExchangeAssessmentJson.StatusName(a.Status));
            Row("Open CVEs", a.VulnerableTo.Count == 0 ? "none" : string.Join(", ", a.VulnerableTo.Select(e => e.Certain ? e.Cve.Id : e.Cve.Id + "?")));
            Row("Recommended build", a.RecommendedBuild?.ToString());
        }

        Row("Leaked names", f.ServerNames.Count == 0 ? "none" : string.Join(", ", f.ServerNames.Select(e => $"{e.Name}: {e.Value}")));
        AnsiConsole.Write(grid);

        var checks = new Table().Border(TableBorder.Rounded).Title("Checks (read-only indicators, not proof)")
            .AddColumn("Check").AddColumn("Verdict").AddColumn("Why").AddColumn("Evidence");
        foreach (var c in report.Checks)
        {
            checks.AddRow(new Text(c.Name), new Markup(VerdictMarkup(c.Verdict)), new Text(TerminalText.Clean(c.Summary)),
                new Text(string.Join("\n", c.Evidence.Select(e => TerminalText.Clip($"{e.Name}: {e.Value}", 120)))));
        }

        AnsiConsole.Write(checks);
        var requests = new Table().Border(TableBorder.Simple).Title("Requests sent")
            .AddColumn("Method").AddColumn("Path").AddColumn("Status").AddColumn("Outcome");
        foreach (var r in report.Requests)
            requests.AddRow(new Text(r.Method), new Text(TerminalText.Clip(r.Path, 140)), new Text(r.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"), new Text(TerminalText.Clean(r.Error is null ? r.Outcome : $"{r.Outcome}: {r.Error}")));
        AnsiConsole.Write(requests);
        foreach (var note in report.Notes)
            AnsiConsole.MarkupLine("[yellow]Note:[/] " + Markup.Escape(TerminalText.Clean(note)));
    }

    private static string VerdictMarkup(ProbeVerdict verdict) => verdict switch
    {
        ProbeVerdict.IndicatesVulnerable => "[bold red]indicates-vulnerable[/]",
        ProbeVerdict.IndicatesPatched => "[green]indicates-patched[/]",
        ProbeVerdict.Inconclusive => "[yellow]inconclusive[/]",
        _ => "[red]error[/]",
    };
}
