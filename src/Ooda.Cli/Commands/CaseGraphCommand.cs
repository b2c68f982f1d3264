using System.Text;
using Ooda.Cli.Rendering;
using Ooda.Investigation.Lateral;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda case graph</c>: the case's lateral-movement graph — suspicious edges with their reasons and evidence, the hosts the attacker reached.</summary>
public sealed class CaseGraphCommand : Command<CaseGraphSettings>
{
    public override int Execute(CommandContext context, CaseGraphSettings settings, CancellationToken cancellationToken)
    {
        var (from, to) = CaseCli.Window(settings.From, settings.To);
        using var workspace = settings.OpenExistingWorkspace();
        var @case = CaseCli.Require(workspace, settings.Case);
        var graph = LateralGraphService.ForCase(workspace, @case, from, to, cancellationToken: cancellationToken);
        var rendered = settings.EffectiveFormat switch
        {
            "dot" => LateralGraphDot.Render(graph, settings.All),
            "json" => LateralGraphJson.Render(graph, settings.All),
            "svg" => LateralGraphSvg.Render(graph, settings.All),
            _ => LateralGraphText.Render(graph, settings.All),
        };

        if (settings.Output is { Length: > 0 } output)
        {
            File.WriteAllText(output, rendered, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            var suspicious = graph.Edges.Count(e => e.Suspicious);
            AnsiConsole.MarkupLine(Markup.Escape(
                $"{@case.Id}: {suspicious} suspicious edges, {graph.RoutineEdgeCount} routine{(settings.All ? string.Empty : " (hidden)")}; " +
                $"{settings.EffectiveFormat} written to {Path.GetFullPath(output)}"));
        }
        else
        {
            Console.Out.Write(settings.EffectiveFormat == "text" ? TerminalText.CleanLines(rendered) : rendered);
        }

        if (settings.EffectiveFormat == "text" && graph.Reached.Count > 0 && !settings.Json)
        {
            AnsiConsole.MarkupLine("[grey]" + Markup.Escape(TerminalText.Clean(
                $"To bring the reached hosts ({string.Join(", ", graph.Reached.Select(r => r.Host))}) into scope and hunt them with the case's runbooks: ooda case expand {@case.Id}")) + "[/]");
        }

        return OodaApp.ExitOk;
    }
}
