using System.Globalization;
using System.Text;
using Ooda.Core;
using Ooda.Detection.Runbooks;
using Ooda.Engine.Cases;
using Ooda.Engine.Reports.Internal;
using Ooda.Engine.Response;
using Ooda.Investigation.Cases;
using Ooda.Investigation.Lateral;
using Ooda.Investigation.ProcessTrees;
using Ooda.Investigation.Timeline;
using Ooda.Reports;
using Ooda.Store;

namespace Ooda.Engine.Reports;

/// <summary>
/// Composes a case's report from the store: header and scope from the case, findings with their evidence, the timeline around the
/// lead, the lead host's process tree and the lateral-movement graph (as SVG from the Investigation renderers), the ATT&amp;CK view,
/// IOCs from the findings and their events, the response actions, and recommendations (the build to install from the knowledge
/// base, the runbooks' remediation steps, the hosts the attacker reached). Then writes it as HTML, Markdown, PDF or PNG.
/// </summary>
public static partial class ReportService
{
    public static CaseReport Compose(Workspace workspace, StoredCase @case, ReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(@case);
        options ??= new ReportOptions();
        var runbooks = options.Runbooks ?? RunbookLibrary.Load([]);
        var findings = CaseService.FindingsOf(workspace, @case);
        var lead = Lead(workspace, findings, options.Around);
        var times = findings.Where(f => f.Timestamp != DateTime.MinValue).Select(f => Utc(f.Timestamp)).ToList();
        var first = times.Count > 0 ? times.Min() : (DateTime?)null;
        var last = times.Count > 0 ? times.Max() : (DateTime?)null;

        var graph = LateralGraphService.ForCase(workspace, @case, cancellationToken: cancellationToken);
        var triage = workspace.LatestTriage()?.Hosts.Where(h => string.Equals(h.Tenant, @case.Tenant, StringComparison.OrdinalIgnoreCase)).ToList() ?? [];
        var view = CaseAttackService.Build(findings, runbooks);
        var entry = lead is null ? [] : new List<string> { lead.Host };
        var reached = Reached(graph, entry).Select(e => e.Target).ToList();
        var reportLead = lead is null ? null : ReportFinding.Of(lead);
        var (tree, treeCaption) = Tree(workspace, @case, lead, options, cancellationToken);
        var (graphSvg, graphCaption) = Graph(graph);

        return new CaseReport
        {
            Header = new ReportHeader(@case.Id, @case.Tenant, @case.Title, @case.Severity, @case.Status, @case.Tlp, @case.Assignee, Utc(@case.OpenedAt), @case.OpenedBy,
                Utc(@case.UpdatedAt), @case.Tags),
            Summary = new ReportSummary(reportLead, first, last, entry, reached,
                [.. SeverityLevels.All.Reverse().Select(s => KeyValuePair.Create(s, findings.Count(f => string.Equals(f.Severity, s, StringComparison.OrdinalIgnoreCase)))).Where(p => p.Value > 0)],
                view.ObservedTechniques.Count,
                [.. @case.Notes.Where(_ => options.IncludeNotes).OrderBy(n => n.Number).Select(n => $"{Iso(n.At)} {n.Author}: {n.Text}")]),
            Scope = Scope(@case, entry, reached, triage),
            Timeline = Timeline(workspace, @case, lead, first, last, options, cancellationToken),
            Attack = AttackMatrix.From(view),
            ProcessTreeSvg = tree,
            ProcessTreeCaption = treeCaption,
            LateralGraphSvg = graphSvg,
            LateralGraphCaption = graphCaption,
            Findings = Findings(findings),
            Iocs = ReportIocs.Extract(findings, EventsOf(workspace, @case.Tenant, findings, cancellationToken)),
            Actions = [.. workspace.ListActions(@case.Id).Select(a => new ReportAction(a.Id, a.Kind, a.Target,
                a.Host is { } host && !string.Equals(host, a.Subject, StringComparison.OrdinalIgnoreCase) ? $"{a.Subject} on {host}" : a.Subject,
                a.State, a.Reason, Utc(a.UpdatedAt)))],
            Recommendations = Recommendations(@case, findings, triage, Reached(graph, entry), runbooks, ResponseService.PolicyFor(workspace, @case.Tenant).Mode),
            GeneratedAt = Utc(options.GeneratedAt ?? DateTime.UtcNow),
            GeneratedBy = options.GeneratedBy,
        };
    }

