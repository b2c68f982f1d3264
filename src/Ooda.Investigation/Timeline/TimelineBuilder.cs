using Ooda.Core;
using Ooda.Investigation.Timeline.Internal;
using Ooda.Store;

namespace Ooda.Investigation.Timeline;

/// <summary>
/// Builds one UTC timeline over the workspace: stored events (Windows, IIS, Exchange logs), captured files' creation and
/// modification times, and findings as markers on the events they came from (or rows of their own when the event is not
/// stored); the case's audit trail is a separate, recorded lane.
/// </summary>
public static class TimelineBuilder
{
    /// <exception cref="ArgumentException">An empty or reversed window, a negative limit, or a summary length under 16.</exception>
    public static TimelineResult Build(Workspace workspace, TimelineRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(request);
        if (request.From >= request.To)
            throw new ArgumentException($"the window's start {TimelineAnchor.Iso(request.From)} is not before its end {TimelineAnchor.Iso(request.To)}", nameof(request));
        if (request.Limit is < 0)
            throw new ArgumentException("the limit cannot be negative", nameof(request));
        if (request.SummaryLength < 16)
            throw new ArgumentException("summaries need at least 16 characters", nameof(request));

        var selection = TimelineSelection.Of(request.Sources);
        var anchor = request.Anchor is { } a ? Clamp(a, request.From, request.To) : request.From;
        var length = request.SummaryLength;
        var events = Events(workspace, request, selection, anchor, cancellationToken);
        var rows = events.Events.Select(e => TimelineRows.FromEvent(e, length)).ToList();
        var files = Files(workspace, request, selection, length);
        rows.AddRange(files.Select(f => f.Row));

        var findings = workspace.QueryTimelineFindings(request.Tenant, request.Hosts, request.From, request.To);
        var marked = AttachFindings(workspace, request, selection, rows, files, findings, cancellationToken);

        var kept = Trim(rows, marked, request.Limit, anchor, out var trimmed);
        kept.Sort(Compare);
        var recorded = request.CaseId is { } caseId
            ? workspace.ReadAudit(Workspace.CaseSubject(caseId)).Select(e => RecordedRows.Of(e, request.Tenant ?? string.Empty, length)).ToList()
            : [];
        // When each finding shown was found belongs to the recorded lane too, beside the case's own records.
        recorded.AddRange(kept.SelectMany(r => r.Findings.Select(m => (Row: r, Marker: m)))
            .DistinctBy(p => p.Marker.FindingId)
            .Select(p => RecordedRows.Found(p.Row, p.Marker, length)));
        return new TimelineResult { Request = request, Rows = kept, Recorded = [.. recorded.OrderBy(r => r.Time)], Truncated = events.Truncated || trimmed };
    }

    /// <summary>The events nearest the anchor, up to the limit, so the anchor is always in view however busy the hours around it are.</summary>
    private static TimelineEventPage Events(Workspace workspace, TimelineRequest request, TimelineSelection selection, DateTime anchor,
        CancellationToken cancellationToken) =>
        !selection.AnyEvents || request.Limit == 0
            ? new TimelineEventPage([], false)
            : workspace.QueryTimelineEvents(new TimelineEventQuery
            {
                Tenant = request.Tenant,
                Hosts = request.Hosts,
                From = request.From,
                To = request.To,
                Sources = selection.EventSources,
                Limit = request.Limit,
                Anchor = anchor,
            }, cancellationToken);

    private static List<(CapturedFile File, TimelineRow Row)> Files(Workspace workspace, TimelineRequest request, TimelineSelection selection, int length)
    {
        if (!selection.FileCreated && !selection.FileModified)
            return [];
        var rows = new List<(CapturedFile, TimelineRow)>();
        foreach (var file in workspace.QueryTimelineFiles(request.Tenant, request.Hosts, request.From, request.To))
        {
            if (selection.FileCreated && InWindow(file.Created, request))
                rows.Add((file, TimelineRows.FromFile(file, created: true, length)));
            if (selection.FileModified && InWindow(file.Modified, request))
                rows.Add((file, TimelineRows.FromFile(file, created: false, length)));
        }

        return rows;
    }

