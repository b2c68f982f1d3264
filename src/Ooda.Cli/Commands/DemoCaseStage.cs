using System.Globalization;
using Ooda.Cli.Rendering;
using Ooda.Core;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Cases;
using Ooda.Engine.Response;
using Ooda.Engine.Triage;
using Ooda.Investigation.Cases;
using Ooda.Investigation.Lateral;
using Ooda.Investigation.ProcessTrees;
using Ooda.Investigation.Timeline;
using Ooda.Store;
using Spectre.Console;

namespace Ooda.Cli.Commands;

/// <summary>
/// Decide, as an analyst would on the demo: open a case from the web-shell lead on the host triage put first, link that
/// host's other serious findings, follow the lateral movement to the hosts it reached, then look around the web shell.
/// </summary>
internal static class DemoCaseStage
{
    public const string Actor = "ooda-demo";
    private const string WebShell = "T1505.003";
    private static readonly TimeSpan _before = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan _after = TimeSpan.FromMinutes(45);

    /// <summary>Null when triage's first host has no critical web-shell finding (nothing to open a case from).</summary>
    public static DemoCase? Run(string workspaceFolder, TriageReport triage, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        var first = triage.Hosts.FirstOrDefault();
        var lead = findings
            .Where(f => first is not null && f.Tenant == first.Tenant && string.Equals(f.Host, first.Host, StringComparison.OrdinalIgnoreCase))
            .Where(f => f.Severity == "critical" && f.Techniques.Contains(WebShell, StringComparer.OrdinalIgnoreCase) && f.Timestamp != DateTime.MinValue)
            .OrderBy(f => f.Timestamp).ThenBy(f => f.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (lead is null)
            return null;

        string caseId;
        using (var workspace = Workspace.Open(workspaceFolder))
        {
            // A second demo run over the same workspace carries on with the case the first one opened.
            var opened = workspace.ListCases(lead.Tenant).FirstOrDefault(c => c.FindingIds.Contains(lead.Id, StringComparer.Ordinal))
                ?? CaseService.Open(workspace, new CaseOpening { Findings = [lead.Id], Tags = ["demo", ResponsePlanner.PrimaryRunbook([lead]) ?? "hunt"] }, Actor);
            caseId = opened.Id;
            var related = CaseService.UnlinkedOnScope(workspace, opened, "high").Select(f => f.Id).ToList();
            if (related.Count > 0)
                CaseService.Link(workspace, caseId, related, Actor);
            if (opened.Status == CaseStatuses.New)
                CaseService.SetStatus(workspace, caseId, CaseStatuses.Investigating, null, Actor);
        }

        var expansion = CaseExpansion.Expand(workspaceFolder, caseId, RunbookLibrary.Load([]), Actor, cancellationToken: cancellationToken);
        using (var workspace = Workspace.Open(workspaceFolder))
        {
            var @case = CaseService.Require(workspace, caseId);
            var timeline = CaseTimeline.Build(workspace, @case, new CaseTimelineOptions { Around = lead.Id, Before = _before, After = _after, Limit = null },
                cancellationToken);
            var tree = ProcessTreeBuilder.Build(workspace,
                new ProcessGraphRequest { Tenant = lead.Tenant, Host = lead.Host, From = lead.Timestamp - _before, To = lead.Timestamp + _after },
                new ProcessSelection { RootImage = "w3wp.exe" }, cancellationToken: cancellationToken);
            var graph = LateralGraphService.ForCase(workspace, @case, cancellationToken: cancellationToken);
            return new DemoCase(@case, lead, expansion, timeline, tree, graph);
        }
    }

    public static void Write(DemoCase demo)
    {
        var console = AnsiConsole.Console;
        var c = demo.Case;
        console.Write(new Rule($"[bold]Decide: case {Markup.Escape(c.Id)}[/]").LeftJustified());
        console.MarkupLine($"Opened from {Markup.Escape(CaseService.ShortId(demo.Lead.Id))} [bold]{Markup.Escape(TerminalText.Clean(demo.Lead.Title))}[/] on {Markup.Escape(demo.Lead.Host)} "
            + $"at {Iso.Format(demo.Lead.Timestamp)[..19]}Z; {c.FindingIds.Count} findings linked, {c.Evidence.Count} evidence items; status {Markup.Escape(c.Status)}.");
        foreach (var reach in demo.Expansion.Reached)
        {
            console.MarkupLine($"Lateral movement: [bold]{Markup.Escape(TerminalText.Clean(reach.Host))}[/] reached from {Markup.Escape(TerminalText.Clean(reach.From))} "
                + $"as {Markup.Escape(TerminalText.Clean(reach.Account))} — joins the scope and is hunted with {Markup.Escape(string.Join(", ", demo.Expansion.Runbooks))} "
                + $"({demo.Expansion.FindingsFound} findings there, {demo.Expansion.FindingsLinked} linked).");
        }

        // The full timeline has hundreds of rows of routine activity; the demo prints the ones the hunts marked.
        var marked = demo.Timeline.Rows.Where(r => r.Findings.Count > 0).ToList();
        var table = new Table().Border(TableBorder.Simple)
            .Title($"Timeline around the web shell ({Iso.Format(demo.Timeline.Request.From)[..16]}Z → {Iso.Format(demo.Timeline.Request.To)[..16]}Z): {marked.Count} of {demo.Timeline.Rows.Count} rows carry findings")
            .AddColumn("Time (UTC)").AddColumn("Host").AddColumn("Source").AddColumn("What happened").AddColumn("Finding");
        foreach (var group in Runs(marked))
        {
            var row = group[0];
            var source = string.Join(", ", group.Select(r => r.Source).Distinct(StringComparer.Ordinal));
            var what = TerminalText.Clip(row.Summary, 110) + (group.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"  (+{group.Count - 1} alike until {Iso.Format(group[^1].Time)[11..19]})") : string.Empty);
            var marker = Marker(row);
            var style = row.Time < demo.Lead.Timestamp ? new Style(Color.Yellow) : row.Time == demo.Lead.Timestamp ? new Style(decoration: Decoration.Bold) : Style.Plain;
            table.AddRow(new Text(Iso.Format(row.Time)[..19], style), new Text(TerminalText.Clip(row.Host, 20), style), new Text(TerminalText.Clip(source, 24), style),
                new Text(what, style), new Text(TerminalText.Clip($"{marker.Severity} {marker.Title}", 60), style));
        }

        console.Write(table);
        console.MarkupLine($"[grey]every row: ooda case timeline {Markup.Escape(c.Id)} --around {Markup.Escape(CaseService.ShortId(demo.Lead.Id))} --before 15m --after 45m[/]");
        CaseTreeView.Write(console, demo.Tree);
        console.WriteLine(TerminalText.CleanLines(LateralGraphText.Render(demo.Graph)));
        console.MarkupLine($"Next: [grey]ooda case show {Markup.Escape(c.Id)}[/], [grey]ooda case graph {Markup.Escape(c.Id)} --format svg --output graph.svg[/], "
            + $"[grey]ooda stack process --tenant {Markup.Escape(c.Tenant)}[/], [grey]ooda runbook learn proxyshell --from {Markup.Escape(c.Id)} --out ./team-runbooks[/]");
    }

    /// <summary>The finding a row is shown with: its most severe, then the first by title.</summary>
    private static TimelineMarker Marker(TimelineRow row) =>
        row.Findings.OrderByDescending(f => SeverityLevels.Rank(f.Severity)).ThenBy(f => f.Title, StringComparer.Ordinal).First();

    /// <summary>Consecutive rows of one host with the same finding title (an IIS line and its HttpProxy twin, a burst of requests), folded into one line.</summary>
    private static List<List<TimelineRow>> Runs(IReadOnlyList<TimelineRow> rows)
    {
        var runs = new List<List<TimelineRow>>();
        foreach (var row in rows)
        {
            if (runs.Count > 0 && runs[^1][0] is var last && last.Host == row.Host && Marker(last).Title == Marker(row).Title)
                runs[^1].Add(row);
            else
                runs.Add([row]);
        }

        return runs;
    }
}
