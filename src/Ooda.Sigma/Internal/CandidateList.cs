namespace Ooda.Sigma.Internal;

/// <summary>
/// The rule targets filed under one prefilter key (a channel, provider or source kind, with or without an event id),
/// split for the needle prefilter into the targets always evaluated and the automata whose scans vouch for the rest.
/// </summary>
internal sealed class CandidateList
{
    public CandidateList(int[] entries, NeedleIndex needles)
        : this(entries, needles, dispatch: true)
    {
    }

    private CandidateList(int[] entries, NeedleIndex needles, bool dispatch)
    {
        Entries = entries;
        var unfiltered = new List<int>();
        var automata = new SortedSet<int>();
        var byEventId = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (dispatch && needles.EventIdsOf(entry) is { } ids)
            {
                foreach (var id in ids)
                {
                    if (!byEventId.TryGetValue(id, out var list))
                        byEventId[id] = list = [];
                    list.Add(entry);
                }
            }
            else if (needles.AutomataOf(entry) is not { } scanned)
            {
                unfiltered.Add(entry);
            }
            else
            {
                automata.UnionWith(scanned);
            }
        }

        Unfiltered = [.. unfiltered];
        Automata = [.. automata];
        ByEventId = byEventId.Count == 0 ? null : byEventId.ToDictionary(p => p.Key, p => new CandidateList([.. p.Value], needles, dispatch: false), StringComparer.Ordinal);
    }

    /// <summary>The targets that require an <c>EventID</c> value, by that value (lower case); null when there are none.</summary>
    public Dictionary<string, CandidateList>? ByEventId { get; }

    /// <summary>Every target filed here, in filing order.</summary>
    public int[] Entries { get; }

    /// <summary>The targets without a derivable needle (and not under <see cref="ByEventId"/>).</summary>
    public int[] Unfiltered { get; }

    /// <summary>The automata to scan for the targets with needles.</summary>
    public int[] Automata { get; }
}
