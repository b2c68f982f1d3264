using System.Globalization;
using Ooda.Cli.Rendering;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda events</c>: stored events by tenant, host, time, channel, id and field values; a table or JSON lines.</summary>
public sealed class EventsCommand : Command<EventsSettings>
{
    public override int Execute(CommandContext context, EventsSettings settings, CancellationToken cancellationToken)
    {
        var query = ToQuery(settings);
        using var workspace = settings.OpenExistingWorkspace();
        var events = workspace.QueryEvents(query, cancellationToken);
        if (settings.Json)
        {
            using var json = new JsonLines();
            foreach (var e in events)
                json.Write(w => EventJson.Write(w, e));
            return OodaApp.ExitOk;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Time (UTC)").AddColumn("Host").AddColumn("Source").AddColumn(new TableColumn("Id").RightAligned()).AddColumn("Fields");
        var count = 0;
        foreach (var e in events)
        {
            table.AddRow(
                new Text(e.Timestamp == DateTime.MinValue ? "-" : Iso.Format(e.Timestamp)[..23]),
                new Text(TerminalText.Clip($"{e.Tenant}/{e.Host}", 30)),
                new Text(TerminalText.Clip(e.Channel ?? e.Provider ?? "-", 30)),
                new Text(e.EventId?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                new Text(EventSummary.Of(e, 160)));
            count++;
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{count} events{(query.Limit is { } l && count == l ? $" (limit {l}; --limit 0 for all)" : string.Empty)}[/]");
        return OodaApp.ExitOk;
    }

    internal static EventQuery ToQuery(EventsSettings settings)
    {
        var ids = new List<int>();
        foreach (var part in settings.EventIds.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                throw new InputException($"--event-id: '{part}' is not an event id");
            ids.Add(id);
        }

        List<FieldFilter> filters;
        try
        {
            filters = [.. settings.Where.Select(FieldFilter.Parse)];
        }
        catch (FormatException e)
        {
            throw new InputException("--where: " + e.Message, e);
        }

        if (settings.Limit < 0)
            throw new InputException("--limit must be 0 (all) or more");
        return new EventQuery
        {
            Tenant = settings.Tenant,
            Host = settings.Host,
            From = settings.From is null ? null : Iso.Parse(settings.From, "--from"),
            To = settings.To is null ? null : Iso.Parse(settings.To, "--to"),
            Channel = settings.Channel,
            EventIds = ids,
            Fields = filters,
            Limit = settings.Limit == 0 ? null : settings.Limit,
        };
    }
}
