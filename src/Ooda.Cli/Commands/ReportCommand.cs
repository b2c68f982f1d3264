using System.Text;
using Ooda.Engine.Reports;
using Ooda.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda report</c>: the customer report of a case as self-contained HTML, Markdown, PDF (printed by headless Chromium) or a PNG preview.</summary>
public sealed class ReportCommand : AsyncCommand<ReportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var format = settings.EffectiveFormat switch
        {
            "md" => ReportFormat.Markdown,
            "pdf" => ReportFormat.Pdf,
            "png" => ReportFormat.Png,
            _ => ReportFormat.Html,
        };
        var options = new ReportOptions
        {
            Around = settings.Around,
            TreeRoot = settings.TreeRoot is { Length: > 0 } root ? root.Trim() : "w3wp.exe",
            GeneratedBy = $"ooda for {settings.Actor}",
        };

        CaseReport report;
        using (var workspace = settings.OpenExistingWorkspace())
        {
            var @case = CaseCli.Require(workspace, settings.Case);
            try
            {
                report = ReportService.Compose(workspace, @case, options, cancellationToken);
            }
            catch (ArgumentException e)
            {
                throw new InputException("--around: " + e.Message, e);
            }
        }

        var output = settings.Output;
        if (output is not { Length: > 0 } && format is ReportFormat.Html or ReportFormat.Markdown)
        {
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            await stdout.WriteAsync(format == ReportFormat.Html ? HtmlReport.Render(report) : MarkdownReport.Render(report)).ConfigureAwait(false);
            return OodaApp.ExitOk;
        }

        output ??= $"{report.Header.CaseId}-report.{settings.EffectiveFormat}";
        try
        {
            await ReportService.WriteAsync(report, format, output, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ChromiumNotFoundException e)
        {
            throw new InputException(e.Message, e);
        }
        catch (ChromiumException e)
        {
            throw new InputException($"{settings.EffectiveFormat}: {e.Message}", e);
        }

        AnsiConsole.MarkupLine(Markup.Escape(TerminalText.Clean(
            $"{report.Header.CaseId}: {settings.EffectiveFormat} report ({report.Findings.Count} finding groups, {report.Iocs.Count} IOCs, {report.Actions.Count} actions, "
            + $"TLP:{report.Header.Tlp.ToUpperInvariant()}) written to {Path.GetFullPath(output)}")));
        return OodaApp.ExitOk;
    }
}
