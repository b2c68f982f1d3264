using System.Globalization;
using Ooda.Store;

namespace Ooda.Investigation.ProcessTrees.Internal;

/// <summary>
/// Turns process starts and ends into a forest: Sysmon 1 and 4688 of one process merged, ends attached, parents found by
/// GUID or by process id and time, unseen parents inferred from what their children say, cycles cut. Every step is a loop
/// over arrays — no recursion — so hostile depth or breadth costs time in proportion, never the stack.
/// </summary>
internal sealed class ProcessGraphAssembler
{
    /// <summary>Sysmon and Security stamp one process start this far apart at most (Sysmon's clock is its own).</summary>
    private static readonly TimeSpan _mergeWindow = TimeSpan.FromSeconds(2);

    private const int MaxDiagnostics = 20;

    private readonly List<ProcessDraft> _drafts = [];
    private readonly Dictionary<string, int> _byGuid = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<int>> _byPid = [];
    private readonly List<string> _diagnostics = [];
    private readonly DateTime? _from;
    private int _unmatchedEnds;
    private int _endsDiagnosticAt;

    private ProcessGraphAssembler(DateTime? from)
    {
        _from = from;
    }

    /// <summary>
    /// Starts assembling <paramref name="events"/> (any order): processes made, merged, ended and linked to their parents.
    /// <see cref="ParentLookups"/> then says which parents to look for before the window, <see cref="Build"/> makes the graph.
    /// </summary>
    public static ProcessGraphAssembler Link(DateTime? from, IReadOnlyList<StoredProcessEvent> events, IReadOnlyList<string> notes)
    {
        var assembler = new ProcessGraphAssembler(from);
        assembler._diagnostics.AddRange(notes);
        var ordered = events.ToList();
        ordered.Sort(CompareEvents);
        assembler.AddSysmonStarts(ordered);
        assembler.AddSecurityStarts(ordered);
        assembler.IndexByPid();
        assembler.AddEnds(ordered);
        assembler.LinkParents();
        return assembler;
    }

    /// <summary>Time, then place in the evidence: a total order, so the graph never depends on the order the store returned rows in.</summary>
    private static int CompareEvents(StoredProcessEvent a, StoredProcessEvent b)
    {
        var c = a.Timestamp.CompareTo(b.Timestamp);
        if (c == 0)
            c = string.CompareOrdinal(a.FileSha256, b.FileSha256);
        if (c == 0)
            c = (a.RecordId ?? long.MaxValue).CompareTo(b.RecordId ?? long.MaxValue);
        if (c == 0)
            c = (a.Offset ?? long.MaxValue).CompareTo(b.Offset ?? long.MaxValue);
        if (c == 0)
            c = (a.Line ?? long.MaxValue).CompareTo(b.Line ?? long.MaxValue);
        return c == 0 ? a.EventId.CompareTo(b.EventId) : c;
    }

    private static ProcessEvidence Evidence(StoredProcessEvent e) =>
        new(e.EventId, e.Timestamp, e.RecordId, e.FileSha256, e.File, e.Offset, e.Line);

    private void AddSysmonStarts(List<StoredProcessEvent> events)
    {
        foreach (var e in events.Where(e => e.EventId == 1))
        {
            // The same GUID twice is one process read from two copies of the log (an EVTX and its JSON export).
            if (e.ProcessGuid is { } guid && _byGuid.TryGetValue(guid, out var known))
            {
                _drafts[known].Evidence.Add(Evidence(e));
                _drafts[known].InWindow |= InWindow(e);
                continue;
            }

            var draft = new ProcessDraft
            {
                Pid = e.ProcessId,
                Guid = e.ProcessGuid,
                Image = e.Image ?? string.Empty,
                CommandLine = e.CommandLine,
                CommandLineClipped = e.CommandLineClipped,
                User = e.User,
                Integrity = IntegrityLevels.Name(e.Integrity),
                Start = e.ProcessTime ?? e.Timestamp,
                FromSysmon = true,
                InWindow = InWindow(e),
                ParentGuid = e.ParentProcessGuid,
                ParentPid = e.ParentProcessId,
                ParentImage = e.ParentImage,
                ParentCommandLine = e.ParentCommandLine,
                ParentUser = e.ParentUser,
            };
            draft.Evidence.Add(Evidence(e));
            if (draft.Guid is not null)
                _byGuid[draft.Guid] = _drafts.Count;
            _drafts.Add(draft);
        }
    }

