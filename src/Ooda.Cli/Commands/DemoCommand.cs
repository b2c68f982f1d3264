using System.Globalization;
using Ooda.Cli.Rendering;
using Ooda.Demo;
using Ooda.Engine.Ingest;
using Ooda.Engine.Triage;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda demo</c>: generate the demo fleet, ingest it, and summarise — each later stage of the loop joins here.</summary>
public sealed class DemoCommand : AsyncCommand<DemoSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var output = Path.GetFullPath(settings.Output);
        var fleet = DemoFleetGenerator.Generate(new DemoOptions(output, settings.Seed, settings.Scale));
        using var workspace = settings.OpenWorkspace();
        var summary = await IngestCommand.Run(workspace, new IngestRequest(Path.Combine(output, "collection")), settings.Json, cancellationToken).ConfigureAwait(false);
        var stats = workspace.Stats();

        // Orient: exposure triage of the demo fleet (issue 5), hosts in investigate-first order.
        var triageRequest = new TriageRequest(
            Path.Combine(output, "inventory.csv"),
            [Path.Combine(output, "scans", "external.xml"), Path.Combine(output, "scans", "external-ipv6.xml")]);
        var triage = new TriageService().Run(triageRequest, cancellationToken);
        TriageStorage.Save(workspace, triageRequest, triage);
        if (settings.Json)
        {
            using var json = new JsonLines();
            json.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("output", output);
                w.WriteString("workspace", workspace.Folder);
                w.WriteNumber("seed", fleet.Seed);
                w.WriteNumber("tenants", fleet.Tenants.Count);
                w.WriteNumber("hosts", fleet.Hosts.Count);
                w.WriteNumber("recordsGenerated", fleet.TotalRecords);
                w.WriteNumber("eventsAdded", summary.EventsAdded);
                w.WriteNumber("eventsInWorkspace", stats.Events);
                w.WriteNumber("filesIngested", summary.Count(IngestOutcome.Ingested));
                w.WriteNumber("filesAlreadyIngested", summary.Count(IngestOutcome.AlreadyIngested));
                w.WriteNumber("capturedFiles", stats.CapturedFiles);
                w.WriteNumber("diagnostics", summary.Files.Sum(f => f.Diagnostics.Count));
                w.WriteStartArray("triage");
                foreach (var host in triage.Hosts)
                    TriageJson.WriteHost(w, host);
                w.WriteEndArray();
                w.WriteEndObject();
            });
            return OodaApp.ExitOk;
        }

        var hosts = new Table().Border(TableBorder.Rounded).Title("Demo fleet")
            .AddColumn("Tenant").AddColumn("Host").AddColumn("Roles").AddColumn("Exchange build").AddColumn(new TableColumn("Events stored").RightAligned());
        var perHost = summary.Files.Where(f => f.Outcome == IngestOutcome.Ingested)
            .GroupBy(f => (f.Tenant, f.Host)).ToDictionary(g => g.Key, g => g.Sum(f => f.Events));
        foreach (var host in fleet.Hosts)
        {
            hosts.AddRow(new Text(host.Tenant), new Text(host.Name), new Text(string.Join(", ", host.Roles)), new Text(host.ExchangeBuild ?? "-"),
                new Text(perHost.GetValueOrDefault((host.Tenant, host.Name)).ToString("N0", CultureInfo.InvariantCulture)));
        }

        AnsiConsole.Write(hosts);
        IngestReport.WriteTotals(summary);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Workspace [bold]{Markup.Escape(workspace.Folder)}[/]: {stats.Events:N0} events from {stats.Files} files, {stats.CapturedFiles} captured files, {stats.Tenants} tenants, {stats.Hosts} hosts."));
        AnsiConsole.MarkupLine($"Generated files: [bold]{Markup.Escape(output)}[/] (inventory.csv, scans/, collection/). One intrusion is hidden in them.");

        TriageCommand.Write(triage);

        AnsiConsole.MarkupLine("Next: [grey]ooda events --limit 20[/], [grey]ooda sql \"SELECT host, channel, count(*) FROM events GROUP BY ALL ORDER BY 3 DESC\"[/]");
        return OodaApp.ExitOk;
    }
}
