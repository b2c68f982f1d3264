using Ooda.Cli.Rendering;
using Ooda.Engine.Ingest;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda ingest</c>: load evidence into the workspace and report per-file counts and diagnostics.</summary>
public sealed class IngestCommand : AsyncCommand<IngestSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, IngestSettings settings, CancellationToken cancellationToken)
    {
        var request = new IngestRequest(settings.Path, settings.Tenant, settings.Host);
        if (request.Tenant is null && File.Exists(settings.Path))
            throw new InputException($"{settings.Path} is one file: give --tenant and --host");
        using var workspace = settings.OpenWorkspace();
        var summary = await Run(workspace, request, settings.Json, cancellationToken, logFiles: true).ConfigureAwait(false);
        if (settings.Json)
            IngestReport.WriteJson(summary);
        else
            IngestReport.WriteTable(summary, settings.ShowDiagnostics);
        return OodaApp.ExitOk;
    }

    /// <summary>Runs an ingest with a progress bar when a person is watching.</summary>
    /// <param name="logFiles">Without a terminal, write one stderr line per finished file (for logs and watchers).</param>
    internal static Task<IngestSummary> Run(Workspace workspace, IngestRequest request, bool json, CancellationToken cancellationToken, bool logFiles = false)
    {
        var service = new IngestService(workspace);
        if (json || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return service.IngestAsync(request, null, cancellationToken, !logFiles ? null : file =>
                Console.Error.WriteLine($"ooda: {IngestReport.JsonName(file.Outcome)} {TerminalText.Clean(file.Path)} ({file.Events} events)"));
        }

        return AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("ingest", maxValue: 1);
                var reporter = new Progress<IngestProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.BytesTotal);
                    task.Value = p.BytesDone;
                    task.Description = Markup.Escape(TerminalText.Clip(Path.GetFileName(p.CurrentFile), 40));
                });
                return await service.IngestAsync(request, reporter, cancellationToken).ConfigureAwait(false);
            });
    }
}