    private void AddSecurityStarts(List<StoredProcessEvent> events)
    {
        // Per pid, the Sysmon starts by start time, so a twin is searched only among those within the merge window.
        var sysmonByPid = new Dictionary<long, List<(DateTime Start, int Draft)>>();
        for (var i = 0; i < _drafts.Count; i++)
        {
            if (_drafts[i].Pid is not { } pid)
                continue;
            if (!sysmonByPid.TryGetValue(pid, out var starts))
                sysmonByPid[pid] = starts = [];
            starts.Add((_drafts[i].Start!.Value, i));
        }

        foreach (var starts in sysmonByPid.Values)
            starts.Sort();

        var seen = new SecurityCopies();
        foreach (var e in events.Where(e => e.EventId == 4688))
        {
            var image = e.Image ?? string.Empty;
            if (seen.Find(e.ProcessId, image, e.Timestamp) is { } copy)
            {
                _drafts[copy].Evidence.Add(Evidence(e));
                _drafts[copy].InWindow |= InWindow(e);
                continue;
            }

            var twin = e.ProcessId is { } pid && sysmonByPid.TryGetValue(pid, out var candidates) ? SysmonTwin(candidates, e) : -1;
            if (twin >= 0)
            {
                var merged = _drafts[twin];
                merged.FromSecurity = true;
                merged.InWindow |= InWindow(e);
                merged.Evidence.Add(Evidence(e));
                if (e.Timestamp < merged.Start)
                    merged.Start = e.Timestamp;
                merged.CommandLine ??= e.CommandLine;
                merged.User ??= e.User;
                merged.Integrity ??= IntegrityLevels.Name(e.Integrity);
                merged.ParentPid ??= e.ParentProcessId;
                merged.ParentImage ??= e.ParentImage;
                seen.Add(e.ProcessId, image, e.Timestamp, twin);
                continue;
            }

            var draft = new ProcessDraft
            {
                Pid = e.ProcessId,
                Image = e.Image ?? string.Empty,
                CommandLine = e.CommandLine,
                CommandLineClipped = e.CommandLineClipped,
                User = e.User,
                Integrity = IntegrityLevels.Name(e.Integrity),
                Start = e.Timestamp,
                FromSecurity = true,
                InWindow = InWindow(e),
                ParentPid = e.ParentProcessId,
                ParentImage = e.ParentImage,
            };
            draft.Evidence.Add(Evidence(e));
            seen.Add(e.ProcessId, image, e.Timestamp, _drafts.Count);
            _drafts.Add(draft);
        }
    }

    /// <summary>
    /// The Sysmon start of the same process as a 4688: same id and image, started within the merge window, not yet merged;
    /// the nearest in time, the earliest added of equally near ones. <paramref name="candidates"/> are ordered by start.
    /// </summary>
    private int SysmonTwin(List<(DateTime Start, int Draft)> candidates, StoredProcessEvent e)
    {
        int lo = 0, hi = candidates.Count;
        var earliest = e.Timestamp.Ticks > _mergeWindow.Ticks ? e.Timestamp - _mergeWindow : DateTime.MinValue;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (candidates[mid].Start < earliest)
                lo = mid + 1;
            else
                hi = mid;
        }

