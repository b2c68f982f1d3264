using Ooda.Engine.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda export</c>: a case for other tools — STIX 2.1 bundle, ATT&amp;CK Navigator layer, Timesketch CSV, MISP event.</summary>
public sealed class ExportCommand : Command<ExportSettings>
{
    public override int Execute(CommandContext context, ExportSettings settings, CancellationToken cancellationToken)
    {
        var format = settings.EffectiveFormat switch
        {
            "stix" => ExportFormat.Stix,
            "navigator" => ExportFormat.Navigator,
            "timesketch" => ExportFormat.Timesketch,
            _ => ExportFormat.Misp,
        };
        using var workspace = settings.OpenExistingWorkspace();
        var @case = CaseCli.Require(workspace, settings.Case);
        var options = new ReportOptions { Around = settings.Around, GeneratedBy = $"ooda for {settings.Actor}" };
        try
        {
            if (settings.Output is { Length: > 0 } output)
            {
                using (var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
                    ExportService.Write(workspace, @case, format, file, options, cancellationToken);
                AnsiConsole.MarkupLine(Markup.Escape(TerminalText.Clean($"{@case.Id}: {settings.EffectiveFormat} written to {Path.GetFullPath(output)}")));
            }
            else
            {
                using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
                ExportService.Write(workspace, @case, format, stdout, options, cancellationToken);
            }
        }
        catch (ArgumentException e)
        {
            throw new InputException(e.Message, e);
        }

        return OodaApp.ExitOk;
    }
}
