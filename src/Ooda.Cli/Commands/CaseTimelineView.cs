using System.Globalization;
using Ooda.Cli.Rendering;
using Ooda.Investigation.Timeline;
using Spectre.Console;

namespace Ooda.Cli.Commands;

/// <summary>A case timeline in the terminal: what happened, with the anchor and the findings' rows standing out, then what was recorded.</summary>
internal static class CaseTimelineView
{
    private const int SummaryWidth = 200;
    private const string FindingFound = "Finding found";

    public static void Write(IAnsiConsole console, TimelineResult result, string caseId)
    {
        var request = result.Request;
        var hosts = request.Hosts.Count == 0 ? "every host of the tenant" : string.Join(", ", request.Hosts);
        console.MarkupLine(Markup.Escape(TerminalText.Clean(
            $"{caseId} timeline {Minute(request.From)} → {Minute(request.To)} on {hosts}"
            + (request.Sources.Count == 0 ? string.Empty : $"; sources: {string.Join(", ", request.Sources)}"))));
        if (result.Anchor is { } anchor)
            console.MarkupLine("[grey]around " + Markup.Escape(TerminalText.Clean(anchor.Description)) + "[/]");

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Time (UTC)").AddColumn("Host").AddColumn("Source").AddColumn("What happened").AddColumn("Finding");
        var anchorShown = request.Anchor is null;
        foreach (var row in result.Rows)
        {
            if (!anchorShown && row.Time >= request.Anchor!.Value)
            {
                AnchorRow(table, request.Anchor.Value);
                anchorShown = true;
            }

            var style = row.Findings.Count == 0 ? Style.Plain : SeverityStyle(row.Findings.Max(f => Core.SeverityLevels.Rank(f.Severity)));
            table.AddRow(
                new Text(Iso.Format(row.Time)[..19], style),
                new Text(TerminalText.Clip(row.Host, 24), style),
                new Text(TerminalText.Clip(row.Source, 22), style),
                new Text(TerminalText.Clip(row.Summary, SummaryWidth), style),
                new Text(TerminalText.Clip(Markers(row.Findings), 60), style));
        }

        if (!anchorShown)
            AnchorRow(table, request.Anchor!.Value);
        console.Write(table);
        var note = result.Truncated
            ? $" (limit {request.Limit}: rows farthest from the anchor left out; --limit 0 for all)"
            : string.Empty;
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{result.Rows.Count} rows, {result.Rows.Count(r => r.Findings.Count > 0)} with findings{note}")));

        if (result.Recorded.Count == 0)
            return;
        var recorded = new Table().Border(TableBorder.Simple).Title("[bold]Recorded[/] [grey](when found or acted on — not when it happened)[/]")
            .AddColumn("Recorded (UTC)").AddColumn("Host").AddColumn("What").AddColumn("Details");
        // A hunt finds many leads at one moment: one line per moment and host here; the exports keep every finding's own row.
        var rows = result.Recorded;
        for (var i = 0; i < rows.Count;)
        {
            var first = rows[i];
            var count = 1;
            while (first.Source == FindingFound && i + count < rows.Count && rows[i + count].Source == FindingFound
                && rows[i + count].Time == first.Time && rows[i + count].Host == first.Host)
            {
                count++;
            }

            var summary = count == 1 ? first.Summary : string.Create(CultureInfo.InvariantCulture,
                $"{count} findings, highest {rows.Skip(i).Take(count).SelectMany(r => r.Findings).MaxBy(f => Core.SeverityLevels.Rank(f.Severity))!.Severity}; first: {first.Summary}");
            recorded.AddRow(new Text(Iso.Format(first.Time)[..19]), new Text(TerminalText.Clip(first.Host, 24)), new Text(TerminalText.Clip(first.Source, 22)),
                new Text(TerminalText.Clip(summary, SummaryWidth)));
            i += count;
        }

        console.Write(recorded);
    }

    private static void AnchorRow(Table table, DateTime anchor)
    {
        var grey = new Style(Color.Grey);
        table.AddRow(new Text(Iso.Format(anchor)[..19], grey), new Text("──", grey), new Text("anchor", grey), new Text("────────", grey), new Text(string.Empty));
    }

    /// <summary>The most severe finding of the row, and how many more there are.</summary>
    private static string Markers(IReadOnlyList<TimelineMarker> findings)
    {
        if (findings.Count == 0)
            return string.Empty;
        var top = findings.MaxBy(f => Core.SeverityLevels.Rank(f.Severity))!;
        var more = findings.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (+{findings.Count - 1})") : string.Empty;
        return $"◆ {top.Severity} {top.FindingId[..Math.Min(8, top.FindingId.Length)]}{more} {top.Title}";
    }

    private static Style SeverityStyle(int rank) => rank switch
    {
        >= 3 => new Style(Color.Red, decoration: Decoration.Bold),
        2 => new Style(Color.Yellow, decoration: Decoration.Bold),
        _ => new Style(Color.Aqua),
    };

    private static string Minute(DateTime utc) => Iso.Format(utc)[..16] + "Z";
}