        var best = -1;
        var bestDistance = TimeSpan.MaxValue;
        for (var k = lo; k < candidates.Count && candidates[k].Start - e.Timestamp <= _mergeWindow; k++)
        {
            var (start, i) = candidates[k];
            var d = _drafts[i];
            if (d.FromSecurity || !ImagePaths.Same(d.Image, e.Image))
                continue;
            var distance = (start - e.Timestamp).Duration();
            if (distance < bestDistance || (distance == bestDistance && i < best))
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }

    private void IndexByPid()
    {
        for (var i = 0; i < _drafts.Count; i++)
        {
            if (_drafts[i].Pid is { } pid)
                Bucket(_byPid, pid).Add(i);
        }

        foreach (var list in _byPid.Values)
            list.Sort((a, b) => _drafts[a].Start!.Value.CompareTo(_drafts[b].Start!.Value) is var c and not 0 ? c : a.CompareTo(b));
    }

    private void AddEnds(List<StoredProcessEvent> events)
    {
        var unmatched = 0;
        foreach (var e in events.Where(e => e.EventId is 5 or 4689))
        {
            var at = e.ProcessTime ?? e.Timestamp;
            int target;
            if (e.EventId == 5)
            {
                target = e.ProcessGuid is { } guid && _byGuid.TryGetValue(guid, out var byGuid) ? byGuid : -1;
            }
            else
            {
                // An exit belongs to the latest process of that id started by then, if that one has not already exited.
                target = e.ProcessId is { } pid ? LatestStarted(pid, at, inclusive: true) : -1;
                if (target >= 0 && (!ImagePaths.Same(_drafts[target].Image, e.Image)
                    || _drafts[target].End is { } ended && (ended - at).Duration() > _mergeWindow))
                {
                    target = -1;
                }
            }

            if (target < 0)
            {
                unmatched++;
                continue;
            }

            var draft = _drafts[target];
            draft.Evidence.Add(Evidence(e));
            draft.Ends++;
            if (draft.End is null || at < draft.End)
                draft.End = at;
        }

        // Said once the graph is known: an exit of a process left out of it matches nothing shown either.
        _unmatchedEnds = unmatched;
        _endsDiagnosticAt = _diagnostics.Count;
    }

    private bool InWindow(StoredProcessEvent e) => _from is not { } from || e.Timestamp >= from;

    /// <summary>The latest process with this id started before <paramref name="time"/> (or at it, when inclusive); -1 when none.</summary>
    private int LatestStarted(long pid, DateTime time, bool inclusive)
    {
        if (!_byPid.TryGetValue(pid, out var list))
            return -1;
        int lo = 0, hi = list.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var start = _drafts[list[mid]].Start!.Value;
            if (start < time || (inclusive && start == time))
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found < 0 ? -1 : list[found];
    }

    private void LinkParents()
    {
        var inferred = new Dictionary<string, int>(StringComparer.Ordinal);
        var real = _drafts.Count;

        // Children that name a parent GUID first, so an inferred parent known by GUID also collects the 4688-only children that name it by id.
        var order = Enumerable.Range(0, real).OrderBy(i => _drafts[i].ParentGuid is null ? 1 : 0).ThenBy(i => i);
        foreach (var i in order)
        {
            var d = _drafts[i];
            if (d.ParentGuid is { } parentGuid)
            {
                if (_byGuid.TryGetValue(parentGuid, out var parent))
                {
                    Link(i, parent, ProcessParentLink.Guid);
                    continue;
                }

                d.LookupGuid = true;
            }

            if (d.ParentPid is { } ppid)
            {
                var candidate = LatestStarted(ppid, d.Start!.Value, inclusive: false);
                if (candidate >= 0 && candidate != i)
                {
                    var c = _drafts[candidate];
                    var running = c.End is not { } end || end >= d.Start;
                    var sameGuid = d.ParentGuid is null || c.Guid is null || string.Equals(c.Guid, d.ParentGuid, StringComparison.Ordinal);
                    if (running && sameGuid && ImagePaths.Same(d.ParentImage, c.Image))
                    {
                        Link(i, candidate, ProcessParentLink.ProcessId);
                        continue;
                    }
                }
                else
                {
                    d.LookupPid = true;
                }
            }

            if (d.ParentGuid is null && d.ParentPid is null && string.IsNullOrEmpty(d.ParentImage))
                continue;
            Link(i, InferredParent(d, inferred), ProcessParentLink.Inferred);
        }
    }

