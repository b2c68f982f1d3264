using System.Globalization;
using Ooda.Core;
using Ooda.Investigation.Timeline;
using Ooda.Store;

namespace Ooda.Web.Internal;

/// <summary>
/// A timeline as a table. Each row's host links to that host's process tree over the window, and a process-start row
/// (Sysmon 1, Security 4688) links to the tree rooted at the process it started.
/// </summary>
internal static class TimelineView
{
    public static void Render(Html h, Workspace ws, TimelineResult result, string tenant, Func<string, string> treePathOf)
    {
        var window = (From: result.Request.From, To: result.Request.To);
        var starts = ProcessStarts(ws, result.Rows, tenant);
        h.Element("p", string.Create(CultureInfo.InvariantCulture,
            $"{result.Rows.Count} rows, {result.Rows.Count(r => r.Findings.Count > 0)} with findings; window {Views.Time(window.From)} → {Views.Time(window.To)}")
            + (result.Anchor is { } a ? " around " + a.Description : string.Empty) + (result.Truncated ? " (truncated: the rows farthest from the anchor were left out)" : string.Empty),
            ("class", "muted"));
        h.Open("table", ("id", "timeline")).Trusted("<thead><tr><th>Time (UTC)</th><th>Host</th><th>Source</th><th>What happened</th><th>Finding</th></tr></thead><tbody>");
        foreach (var row in result.Rows)
        {
            var tree = treePathOf(row.Host);
            var windowQuery = (From: ("from", (string?)Views.Iso(window.From)), To: ("to", (string?)Views.Iso(window.To)));
            h.Open("tr", ("class", row.Findings.Count > 0 ? "mark" : null));
            h.Element("td", Views.Time(row.Time), ("class", "mono"));
            h.Open("td").Link(ConsoleRoutes.Query(tree, windowQuery.From, windowQuery.To), row.Host, "host").Close("td");
            h.Element("td", row.Source);
            h.Open("td", ("class", "wrap"));
            h.Text(row.Summary);
            if (starts.TryGetValue(Key(row), out var start))
            {
                h.Text(" ");
                var rooted = start.Guid is { } guid
                    ? ConsoleRoutes.Query(tree, ("guid", guid), windowQuery.From, windowQuery.To)
                    : ConsoleRoutes.Query(tree, ("pid", start.Pid), ("at", Views.Iso(row.Time)), windowQuery.From, windowQuery.To);
                h.Link(rooted, "process tree ↳", "tree-link");
            }

            h.Close("td").Open("td");
            foreach (var marker in row.Findings.OrderByDescending(f => SeverityLevels.Rank(f.Severity)).Take(3))
            {
                Layout.Severity(h, marker.Severity);
                h.Text(" " + marker.Title).Trusted("<br>");
            }

            h.Close("td").Close("tr");
        }

        h.Trusted("</tbody>").Close("table");
    }

    private static string Key(TimelineRow row) =>
        string.Create(CultureInfo.InvariantCulture, $"{row.Provenance.Sha256}:{row.RecordId}:{row.Provenance.Line}");

    /// <summary>For each process-start row, the started process's GUID or id, read back from the stored event.</summary>
    private static Dictionary<string, (string? Guid, string? Pid)> ProcessStarts(Workspace ws, IReadOnlyList<TimelineRow> rows, string tenant)
    {
        var wanted = rows.Where(IsProcessStart).ToList();
        var found = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        if (wanted.Count == 0)
            return found;
        var keys = wanted.Select(r => new TimelineEventKey(r.Provenance.Sha256, r.RecordId, r.RecordId is null && r.Provenance.Line > 0 ? r.Provenance.Line : null,
            r.RecordId is null && r.Provenance.Line <= 0 ? r.Provenance.Offset : null)).ToList();
        foreach (var e in ws.FindEventsAt(keys, tenant))
        {
            var guid = e.Fields.TryGetValue("ProcessGuid", out var g) && g.Length > 0 ? g : null;
            var pid = e.Fields.TryGetValue("NewProcessId", out var n) && n.Length > 0 ? n : e.Fields.TryGetValue("ProcessId", out var p) && p.Length > 0 ? p : null;
            if (guid is not null || pid is not null)
                found[string.Create(CultureInfo.InvariantCulture, $"{e.Provenance.Sha256}:{e.RecordId}:{e.Provenance.Line}")] = (guid, pid);
        }

        return found;
    }

    private static bool IsProcessStart(TimelineRow row) =>
        row.EventId is 1 && row.Channel?.Contains("Sysmon", StringComparison.OrdinalIgnoreCase) == true
        || row.EventId is 4688 && string.Equals(row.Channel, "Security", StringComparison.OrdinalIgnoreCase);
}
