using System.Globalization;
using System.Text.Json;
using Ooda.Engine.Continuous;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda inbox run</c>: continuous hunting over an inbox folder, one pass or until Ctrl+C.</summary>
public sealed class InboxRunCommand : AsyncCommand<InboxRunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, InboxRunSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Inbox.Length == 0)
            throw new InputException("--inbox <DIR> is required");
        if (!Directory.Exists(settings.Inbox))
            throw new InputException($"--inbox: no folder at {settings.Inbox}");
        if (settings.PollSeconds is < 1 or > 86400)
            throw new InputException("--poll: give a number of seconds between 1 and 86400");
        if (settings.SettleSeconds is < 0 or > 3600)
            throw new InputException("--settle: give a number of seconds between 0 and 3600");
        LeadSlaPolicy sla;
        try
        {
            sla = settings.Sla is null ? LeadSlaPolicy.Default : LeadSlaPolicy.Parse(settings.Sla);
        }
        catch (FormatException e)
        {
            throw new InputException("--sla: " + e.Message, e);
        }

        using var workspace = settings.OpenWorkspace();
        ContinuousHunterOptions options;
        try
        {
            options = ContinuousHunterOptions.Load(workspace, settings.Inbox, settings.RunbookFolders, settings.Sigma, settings.Filters) with
            {
                Sla = sla,
                PollInterval = TimeSpan.FromSeconds(settings.PollSeconds),
                SettleTime = TimeSpan.FromSeconds(settings.SettleSeconds),
                RunSqlHunts = !settings.NoSql,
            };
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new InputException(e.Message, e);
        }

        using var hunter = new ContinuousHunter(options);
        if (settings.Once)
        {
            var pass = await hunter.RunOnceAsync(cancellationToken).ConfigureAwait(false);
            Report(pass, settings.Json);
            return pass.Failed > 0 ? OodaApp.ExitFindings : OodaApp.ExitOk;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        hunter.PassCompleted += (_, pass) =>
        {
            if (!pass.Idle || pass.Problems.Count > 0)
                Report(pass, settings.Json);
        };
        try
        {
            if (!settings.Json)
                AnsiConsole.MarkupLine($"Watching [bold]{Markup.Escape(hunter.InboxFolder)}[/] ({options.Runbooks.Count} runbooks); Ctrl+C stops.");
            await hunter.RunAsync(stop.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        return OodaApp.ExitOk;
    }

    private static void Report(ContinuousPass pass, bool json)
    {
        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            using (var writer = new Utf8JsonWriter(stdout))
            {
                writer.WriteStartObject();
                writer.WriteNumber("arrived", pass.Arrived);
                writer.WriteNumber("duplicates", pass.Duplicates);
                writer.WriteNumber("unsettled", pass.Unsettled);
                writer.WriteNumber("ingested", pass.Ingested);
                writer.WriteNumber("hunted", pass.Hunted);
                writer.WriteNumber("failed", pass.Failed);
                writer.WriteNumber("events", pass.Events);
                writer.WriteNumber("events_hunted", pass.EventsHunted);
                writer.WriteNumber("findings", pass.Findings);
                writer.WriteNumber("leads_raised", pass.LeadsRaised);
                writer.WriteNumber("leads_updated", pass.LeadsUpdated);
                writer.WriteNumber("seconds", Math.Round(pass.Elapsed.TotalSeconds, 3));
                writer.WriteStartArray("problems");
                foreach (var problem in pass.Problems)
                    writer.WriteStringValue(problem);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            stdout.WriteByte((byte)'\n');
            return;
        }

        var line = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:HH:mm:ss}Z  arrived {pass.Arrived}, duplicates {pass.Duplicates}, waiting {pass.Unsettled}; ingested {pass.Ingested} ({pass.Events} events), hunted {pass.Hunted} ({pass.EventsHunted} events): {pass.Findings} new findings, {pass.LeadsRaised} leads raised, {pass.LeadsUpdated} updated; {pass.Failed} failed ({pass.Elapsed.TotalSeconds:0.0} s)");
        AnsiConsole.WriteLine(line);
        foreach (var problem in pass.Problems)
            Console.Error.WriteLine("ooda: " + TerminalText.Clean(problem));
    }
}