    private int InferredParent(ProcessDraft child, Dictionary<string, int> inferred)
    {
        var byId = string.Create(CultureInfo.InvariantCulture, $"p:{child.ParentPid}:{(child.ParentImage ?? string.Empty).ToUpperInvariant()}");
        var key = child.ParentGuid is { } guid ? "g:" + guid : byId;
        if (!inferred.TryGetValue(key, out var index) && !(child.ParentGuid is not null && child.ParentPid is not null && inferred.TryGetValue(byId, out index)))
        {
            index = _drafts.Count;
            _drafts.Add(new ProcessDraft { Inferred = true, Pid = child.ParentPid, Guid = child.ParentGuid, Image = child.ParentImage ?? string.Empty });
            inferred[key] = index;
            if (child.ParentPid is not null)
                inferred.TryAdd(byId, index);
        }

        var parent = _drafts[index];
        parent.Pid ??= child.ParentPid;
        parent.Guid ??= child.ParentGuid;
        if (parent.Image.Length == 0)
            parent.Image = child.ParentImage ?? string.Empty;
        parent.CommandLine ??= child.ParentCommandLine;
        parent.User ??= child.ParentUser;
        return index;
    }

    private void Link(int child, int parent, ProcessParentLink how)
    {
        _drafts[child].Parent = parent;
        _drafts[child].Link = how;
    }

    /// <summary>
    /// Walks up from every node once; a walk that meets its own path has found a cycle (a process naming itself or a
    /// descendant as parent), which is cut at its earliest-started member.
    /// </summary>
    private void CutCycles()
    {
        var walk = new int[_drafts.Count];
        var done = new bool[_drafts.Count];
        var path = new List<int>();
        var cycles = 0;
        for (var i = 0; i < _drafts.Count; i++)
        {
            if (done[i])
                continue;
            path.Clear();
            var current = i;
            while (current >= 0 && !done[current] && walk[current] != i + 1)
            {
                walk[current] = i + 1;
                path.Add(current);
                current = _drafts[current].Parent;
            }

            if (current >= 0 && !done[current] && walk[current] == i + 1)
            {
                var cycle = path.GetRange(path.IndexOf(current), path.Count - path.IndexOf(current));
                var cut = cycle.OrderBy(n => _drafts[n].Start ?? DateTime.MinValue).ThenBy(n => n).First();
                var d = _drafts[cut];
                d.Parent = -1;
                d.Link = ProcessParentLink.CycleCut;
                if (++cycles <= MaxDiagnostics)
                {
                    _diagnostics.Add(string.Create(CultureInfo.InvariantCulture,
                        $"parent links form a cycle of {cycle.Count} process(es); cut above {SafeText.Clip(ImagePaths.FileName(d.Image), 80)} (pid {d.Pid?.ToString(CultureInfo.InvariantCulture) ?? "?"})"));
                }
            }

            foreach (var n in path)
                done[n] = true;
        }

        if (cycles > MaxDiagnostics)
            _diagnostics.Add(string.Create(CultureInfo.InvariantCulture, $"{cycles - MaxDiagnostics} more cycle(s) cut"));
    }

    /// <summary>Parents worth looking for before the window: one lookup per parent GUID or id and time bound.</summary>
    public List<ProcessLookup> ParentLookups(DateTime from)
    {
        var lookups = new HashSet<ProcessLookup>();
        foreach (var d in _drafts)
        {
            if (d.Inferred || d.Start is not { } start)
                continue;
            var before = start < from ? start : from;
            if (d.LookupGuid && d.ParentGuid is not null)
                lookups.Add(new ProcessLookup(null, d.ParentGuid, before));
            if (d.LookupPid && d.ParentPid is { } ppid)
                lookups.Add(new ProcessLookup(ppid, null, before));
        }

        return [.. lookups];
    }