    /// <summary>
    /// Writes the report to <paramref name="outputPath"/>. PDF and PNG are printed by headless Chromium from the HTML, which is written
    /// beside the output for the purpose and removed afterwards.
    /// </summary>
    /// <exception cref="ChromiumNotFoundException">PDF or PNG was asked for and there is no Chromium; the message says how to install it.</exception>
    public static async Task WriteAsync(CaseReport report, ReportFormat format, string outputPath, ChromiumOptions? chromium = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        switch (format)
        {
            case ReportFormat.Html:
                await File.WriteAllTextAsync(outputPath, HtmlReport.Render(report), utf8, cancellationToken).ConfigureAwait(false);
                break;
            case ReportFormat.Markdown:
                await File.WriteAllTextAsync(outputPath, MarkdownReport.Render(report), utf8, cancellationToken).ConfigureAwait(false);
                break;
            default:
                var folder = Directory.CreateTempSubdirectory("ooda-report-");
                try
                {
                    var html = Path.Combine(folder.FullName, "report.html");
                    await File.WriteAllTextAsync(html, HtmlReport.Render(report), utf8, cancellationToken).ConfigureAwait(false);
                    if (format == ReportFormat.Pdf)
                        await ChromiumPrinter.PrintPdfAsync(html, outputPath, chromium, cancellationToken).ConfigureAwait(false);
                    else
                        await ChromiumPrinter.ScreenshotAsync(html, outputPath, chromium, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    folder.Delete(recursive: true);
                }

                break;
        }
    }

    /// <summary>The finding named by <paramref name="around"/>, else the most severe, earliest (with a time) of the case's findings.</summary>
    internal static Finding? Lead(Workspace workspace, IReadOnlyList<Finding> findings, string? around)
    {
        if (around is { Length: > 0 })
        {
            var named = workspace.FindFinding(around.Trim());
            return named is not null && findings.Any(f => f.Id == named.Id)
                ? named
                : throw new ArgumentException($"'{around}' names no finding linked to this case");
        }

        return findings
            .OrderByDescending(f => SeverityLevels.Rank(f.Severity))
            .ThenBy(f => f.Timestamp == DateTime.MinValue ? DateTime.MaxValue : f.Timestamp)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>The window from <see cref="ReportOptions.Margin"/> before the first finding to after the last, pivoting on the lead.</summary>
    internal static CaseTimelineOptions? TimelineOptions(Finding? lead, DateTime? first, DateTime? last, ReportOptions options, int? limit)
    {
        if (lead is null || lead.Timestamp == DateTime.MinValue || first is null || last is null)
            return null;
        var at = Utc(lead.Timestamp);
        var before = Min(at - first.Value + options.Margin, options.MaxSpan);
        var after = Min(last.Value - at + options.Margin, options.MaxSpan);
        // The anchor is the lead's time, not its id: the timeline's anchor parser only reads the hex ids the hunts make.
        return new CaseTimelineOptions { Around = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), Before = before, After = after, Limit = limit };
    }

    private static ReportTimeline? Timeline(Workspace workspace, StoredCase @case, Finding? lead, DateTime? first, DateTime? last, ReportOptions options,
        CancellationToken cancellationToken)
    {
        if (TimelineOptions(lead, first, last, options, TimelineRequest.DefaultLimit) is not { } timelineOptions)
            return null;
        var result = CaseTimeline.Build(workspace, @case, timelineOptions, cancellationToken);
        var rows = result.Rows.Where(r => r.Findings.Count > 0).Select(r =>
        {
            var marker = r.Findings.OrderByDescending(f => SeverityLevels.Rank(f.Severity)).ThenBy(f => f.Title, StringComparer.Ordinal).First();
            return new ReportTimelineRow(Utc(r.Time), r.Host, r.Source, r.Summary, marker.Severity, marker.Title,
                [.. r.Findings.SelectMany(f => f.Techniques).Distinct(StringComparer.OrdinalIgnoreCase)]);
        }).ToList();
        return new ReportTimeline(Utc(result.Request.From), Utc(result.Request.To), result.Request.Anchor is { } a ? Utc(a) : null,
            $"finding {CaseService.ShortId(lead!.Id)} ({lead.Title}) on {lead.Host} at {Iso(lead.Timestamp)}", rows, result.Rows.Count);
    }

    private static (string? Svg, string Caption) Tree(Workspace workspace, StoredCase @case, Finding? lead, ReportOptions options, CancellationToken cancellationToken)
    {
        if (lead is null || lead.Timestamp == DateTime.MinValue)
            return (null, "No process tree: the case has no finding with a time to centre it on.");
        var at = Utc(lead.Timestamp);
        var from = at - options.Margin;
        var to = at + options.Margin + TimeSpan.FromMinutes(30);
        var tree = ProcessTreeBuilder.Build(workspace, new ProcessGraphRequest { Tenant = @case.Tenant, Host = lead.Host, From = from, To = to },
            new ProcessSelection { RootImage = options.TreeRoot }, cancellationToken: cancellationToken);
        var window = $"{Iso(from)} to {Iso(to)}";
        if (tree.Matched == 0 || tree.Shown == 0)
            return (null, $"No {options.TreeRoot} process on {lead.Host} from {window} in the process-creation events.");
        return (ProcessTreeSvg.Render(tree), string.Create(CultureInfo.InvariantCulture,
            $"Processes started under {options.TreeRoot} on {lead.Host}, {window}: {tree.Shown} of {tree.Processes} processes shown."));
    }

    /// <summary>
    /// Hosts the attacker reached from the entry hosts over suspicious edges, each with the first edge that reached it, nearest first.
    /// A reached host already brought into scope is a seed of the graph, so the graph's own list leaves it out; this walk does not.
    /// </summary>
    internal static IReadOnlyList<LateralEdge> Reached(LateralGraph graph, IReadOnlyList<string> entry)
    {
        var seen = new HashSet<string>(entry, StringComparer.OrdinalIgnoreCase);
        var frontier = new Queue<string>(entry);
        var reached = new List<LateralEdge>();
        var suspicious = graph.Edges.Where(e => e.Suspicious).OrderBy(e => e.First).ToList();
        while (frontier.Count > 0)
        {
            var from = frontier.Dequeue();
            foreach (var edge in suspicious.Where(e => string.Equals(e.Source, from, StringComparison.OrdinalIgnoreCase) && seen.Add(e.Target)))
            {
                reached.Add(edge);
                frontier.Enqueue(edge.Target);
            }
        }

        return reached;
    }

    private static (string? Svg, string Caption) Graph(LateralGraph graph)
    {
        var suspicious = graph.Edges.Count(e => e.Suspicious);
        if (suspicious == 0 && graph.Reached.Count == 0)
            return (null, string.Create(CultureInfo.InvariantCulture, $"No suspicious movement between hosts ({graph.RoutineEdgeCount} routine connections seen)."));
        var reached = graph.Reached.Count == 0 ? string.Empty
            : "; reached: " + string.Join(", ", graph.Reached.Select(r => $"{r.Host} from {r.From} as {r.Account} at {Iso(r.First)}"));
        return (LateralGraphSvg.Render(graph), string.Create(CultureInfo.InvariantCulture,
            $"{suspicious} suspicious connection{(suspicious == 1 ? string.Empty : "s")} between hosts in red, {graph.RoutineEdgeCount} routine ones left out{reached}."));
    }

    private static List<ReportScopeHost> Scope(StoredCase @case, IReadOnlyList<string> entry, IReadOnlyList<string> reached, IReadOnlyList<StoredTriageHost> triage) =>
        [.. @case.Hosts
            .Select(h =>
            {
                var role = entry.Contains(h.Host, StringComparer.OrdinalIgnoreCase) ? "entry" : reached.Contains(h.Host, StringComparer.OrdinalIgnoreCase) ? "reached" : "scope";
                var inventory = triage.FirstOrDefault(t => string.Equals(t.Host, h.Host, StringComparison.OrdinalIgnoreCase));
                return new ReportScopeHost(h.Host, role, h.Reason, Utc(h.AddedAt), h.AddedBy, inventory?.Build, inventory?.ResponseMode);
            })
            .OrderBy(h => h.Role switch { "entry" => 0, "reached" => 1, _ => 2 })
            .ThenBy(h => h.AddedAt)];

    /// <summary>Most severe first; findings with the same title on the same host fold into the earliest, with how many and until when.</summary>
    private static List<ReportFinding> Findings(IReadOnlyList<Finding> findings) =>
        [.. findings
            .GroupBy(f => (f.Title, Host: f.Host.ToUpperInvariant()))
            .Select(g =>
            {
                var ordered = g.OrderBy(f => f.Timestamp == DateTime.MinValue ? DateTime.MaxValue : f.Timestamp).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
                var times = ordered.Where(f => f.Timestamp != DateTime.MinValue).Select(f => Utc(f.Timestamp)).ToList();
                var top = ordered.OrderByDescending(f => SeverityLevels.Rank(f.Severity)).First();
                return ReportFinding.Of(ordered[0]) with
                {
                    Severity = top.Severity,
                    Alike = ordered.Count,
                    LastTime = times.Count > 1 ? times.Max() : null,
                };
            })
            .OrderByDescending(f => SeverityLevels.Rank(f.Severity))
            .ThenBy(f => f.Time ?? DateTime.MaxValue)
            .ThenBy(f => f.Id, StringComparer.Ordinal)];

    /// <summary>The event each finding was read from, in one query; captured-file findings and SQL conclusions have none.</summary>
    private static Dictionary<string, EvidenceEvent> EventsOf(Workspace workspace, string tenant, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        static TimelineEventKey? Key(Finding f) =>
            f.Provenance.Sha256 is not { Length: > 0 } sha ? null
            : f.RecordId is not null ? new TimelineEventKey(sha, f.RecordId, null)
            : f.Provenance.Line > 0 ? new TimelineEventKey(sha, null, f.Provenance.Line)
            : f.Provenance.Offset >= 0 ? new TimelineEventKey(sha, null, null, f.Provenance.Offset)
            : null;
        var keyed = findings.Where(f => f.Channel != "captured-file").Select(f => (Finding: f, Key: Key(f))).Where(p => p.Key is not null).ToList();
        var events = workspace.FindEventsAt([.. keyed.Select(p => p.Key!).Distinct()], tenant, cancellationToken);
        var byPlace = new Dictionary<TimelineEventKey, EvidenceEvent>();
        foreach (var e in events)
        {
            var sha = e.Provenance.Sha256;
            if (e.RecordId is { } record)
                byPlace.TryAdd(new TimelineEventKey(sha, record, null), e);
            if (e.Provenance.Line > 0)
                byPlace.TryAdd(new TimelineEventKey(sha, null, e.Provenance.Line), e);
            if (e.Provenance.Offset >= 0)
                byPlace.TryAdd(new TimelineEventKey(sha, null, null, e.Provenance.Offset), e);
        }

        var result = new Dictionary<string, EvidenceEvent>(StringComparer.Ordinal);
        foreach (var (finding, key) in keyed)
        {
            if (byPlace.TryGetValue(key! with { Sha256Prefix = key!.Sha256Prefix.ToLowerInvariant() }, out var e) || byPlace.TryGetValue(key!, out e))
                result.TryAdd(finding.Id, e);
        }

        return result;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    internal static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);

    internal static string Iso(DateTime time) => Utc(time).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