    /// <summary>
    /// Puts each finding on the row of its evidence: an event by file hash and record id (else line, else offset), a captured file
    /// by hash and original path. Evidence in the window but not among the rows (left out by the limit or the sources) is fetched;
    /// evidence that is not stored at all becomes a row of its own. Returns the rows that carry findings.
    /// </summary>
    private static HashSet<TimelineRow> AttachFindings(Workspace workspace, TimelineRequest request, TimelineSelection selection, List<TimelineRow> rows,
        List<(CapturedFile File, TimelineRow Row)> files, IReadOnlyList<TimelineFinding> findings, CancellationToken cancellationToken)
    {
        var markers = new Dictionary<TimelineRow, List<TimelineMarker>>(ReferenceEqualityComparer.Instance);
        if (findings.Count == 0)
            return [];
        var fileRows = files.Select(f => f.Row).ToHashSet(ReferenceEqualityComparer.Instance);
        var byEvidence = new Dictionary<string, TimelineRow>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => !fileRows.Contains(r)))
        {
            foreach (var key in TimelineRows.EvidenceKeys(row))
                byEvidence.TryAdd(key, row);
        }

        // A finding on a captured file marks the file's first row in the window (its creation, usually).
        var byFile = files.OrderBy(f => f.Row.Time)
            .GroupBy(f => TimelineRows.FileKey(f.File.Host, f.File.Sha256, f.File.OriginalPath), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Row, StringComparer.Ordinal);

        void Mark(TimelineRow row, TimelineFinding finding)
        {
            if (!markers.TryGetValue(row, out var list))
                markers[row] = list = [];
            list.Add(TimelineRows.Marker(finding));
        }

        var missing = new List<(TimelineFinding Finding, string Key)>();
        var ownRows = new List<TimelineFinding>();
        foreach (var found in findings)
        {
            var f = found.Finding;
            var key = TimelineRows.EvidenceKey(f.Host, f.Provenance, f.RecordId);
            if (key is not null && byEvidence.TryGetValue(key, out var row))
            {
                Mark(row, found);
                continue;
            }

            if (f.OriginalPath is { } path && byFile.TryGetValue(TimelineRows.FileKey(f.Host, f.Provenance.Sha256, path), out var fileRow))
            {
                Mark(fileRow, found);
                continue;
            }

            // A finding without an evidence time is placed only by its file's times, which are not in this window.
            if (f.Timestamp == DateTime.MinValue)
                continue;
            if (key is not null)
                missing.Add((found, key));
            else
                ownRows.Add(found);
        }

        if (missing.Count > 0)
        {
            var keys = missing.Select(m => new TimelineEventKey(m.Finding.Finding.Provenance.Sha256, m.Finding.Finding.RecordId,
                m.Finding.Finding.RecordId is null && m.Finding.Finding.Provenance.Line > 0 ? m.Finding.Finding.Provenance.Line : null,
                m.Finding.Finding.Provenance.Offset >= 0 ? m.Finding.Finding.Provenance.Offset : null)).ToList();
            var fetched = new Dictionary<string, TimelineRow>(StringComparer.Ordinal);
            foreach (var e in workspace.FindEventsAt(keys, request.Tenant, cancellationToken))
            {
                if (!selection.Findings && !selection.Selects(e))
                    continue;
                var row = TimelineRows.FromEvent(e, request.SummaryLength);
                foreach (var key in TimelineRows.EvidenceKeys(row))
                    fetched.TryAdd(key, row);
            }

            foreach (var (found, key) in missing)
            {
                if (fetched.TryGetValue(key, out var row))
                {
                    if (!markers.ContainsKey(row))
                        rows.Add(row);
                    Mark(row, found);
                }
                else
                {
                    ownRows.Add(found);
                }
            }
        }

        if (selection.Everything || selection.Findings)
        {
            foreach (var found in ownRows)
            {
                var row = TimelineRows.FromFinding(found, request.SummaryLength);
                rows.Add(row);
                markers[row] = [.. row.Findings];
            }
        }

        var marked = new HashSet<TimelineRow>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < rows.Count; i++)
        {
            if (markers.TryGetValue(rows[i], out var list))
            {
                rows[i] = rows[i] with { Findings = [.. list.DistinctBy(m => m.FindingId).OrderBy(m => m.FindingId, StringComparer.Ordinal)] };
                marked.Add(rows[i]);
            }
        }

        return marked;
    }

    /// <summary>Keeps every row that carries a finding and, of the rest, the <paramref name="limit"/> nearest the anchor.</summary>
    private static List<TimelineRow> Trim(List<TimelineRow> rows, HashSet<TimelineRow> marked, int? limit, DateTime anchor, out bool trimmed)
    {
        var plain = rows.Where(r => !marked.Contains(r)).ToList();
        trimmed = limit is { } max && plain.Count > max;
        if (!trimmed)
            return rows;
        var nearest = plain.OrderBy(r => (r.Time - anchor).Duration()).ThenBy(r => r.Time).Take(limit!.Value);
        return [.. marked, .. nearest];
    }

    private static int Compare(TimelineRow x, TimelineRow y)
    {
        var c = x.Time.CompareTo(y.Time);
        if (c == 0)
            c = StringComparer.OrdinalIgnoreCase.Compare(x.Host, y.Host);
        if (c == 0)
            c = string.CompareOrdinal(x.Provenance.Sha256, y.Provenance.Sha256);
        if (c == 0)
            c = Nullable.Compare(x.RecordId, y.RecordId);
        if (c == 0)
            c = x.Provenance.Line.CompareTo(y.Provenance.Line);
        if (c == 0)
            c = x.Provenance.Offset.CompareTo(y.Provenance.Offset);
        if (c == 0)
            c = string.CompareOrdinal(x.Source, y.Source);
        return c;
    }

    private static bool InWindow(DateTime time, TimelineRequest request) => time >= request.From && time < request.To;

    private static DateTime Clamp(DateTime time, DateTime from, DateTime to) => time < from ? from : time > to ? to : time;
}
