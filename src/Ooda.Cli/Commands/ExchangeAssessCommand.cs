using System.Globalization;
using Ooda.Cli.Rendering;
using Ooda.Knowledge;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda exchange assess --build</c>: product, CU, SU level, open CVEs and the builds that fix them.</summary>
public sealed class ExchangeAssessCommand : Command<ExchangeAssessSettings>
{
    public override int Execute(CommandContext context, ExchangeAssessSettings settings, CancellationToken cancellationToken)
    {
        if (!ExchangeBuild.TryParse(settings.Build, out var build))
            throw new InputException($"not an Exchange build: '{settings.Build}' (expected e.g. 15.2.858.5, 15.02.0858.005, \"Version 15.2 (Build 858.5)\" or /owa/auth/15.2.858/)");
        var a = ExchangeKnowledgeBase.Embedded.Assess(build, settings.Build);
        if (settings.Json)
        {
            using var json = new JsonLines();
            json.Write(w => ExchangeAssessmentJson.Write(w, a));
            return OodaApp.ExitOk;
        }

        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string? value) => grid.AddRow(new Text(name, new Style(decoration: Decoration.Bold)), new Text(value ?? "-"));
        Row("Build", a.Build?.ToString());
        Row("Product", a.Product);
        Row("CU", a.Cu);
        Row("Security update", a.SecurityUpdate ?? (a.Build is { HasRevision: false } ? "unknown (no revision)" : "none (CU base build)"));
        Row("Released", a.ReleaseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("Status", ExchangeAssessmentJson.StatusName(a.Status));
        Row("Latest build for CU", a.LatestBuildForCu?.ToString());
        Row("Recommended build", a.RecommendedBuild?.ToString());
        AnsiConsole.Write(grid);

        if (a.VulnerableTo.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("Still exposed to")
                .AddColumn("CVE").AddColumn("Group").AddColumn("Fixed in (this CU)").AddColumn("Certain");
            foreach (var e in a.VulnerableTo)
                table.AddRow(new Text(e.Cve.Id), new Text(e.Cve.Group), new Text(e.FixedIn?.ToString() ?? "no fix for this CU: upgrade"), new Text(e.Certain ? "yes" : "depends on SU"));
            AnsiConsole.Write(table);
        }

        foreach (var note in a.Notes)
            AnsiConsole.MarkupLine("[grey]" + Markup.Escape(TerminalText.Clean(note)) + "[/]");
        return OodaApp.ExitOk;
    }
}
