using System.Globalization;
using Ooda.Cli.Rendering;
using Ooda.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda inbox list</c>: the continuous-hunting work queue, one row per arrived file.</summary>
public sealed class InboxListCommand : Command<InboxListSettings>
{
    public override int Execute(CommandContext context, InboxListSettings settings, CancellationToken cancellationToken)
    {
        var state = settings.State?.ToLowerInvariant();
        if (state is not null && !InboxItemStates.All.Contains(state))
            throw new InputException($"--state: '{settings.State}' is not one of {string.Join(", ", InboxItemStates.All)}");
        if (settings.Limit < 1)
            throw new InputException("--limit: give a positive number");
        using var workspace = settings.OpenExistingWorkspace();
        var items = workspace.ListInboxItems(new InboxItemQuery { Tenant = settings.Tenant, States = state is null ? null : [state], Limit = settings.Limit });
        if (settings.Json)
        {
            using var json = new JsonLines();
            foreach (var i in items)
            {
                json.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", i.Id);
                    w.WriteString("tenant", i.Tenant);
                    w.WriteString("host", i.Host);
                    w.WriteString("path", i.RelativePath);
                    w.WriteString("sha256", i.Sha256);
                    w.WriteNumber("size", i.Size);
                    w.WriteString("origin", i.Origin);
                    w.WriteString("actor", i.Actor);
                    w.WriteString("state", i.State);
                    w.WriteNumber("attempts", i.Attempts);
                    w.WriteString("error", i.Error);
                    if (i.Events is { } events)
                        w.WriteNumber("events", events);
                    if (i.Findings is { } findings)
                        w.WriteNumber("findings", findings);
                    if (i.Leads is { } leads)
                        w.WriteNumber("leads", leads);
                    w.WriteString("arrived_at", Iso.Format(i.ArrivedAt));
                    w.WriteString("hunted_at", i.HuntedAt is { } hunted ? Iso.Format(hunted) : null);
                    w.WriteEndObject();
                });
            }

            return OodaApp.ExitOk;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("Id").RightAligned()).AddColumn("State").AddColumn("Arrived (UTC)")
            .AddColumn("Path").AddColumn(new TableColumn("Events").RightAligned()).AddColumn(new TableColumn("Findings").RightAligned()).AddColumn("Error");
        foreach (var i in items)
        {
            table.AddRow(new Text(i.Id.ToString(CultureInfo.InvariantCulture)), new Text(i.State), new Text(Iso.Format(i.ArrivedAt)[..19]),
                new Text(TerminalText.Clip(i.RelativePath, 60)), new Text(i.Events?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                new Text(i.Findings?.ToString(CultureInfo.InvariantCulture) ?? "-"), new Text(TerminalText.Clip(i.Error ?? string.Empty, 50)));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{items.Count} file(s)[/]");
        return OodaApp.ExitOk;
    }
}
