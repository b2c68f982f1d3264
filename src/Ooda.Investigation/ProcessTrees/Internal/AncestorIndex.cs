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

    private readonly Dictionary<string, List<ProcessIndexEntry>> _byGuid = new(StringComparer.Ordinal);
    private readonly Dictionary<(long, int), List<ProcessIndexEntry>> _byId = [];

    public AncestorIndex(IEnumerable<ProcessIndexEntry> entries)
    {
        foreach (var e in entries.OrderBy(e => e.Timestamp).ThenBy(e => e.Row))
        {
            if (e.EventId == 1 && e.ProcessGuid is { } guid)
                Bucket(_byGuid, guid).Add(e);
            if (e.ProcessId is { } pid)
                Bucket(_byId, (pid, e.EventId)).Add(e);
        }
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
                yield return start;
            yield break;
        }

        if (lookup.ProcessId is not { } pid)
            yield break;
        foreach (var eventId in _byIdEvents)
        {
            if (_byId.TryGetValue((pid, eventId), out var list) && Latest(list, lookup.Before) is { } found)
                yield return found;
        }
    }

    /// <summary>The last entry strictly before <paramref name="before"/> in a list ordered by time.</summary>
    private static ProcessIndexEntry? Latest(List<ProcessIndexEntry> list, DateTime before)
    {
        int lo = 0, hi = list.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (list[mid].Timestamp < before)
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

    private static List<ProcessIndexEntry> Bucket<TKey>(Dictionary<TKey, List<ProcessIndexEntry>> index, TKey key)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        return list;
    }
}
