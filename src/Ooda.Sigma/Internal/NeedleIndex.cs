namespace Ooda.Sigma.Internal;

/// <summary>
/// The literal-needle prefilter of a rule set: for each rule target the automata (one per field, one for keyword
/// searches) whose scan can vouch for it, built once from every target's <see cref="NeedleDerivation"/>. Per event each
/// automaton scans its field at most once, and a target is evaluated only once one of its needles was found.
/// </summary>
internal sealed class NeedleIndex
{
    private static readonly int[] _never = [];

    private readonly int[]?[] _automataOf;
    private readonly string[]?[] _eventIdsOf;

    /// <param name="eventIdSlot">The slot of the <c>EventID</c> field, or <see cref="NeedleDerivation.NoSlot"/>.</param>
    public NeedleIndex(IReadOnlyList<CompiledTarget> entries, int eventIdSlot)
    {
        EventIdSlot = eventIdSlot;
        _automataOf = new int[]?[entries.Count];
        _eventIdsOf = new string[]?[entries.Count];
        var bySlot = new Dictionary<int, Dictionary<string, Dictionary<NeedleAnchor, List<int>>>>();
        for (var entry = 0; entry < entries.Count; entry++)
        {
            // A target pinned to event ids is found by one lookup of the event's id; its needles come from the rest.
            var ids = eventIdSlot == NeedleDerivation.NoSlot ? null : NeedleDerivation.EqualValues(entries[entry], eventIdSlot);
            if (ids is { Length: 0 })
            {
                _automataOf[entry] = _never;
                continue;
            }

            _eventIdsOf[entry] = ids;
            if (NeedleDerivation.Of(entries[entry], ids is null ? NeedleDerivation.NoSlot : eventIdSlot) is not { } needles)
            {
                Unfiltered++;
                continue;
            }

            var slots = new SortedSet<int>();
            foreach (var needle in needles)
            {
                if (!bySlot.TryGetValue(needle.Slot, out var texts))
                    bySlot[needle.Slot] = texts = new Dictionary<string, Dictionary<NeedleAnchor, List<int>>>(StringComparer.Ordinal);
                if (!texts.TryGetValue(needle.Text, out var anchors))
                    texts[needle.Text] = anchors = [];
                if (!anchors.TryGetValue(needle.Anchor, out var list))
                    anchors[needle.Anchor] = list = [];
                if (list.Count == 0 || list[^1] != entry)
                    list.Add(entry);
                slots.Add(needle.Slot);
            }

            // An empty set: the target can never match, so no scan is needed to skip it.
            _automataOf[entry] = needles.Length == 0 ? _never : [.. slots];
        }

        var bySlotPatterns = new List<(int Slot, List<(string, NeedleOutput[])> Patterns)>();
        var automatonOfSlot = new Dictionary<int, int>();
        var outputs = 0;
        foreach (var (slot, texts) in bySlot.OrderBy(p => p.Key))
        {
            var patterns = new List<(string, NeedleOutput[])>(texts.Count);
            foreach (var (text, anchors) in texts.OrderBy(p => p.Key, StringComparer.Ordinal))
                patterns.Add((text, [.. anchors.OrderBy(a => a.Key).Select(a => new NeedleOutput(a.Key, outputs++, [.. a.Value]))]));
            automatonOfSlot[slot] = bySlotPatterns.Count;
            bySlotPatterns.Add((slot, patterns));
            Needles += patterns.Count;
        }

        // The automata are independent: build them on every core (a share of the rule set's load time).
        var automata = bySlotPatterns.AsParallel().AsOrdered().Select(p => new NeedleAutomaton(p.Slot, p.Patterns)).ToList();

        for (var entry = 0; entry < _automataOf.Length; entry++)
        {
            if (_automataOf[entry] is { Length: > 0 } slots)
                _automataOf[entry] = [.. slots.Select(s => automatonOfSlot[s])];
        }

        Automata = [.. automata];
        Outputs = outputs;
    }

    public NeedleAutomaton[] Automata { get; }

    /// <summary>The slot of the <c>EventID</c> field, or <see cref="NeedleDerivation.NoSlot"/> when no rule reads it.</summary>
    public int EventIdSlot { get; }

    /// <summary>The lower-cased <c>EventID</c> values a target requires, or null when it does not pin the field down.</summary>
    public string[]? EventIdsOf(int entry) => _eventIdsOf[entry];

    /// <summary>How many distinct (rule target, needle placement) outputs the automata report.</summary>
    public int Outputs { get; }

    /// <summary>Distinct needles over all automata.</summary>
    public int Needles { get; }

    /// <summary>Rule targets without a derivable needle: always evaluated.</summary>
    public int Unfiltered { get; }

    /// <summary>The automata that can vouch for a target; null when it is always evaluated, empty when it never matches.</summary>
    public int[]? AutomataOf(int entry) => _automataOf[entry];
}
