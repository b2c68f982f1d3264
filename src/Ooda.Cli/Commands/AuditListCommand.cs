using System.Globalization;
using Ooda.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda audit list</c>: the audit log, oldest first, with each entry's hash.</summary>
public sealed class AuditListCommand : Command<AuditListSettings>
{
    public override int Execute(CommandContext context, AuditListSettings settings, CancellationToken cancellationToken)
    {
        using var workspace = settings.OpenExistingWorkspace();
        var entries = workspace.ReadAudit(settings.Subject);
        if (settings.Json)
        {
            using var json = new JsonLines();
            foreach (var e in entries)
            {
                json.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("sequence", e.Sequence);
                    w.WriteString("at", Iso.Format(e.At));
                    w.WriteString("actor", e.Actor);
                    w.WriteString("action", e.Action);
                    w.WriteString("subject", e.Subject);
                    w.WriteString("details", e.Details);
                    w.WriteString("previousHash", e.PreviousHash);
                    w.WriteString("hash", e.Hash);
                    w.WriteEndObject();
                });
            }

            return OodaApp.ExitOk;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("#").AddColumn("When (UTC)").AddColumn("Who").AddColumn("Action").AddColumn("Subject").AddColumn("Details").AddColumn("Hash");
        foreach (var e in entries)
        {
            table.AddRow(new Text(e.Sequence.ToString(CultureInfo.InvariantCulture)), new Text(Iso.Format(e.At)[..19]), new Text(TerminalText.Clip(e.Actor, 20)),
                new Text(e.Action), new Text(TerminalText.Clip(e.Subject, 24)), new Text(TerminalText.Clip(e.Details, 80)), new Text(e.Hash[..12] + "…"));
        }

        AnsiConsole.Write(table);
        return OodaApp.ExitOk;
    }
}
