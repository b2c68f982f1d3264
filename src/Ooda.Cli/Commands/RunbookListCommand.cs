using Ooda.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda runbook list</c>: every runbook with its newest version, threat and size.</summary>
public sealed class RunbookListCommand : Command<RunbookSettings>
{
    public override int Execute(CommandContext context, RunbookSettings settings, CancellationToken cancellationToken)
    {
        var library = RunbookLibraryOptions.Load(settings.RunbookFolders);
        if (settings.Json)
        {
            using var json = new JsonLines();
            foreach (var r in library.Latest)
            {
                json.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("id", r.Id);
                    w.WriteString("version", r.Version.ToString());
                    w.WriteString("title", r.Title);
                    w.WriteString("status", r.Status);
                    w.WriteStartArray("versions");
                    foreach (var v in library.Versions(r.Id))
                        w.WriteStringValue(v.Version.ToString());
                    w.WriteEndArray();
                    w.WriteStartArray("cves");
                    foreach (var cve in r.Threat.Cves)
                        w.WriteStringValue(cve);
                    w.WriteEndArray();
                    w.WriteNumber("ttps", r.Ttps.Count);
                    w.WriteNumber("iocs", r.Iocs.Count);
                    w.WriteNumber("hunts", r.Hunts.Count);
                    w.WriteString("source", r.SourcePath);
                    w.WriteEndObject();
                });
            }
        }
        else
        {
            var table = new Table().Border(TableBorder.Simple).AddColumn("Runbook").AddColumn("Versions").AddColumn("Title").AddColumn("CVEs")
                .AddColumn("TTPs").AddColumn("IOCs").AddColumn("Hunts").AddColumn("Source");
            foreach (var r in library.Latest)
            {
                table.AddRow(new Text(r.Id), new Text(string.Join(", ", library.Versions(r.Id).Select(v => v.Version.ToString()))),
                    new Text(TerminalText.Clip(r.Title, 60)), new Text(string.Join(" ", r.Threat.Cves)),
                    new Text(r.Ttps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Text(r.Iocs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Text(r.Hunts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Text(TerminalText.Clip(r.SourcePath, 50)));
            }

            AnsiConsole.Write(table);
        }

        if (library.Errors.Count > 0)
            Console.Error.WriteLine($"{library.Errors.Count} runbook problems; run 'ooda runbook validate' for the list");
        return OodaApp.ExitOk;
    }
}
