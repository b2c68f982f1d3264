using Ooda.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli;

/// <summary>The <c>ooda</c> command line: command map and the exit-code contract (0 ok, 1 findings gate, 2 bad input, 3 internal error).</summary>
public static class OodaApp
{
    public const int ExitOk = 0;
    public const int ExitBadInput = 2;
    public const int ExitInternalError = 3;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("ooda");
            config.Settings.StrictParsing = true;
            config.SetExceptionHandler((exception, _) => HandleError(exception));
            config.AddCommand<IngestCommand>("ingest")
                .WithDescription("Load an evidence collection into the workspace (idempotent, atomic per file).")
                .WithExample("ingest", "./collection")
                .WithExample("ingest", "./logs", "--tenant", "acme", "--host", "EXCH01");
            config.AddCommand<EventsCommand>("events")
                .WithDescription("List stored events by tenant, host, time, channel, event id and field values.")
                .WithExample("events", "--host", "EXCH01", "--event-id", "4688", "--where", "CommandLine=*whoami*");
            config.AddCommand<SqlCommand>("sql")
                .WithDescription("Run read-only SQL over the workspace store (tables: events, ingested_files, diagnostics, captured_files).")
                .WithExample("sql", "\"SELECT host, count(*) FROM events GROUP BY host\"");
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Generate the demo fleet (fixed seed), ingest it and print a summary.");
        });
        return await app.RunAsync(args, cancellationToken).ConfigureAwait(false);
    }

    private static int HandleError(Exception exception)
    {
        var (code, message) = exception switch
        {
            InputException e => (ExitBadInput, e.Message),
            CommandAppException e => (ExitBadInput, e.Message),
            FileNotFoundException or DirectoryNotFoundException => (ExitBadInput, exception.Message),
            OperationCanceledException => (ExitBadInput, "cancelled"),
            _ => (ExitInternalError, $"internal error: {exception.GetType().Name}: {exception.Message}"),
        };
        Console.Error.WriteLine("ooda: " + TerminalText.Clean(message));
        return code;
    }
}
