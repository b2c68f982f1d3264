using System.Globalization;
using System.Text;
using Ooda.Investigation.Timeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ooda.Cli.Commands;

/// <summary><c>ooda case timeline</c>: one UTC timeline of the case's hosts around an anchor, as a table, JSON lines or a Timesketch CSV.</summary>
public sealed class CaseTimelineCommand : Command<CaseTimelineSettings>
{
    public override int Execute(CommandContext context, CaseTimelineSettings settings, CancellationToken cancellationToken)
    {
        var options = new CaseTimelineOptions
        {
            Around = settings.Around,
            Before = Duration(settings.Before, "--before"),
            After = Duration(settings.After, "--after"),
            Hosts = [.. settings.Hosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim())],
            Sources = [.. settings.Sources.Select(Source)],
            Limit = settings.EffectiveLimit,
        };

        using var workspace = settings.OpenExistingWorkspace();
        var @case = CaseCli.Require(workspace, settings.Case);
        TimelineResult result;
        try
        {
            result = CaseTimeline.Build(workspace, @case, options, cancellationToken);
        }
        catch (Exception e) when (e is TimelineException or FormatException)
        {
            throw new InputException(e.Message, e);
        }

        var format = settings.EffectiveFormat;
        if (settings.Output is { Length: > 0 } output)
        {
            using (var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
                Write(file, result, format, @case.Id, cancellationToken);
            AnsiConsole.MarkupLine(Markup.Escape(TerminalText.Clean(string.Create(CultureInfo.InvariantCulture,
                $"{@case.Id}: {result.Rows.Count} rows and {result.Recorded.Count} recorded; {format} written to {Path.GetFullPath(output)}"))));
        }
        else if (format == "table")
        {
            CaseTimelineView.Write(AnsiConsole.Console, result, @case.Id);
        }
        else
        {
            using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
            Write(stdout, result, format, @case.Id, cancellationToken);
        }

        return OodaApp.ExitOk;
    }

    private static void Write(Stream output, TimelineResult result, string format, string caseId, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case "jsonl":
                TimelineJsonLines.Write(output, result.AllRows(), cancellationToken);
                break;
            case "timesketch":
            {
                using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
                TimesketchCsv.Write(writer, result.AllRows(), cancellationToken);
                break;
            }

            default:
            {
                using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
                var console = AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Ansi = AnsiSupport.No,
                    ColorSystem = ColorSystemSupport.NoColors,
                    Out = new AnsiConsoleOutput(writer),
                });
                console.Profile.Width = OodaApp.RedirectedWidth;
                CaseTimelineView.Write(console, result, caseId);
                break;
            }
        }
    }

    private static TimeSpan Duration(string text, string option)
    {
        try
        {
            return TimelineDuration.Parse(text);
        }
        catch (FormatException e)
        {
            throw new InputException($"{option}: {e.Message}", e);
        }
    }

    private static TimelineSource Source(string text)
    {
        try
        {
            return TimelineSource.Parse(text);
        }
        catch (FormatException e)
        {
            throw new InputException(e.Message, e);
        }
    }
}
