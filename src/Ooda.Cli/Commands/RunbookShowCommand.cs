using System.Globalization;
using Ooda.Cli.Rendering;
using Ooda.Knowledge;
using Ooda.Knowledge.Attack;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda runbook show</c>: one runbook with its TTPs resolved to tactic · id · name and its affected builds from the knowledge base.</summary>
public sealed class RunbookShowCommand : Command<RunbookReferenceSettings>
{
    public override int Execute(CommandContext context, RunbookReferenceSettings settings, CancellationToken cancellationToken)
    {
        var library = RunbookLibraryOptions.Load(settings.RunbookFolders);
        var runbook = RunbookLibraryOptions.Select(library, [settings.Runbook], all: false)[0];
        var attack = AttackCatalogue.Embedded;
        var knowledge = ExchangeKnowledgeBase.Embedded;
        var cves = knowledge.Cves.Where(c => runbook.AffectedBuilds.Contains(c.Group, StringComparer.OrdinalIgnoreCase)
            || runbook.AffectedBuilds.Contains(c.Id, StringComparer.OrdinalIgnoreCase)).ToList();
        if (settings.Json)
        {
            using var json = new JsonLines();
            json.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", runbook.Id);
                w.WriteString("version", runbook.Version.ToString());
                w.WriteString("title", runbook.Title);
                w.WriteString("source", runbook.SourcePath);
                w.WriteStartArray("ttps");
                foreach (var ttp in runbook.Ttps)
                {
                    w.WriteStartObject();
                    w.WriteString("technique", ttp.Technique);
                    var known = attack.TryGetTechnique(ttp.Technique, out var technique);
                    w.WriteString("name", known ? technique!.Name : null);
                    w.WriteStartArray("tactics");
                    foreach (var tactic in known ? technique!.Tactics : [])
                        w.WriteStringValue(tactic.Name);
                    w.WriteEndArray();
                    w.WriteString("note", ttp.Note);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("affected");
                foreach (var cve in cves)
                {
                    w.WriteStartObject();
                    w.WriteString("cve", cve.Id);
                    w.WriteString("group", cve.Group);
                    w.WriteString("fixedBy", cve.FixedBy);
                    w.WriteStartArray("firstFixedBuilds");
                    foreach (var build in cve.FirstFixedBuilds)
                        w.WriteStringValue(build.ToString());
                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteNumber("iocs", runbook.Iocs.Count);
                w.WriteNumber("hunts", runbook.Hunts.Count);
                w.WriteEndObject();
            });
            return OodaApp.ExitOk;
        }

        var console = AnsiConsole.Console;
        console.MarkupLine($"[bold]{Markup.Escape(runbook.Reference)}[/] — {Markup.Escape(TerminalText.Clean(runbook.Title))} [grey]({Markup.Escape(runbook.Status)}, {Markup.Escape(runbook.SourcePath)})[/]");
        if (runbook.Summary is not null)
            console.WriteLine(TerminalText.Clean(runbook.Summary.Trim()));
        console.MarkupLine($"[grey]CVEs:[/] {Markup.Escape(string.Join(", ", runbook.Threat.Cves))}   [grey]actors:[/] {Markup.Escape(TerminalText.Clean(string.Join(", ", runbook.Threat.Actors)))}");
        var ttps = new Table().Border(TableBorder.Simple).AddColumn("Tactic").AddColumn("Technique").AddColumn("Name").AddColumn("How it shows");
        foreach (var ttp in runbook.Ttps)
        {
            var known = attack.TryGetTechnique(ttp.Technique, out var technique);
            ttps.AddRow(new Text(known ? string.Join(", ", technique!.Tactics.Select(t => t.Name)) : "?"), new Text(ttp.Technique),
                new Text(known ? technique!.Name : "unknown technique"), new Text(TerminalText.Clip(ttp.Note ?? string.Empty, 80)));
        }

        console.Write(ttps);
        if (cves.Count > 0)
        {
            var builds = new Table().Border(TableBorder.Simple).AddColumn("CVE").AddColumn("Group").AddColumn("Fixed by").AddColumn("First fixed builds");
            foreach (var cve in cves)
                builds.AddRow(new Text(cve.Id), new Text(cve.Group), new Text(cve.FixedBy), new Text(string.Join(" ", cve.FirstFixedBuilds.Select(b => b.ToString()))));
            console.Write(builds);
        }

        var hunts = new Table().Border(TableBorder.Simple).AddColumn("Hunt").AddColumn("Kind").AddColumn("Severity").AddColumn("ATT&CK").AddColumn("Title");
        foreach (var hunt in runbook.Hunts)
            hunts.AddRow(new Text(hunt.Id), new Text(hunt.Kind.ToString()), new Text(hunt.Severity), new Text(string.Join(" ", hunt.Techniques)), new Text(TerminalText.Clip(hunt.Title, 70)));
        console.Write(hunts);
        console.MarkupLine(CultureInfo.InvariantCulture, "[grey]{0} IOCs, {1} PoCs, {2} remediation steps, {3} changelog entries[/]",
            runbook.Iocs.Count, runbook.Pocs.Count, runbook.Remediation.Count, runbook.Changelog.Count);
        return OodaApp.ExitOk;
    }
}
