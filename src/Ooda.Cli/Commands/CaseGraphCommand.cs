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
        var from = settings.From is null ? (DateTime?)null : Iso.Parse(settings.From, "--from");
        var to = settings.To is null ? (DateTime?)null : Iso.Parse(settings.To, "--to");
        if (from is { } f && to is { } t && t <= f)
            throw new InputException("--to must be after --from");
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
            Console.Out.Write(settings.EffectiveFormat == "text" ? CleanLines(rendered) : rendered);
        }

        if (settings.EffectiveFormat == "text" && graph.Reached.Count > 0 && !settings.Json)
        {
            var hosts = string.Join(" ", graph.Reached.Select(r => "--add " + r.Host));
            AnsiConsole.MarkupLine("[grey]" + Markup.Escape(TerminalText.Clean(
                $"To bring the reached hosts into scope: ooda case scope {@case.Id} {hosts} --reason \"lateral movement\"")) + "[/]");
        }

        return OodaApp.ExitOk;
    }

    /// <summary>The text renderer already makes evidence printable; this keeps the terminal's own rule too, line by line.</summary>
    private static string CleanLines(string text) =>
        string.Join('\n', text.Split('\n').Select(TerminalText.Clean));
}
