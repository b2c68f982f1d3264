using System.Runtime.InteropServices;
using Ooda.Store;

namespace Ooda.Investigation.ProcessTrees.Internal;

/// <summary>
/// A host's process history before a window, by GUID and by process id, held in memory so that all generations of
/// ancestors are walked without another query: per lookup by GUID the latest Sysmon 1 of it, per lookup by id the latest
/// Sysmon 1, 4688 and 4689 of it (the exit says whether that process still ran), each before the lookup's time; then the
/// same for the parents those starts name. The walk only gathers candidate rows: the assembler applies the real rules.
/// </summary>
internal sealed class AncestorIndex
{
    private static readonly int[] _byIdEvents = [1, 4688, 4689];

    // Buckets hold positions in _entries, not entries: most GUIDs and many ids have one event, which needs no list at all.
    private readonly IReadOnlyList<ProcessIndexEntry> _entries;
    private readonly Dictionary<string, Bucket> _byGuid;
    private readonly Dictionary<(long, int), Bucket> _byId;

    /// <param name="entries">The history, in any order; ties in time are broken by row.</param>
    public AncestorIndex(IReadOnlyList<ProcessIndexEntry> entries)
    {
        _entries = entries;
        _byGuid = new Dictionary<string, Bucket>(entries.Count / 2, StringComparer.Ordinal);
        _byId = new Dictionary<(long, int), Bucket>(entries.Count / 2);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.EventId == 1 && e.ProcessGuid is { } guid)
                CollectionsMarshal.GetValueRefOrAddDefault(_byGuid, guid, out _).Add(i);
            if (e.ProcessId is { } pid)
                CollectionsMarshal.GetValueRefOrAddDefault(_byId, (pid, e.EventId), out _).Add(i);
        }

        Comparison<int> byTime = (a, b) => entries[a].Timestamp.CompareTo(entries[b].Timestamp) is var c and not 0 ? c : entries[a].Row.CompareTo(entries[b].Row);
        foreach (var bucket in _byGuid.Values)
            bucket.Many?.Sort(byTime);
        foreach (var bucket in _byId.Values)
            bucket.Many?.Sort(byTime);
    }

    /// <summary>The rows answering <paramref name="lookups"/> and, up to <paramref name="generations"/> deep, their parents' lookups.</summary>
    public HashSet<long> Walk(IEnumerable<ProcessLookup> lookups, int generations)
    {
        var rows = new HashSet<long>();
        var seen = new HashSet<ProcessLookup>();
        var current = lookups.Where(seen.Add).ToList();
        for (var generation = 0; generation < generations && current.Count > 0; generation++)
        {
            var next = new List<ProcessLookup>();
            foreach (var lookup in current)
            {
                foreach (var entry in Entries(lookup))
                {
                    if (!rows.Add(entry.Row) || entry.EventId == 4689)
                        continue;
                    if (entry.ParentProcessGuid is { } parentGuid && seen.Add(new ProcessLookup(null, parentGuid, entry.Timestamp)))
                        next.Add(new ProcessLookup(null, parentGuid, entry.Timestamp));
                    if (entry.ParentProcessId is { } parentPid && seen.Add(new ProcessLookup(parentPid, null, entry.Timestamp)))
                        next.Add(new ProcessLookup(parentPid, null, entry.Timestamp));
                }
            }

            current = next;
        }

        return rows;
    }

    /// <summary>The entries that answer <paramref name="lookup"/>.</summary>
    private IEnumerable<ProcessIndexEntry> Entries(ProcessLookup lookup)
    {
        if (lookup.ProcessGuid is { } guid)
        {
            if (_byGuid.TryGetValue(guid, out var starts) && Latest(starts, lookup.Before) is { } start)
                yield return _entries[start];
            yield break;
        }

        if (lookup.ProcessId is not { } pid)
            yield break;
        foreach (var eventId in _byIdEvents)
        {
            if (_byId.TryGetValue((pid, eventId), out var bucket) && Latest(bucket, lookup.Before) is { } found)
                yield return _entries[found];
        }
    }

    /// <summary>The position of the bucket's last entry strictly before <paramref name="before"/>.</summary>
    private int? Latest(Bucket bucket, DateTime before)
    {
        if (bucket.Many is not { } list)
            return _entries[bucket.Single].Timestamp < before ? bucket.Single : null;

        int lo = 0, hi = list.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_entries[list[mid]].Timestamp < before)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found < 0 ? null : list[found];
    }

    /// <summary>The positions of one key's entries: the first inline, a list once there is a second.</summary>
    private struct Bucket
    {
        private int _count;

        public int Single { get; private set; }

        public List<int>? Many { get; private set; }

        public void Add(int position)
        {
            if (_count++ == 0)
                Single = position;
            else
                (Many ??= [Single]).Add(position);
        }
    }
}
