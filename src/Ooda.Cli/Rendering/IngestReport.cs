using System.Globalization;
using Ooda.Core;
using Ooda.Engine.Ingest;
using Spectre.Console;

namespace Ooda.Cli.Rendering;

/// <summary>How an ingest summary is shown: a per-file table with diagnostics, or one JSON document.</summary>
public static class IngestReport
{
    public static void WriteTable(IngestSummary summary, int maxDiagnostics)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("File").AddColumn("Tenant / host").AddColumn("Format").AddColumn("Outcome")
            .AddColumn(new TableColumn("Events").RightAligned()).AddColumn(new TableColumn("Diagnostics").RightAligned());
        foreach (var file in summary.Files.Where(f => f.Outcome != IngestOutcome.CapturedOnly))
        {
            table.AddRow(
                new Text(TerminalText.Clip(file.Path, 70)),
                new Text(TerminalText.Clean($"{file.Tenant} / {file.Host}")),
                new Text(file.Format ?? "-"),
                new Markup(Outcome(file.Outcome)),
                new Text(file.Events.ToString("N0", CultureInfo.InvariantCulture)),
                new Text(file.Diagnostics.Count.ToString(CultureInfo.InvariantCulture)));
        }

        AnsiConsole.Write(table);
        var diagnostics = summary.Diagnostics.Concat(summary.Files.SelectMany(f => f.Diagnostics)).ToList();
        foreach (var d in diagnostics.Take(maxDiagnostics))
            AnsiConsole.Write(new Text(TerminalText.Clean(d.ToString()) + Environment.NewLine, new Style(d.Severity == DiagnosticSeverity.Error ? Color.Red : Color.Yellow)));
        if (diagnostics.Count > maxDiagnostics)
            AnsiConsole.MarkupLine($"[grey]… {diagnostics.Count - maxDiagnostics} more diagnostics (all are stored: ooda sql \"SELECT * FROM diagnostics\")[/]");

        WriteTotals(summary);
    }

    /// <summary>One line of totals: events added, files by outcome, captured files, diagnostics, speed.</summary>
    public static void WriteTotals(IngestSummary summary)
    {
        var diagnostics = summary.Diagnostics.Count + summary.Files.Sum(f => f.Diagnostics.Count);
        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 1e-6);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]{summary.EventsAdded:N0}[/] events added from {summary.Count(IngestOutcome.Ingested)} files; " +
            $"{summary.Count(IngestOutcome.AlreadyIngested)} already ingested, {summary.Count(IngestOutcome.Unrecognised)} unrecognised, " +
            $"{summary.Count(IngestOutcome.Failed)} failed; {summary.CapturedFilesAdded} of {summary.CapturedFilesSeen} captured files new; " +
            $"{diagnostics} diagnostics; {summary.Elapsed.TotalSeconds:F1} s ({summary.EventsAdded / seconds:N0} events/s)"));
    }

    public static void WriteJson(IngestSummary summary)
    {
        using var json = new JsonLines();
        json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("eventsAdded", summary.EventsAdded);
            w.WriteNumber("filesIngested", summary.Count(IngestOutcome.Ingested));
            w.WriteNumber("filesAlreadyIngested", summary.Count(IngestOutcome.AlreadyIngested));
            w.WriteNumber("filesUnrecognised", summary.Count(IngestOutcome.Unrecognised));
            w.WriteNumber("filesFailed", summary.Count(IngestOutcome.Failed));
            w.WriteNumber("capturedFilesAdded", summary.CapturedFilesAdded);
            w.WriteNumber("capturedFilesSeen", summary.CapturedFilesSeen);
            w.WriteNumber("elapsedSeconds", Math.Round(summary.Elapsed.TotalSeconds, 3));
            w.WriteStartArray("files");
            foreach (var file in summary.Files)
            {
                w.WriteStartObject();
                w.WriteString("path", file.Path);
                w.WriteString("tenant", file.Tenant);
                w.WriteString("host", file.Host);
                w.WriteString("sha256", file.Sha256);
                w.WriteString("format", file.Format);
                w.WriteString("outcome", JsonName(file.Outcome));
                w.WriteNumber("events", file.Events);
                WriteDiagnostics(w, file.Diagnostics);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteDiagnostics(w, summary.Diagnostics);
            w.WriteEndObject();
        });
    }

    private static void WriteDiagnostics(System.Text.Json.Utf8JsonWriter w, IReadOnlyList<Diagnostic> diagnostics)
    {
        w.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("file", d.File);
            w.WriteString("location", d.Location);
            w.WriteString("severity", d.Severity == DiagnosticSeverity.Error ? "error" : "warning");
            w.WriteString("message", d.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    internal static string JsonName(IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Ingested => "ingested",
        IngestOutcome.AlreadyIngested => "already-ingested",
        IngestOutcome.CapturedOnly => "captured-only",
        IngestOutcome.Unrecognised => "unrecognised",
        _ => "failed",
    };

    private static string Outcome(IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Ingested => "[green]ingested[/]",
        IngestOutcome.AlreadyIngested => "[grey]already ingested[/]",
        IngestOutcome.Unrecognised => "[yellow]unrecognised[/]",
        IngestOutcome.CapturedOnly => "captured",
        _ => "[red]failed[/]",
    };
}