    /// <summary>
    /// The processes of the graph: those started in the window and their ancestors. A process read from before the window
    /// as a candidate parent that turned out to be nobody's (the pid's later holder, say) stays out.
    /// </summary>
    private bool[] Kept()
    {
        var keep = new bool[_drafts.Count];
        for (var i = 0; i < _drafts.Count; i++)
        {
            if (!_drafts[i].InWindow)
                continue;
            for (var j = i; j >= 0 && !keep[j]; j = _drafts[j].Parent)
                keep[j] = true;
        }

        return keep;
    }

    /// <summary>Cuts cycles and makes the graph; call once, last.</summary>
    public ProcessGraph Build(string tenant, string host, DateTime? from, DateTime? to)
    {
        CutCycles();
        var keep = Kept();
        var unmatched = _unmatchedEnds;
        for (var i = 0; i < _drafts.Count; i++)
        {
            if (!keep[i])
                unmatched += _drafts[i].Ends;
        }

        if (unmatched > 0)
        {
            _diagnostics.Insert(_endsDiagnosticAt, string.Create(CultureInfo.InvariantCulture,
                $"{unmatched} process exit(s) match no start in the window (the process started before it, or its start was not logged)"));
        }

        // Ids follow start time (inferred processes, which have none, first), so output is stable and reads chronologically.
        var order = Enumerable.Range(0, _drafts.Count).Where(i => keep[i])
            .OrderBy(i => _drafts[i].Start ?? DateTime.MinValue).ThenBy(i => _drafts[i].Pid ?? -1).ThenBy(i => i).ToArray();
        var idOf = new int[_drafts.Count];
        for (var id = 0; id < order.Length; id++)
            idOf[order[id]] = id;

        var nodes = new ProcessNode[order.Length];
        var children = new List<ProcessNode>[order.Length];
        for (var id = 0; id < order.Length; id++)
        {
            var d = _drafts[order[id]];
            nodes[id] = new ProcessNode
            {
                Id = id,
                Pid = d.Pid,
                Guid = d.Guid,
                Image = d.Image,
                CommandLine = d.CommandLine,
                CommandLineClipped = d.CommandLineClipped,
                User = d.User,
                Integrity = d.Integrity,
                Start = d.Start,
                End = d.End,
                ParentId = d.Parent >= 0 ? idOf[d.Parent] : null,
                ParentLink = d.Link,
                Source = d.Source,
                Evidence = d.Evidence.Count == 1 ? [d.Evidence[0]] : ByTime(d.Evidence),
            };
            children[id] = [];
        }

        // Children in id order are in start order.
        foreach (var node in nodes)
        {
            if (node.ParentId is { } parent)
                children[parent].Add(node);
        }

        return new ProcessGraph(tenant, host, from, to, nodes, [.. children.Select(c => (IReadOnlyList<ProcessNode>)c)], [.. _diagnostics]);
    }

    /// <summary>Evidence in time order, equal times in the order they were added (a stable sort).</summary>
    private static ProcessEvidence[] ByTime(List<ProcessEvidence> evidence)
    {
        // A node has a few events (start, twin, end, copies); insertion sort is stable and allocates nothing more for them.
        if (evidence.Count > 16)
            return [.. evidence.OrderBy(e => e.Timestamp)];
        var sorted = evidence.ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            var item = sorted[i];
            var j = i - 1;
            for (; j >= 0 && sorted[j].Timestamp > item.Timestamp; j--)
                sorted[j + 1] = sorted[j];
            sorted[j + 1] = item;
        }

        return sorted;
    }

    private static List<int> Bucket(Dictionary<long, List<int>> index, long key)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        return list;
    }
}
