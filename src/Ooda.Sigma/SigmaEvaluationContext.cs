using Ooda.Core;
using Ooda.Sigma.Internal;

namespace Ooda.Sigma;

/// <summary>
/// Per-thread scratch for evaluating one event against a rule set: each interned field's value (and its lower-case
/// form) is fetched at most once per event, whatever the number of rules reading it. Not thread-safe; make one per worker.
/// </summary>
public sealed class SigmaEvaluationContext : INeedleSink
{
    private readonly string[] _names;
    private readonly string?[] _values;
    private readonly string?[] _lower;
    private readonly int[] _stamps;
    private readonly int[] _entryStamps;
    private readonly int[] _candidates;
    private readonly int[] _outputStamps;
    private readonly int[] _scanStamps;
    private readonly NeedleIndex? _needles;
    private int _generation;
    private int _candidateCount;
    private int _allStamp;
    private readonly List<string> _allRaw = [];
    private string?[] _allLower = new string?[32];
    private EventFields _fields = new();

    internal SigmaEvaluationContext(string[] fieldNames, int entryCount, NeedleIndex? needles = null)
    {
        _names = fieldNames;
        _values = new string?[fieldNames.Length];
        _lower = new string?[fieldNames.Length];
        _stamps = new int[fieldNames.Length];
        _entryStamps = new int[entryCount];
        _needles = needles;
        _candidates = new int[needles is null ? 0 : entryCount];
        _outputStamps = new int[needles?.Outputs ?? 0];
        _scanStamps = new int[needles?.Automata.Length ?? 0];
    }

    internal EvidenceEvent Event { get; private set; } = null!;

    internal EventFields Fields => _fields;

    internal void Reset(EvidenceEvent evidence)
    {
        Event = evidence;
        _fields = evidence.Fields;
        _candidateCount = 0;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamps);
            Array.Clear(_entryStamps);
            Array.Clear(_outputStamps);
            Array.Clear(_scanStamps);
            _allStamp = 0;
            _generation = 1;
        }
    }

    /// <summary>True the first time an index entry is met for the current event.</summary>
    internal bool FirstVisit(int entry)
    {
        if (_entryStamps[entry] == _generation)
            return false;
        _entryStamps[entry] = _generation;
        return true;
    }

    /// <summary>
    /// Adds a list's targets without needles to the current event's candidates, and scans each of its automata over
    /// its field (once per event), which adds the targets their needles vouch for.
    /// </summary>
    internal void Gather(CandidateList list)
    {
        if (list.ByEventId is { } byEventId && EventIdValue() is { } eventId && byEventId.TryGetValue(eventId, out var pinned))
            Gather(pinned);
        foreach (var entry in list.Unfiltered)
            AddCandidate(entry);
        foreach (var id in list.Automata)
        {
            if (_scanStamps[id] == _generation)
                continue;
            _scanStamps[id] = _generation;
            Scan(_needles!.Automata[id]);
        }
    }

    /// <summary>The event's <c>EventID</c> field in lower case, as the rules' equality tests read it.</summary>
    private string? EventIdValue()
    {
        var slot = _needles!.EventIdSlot;
        return Value(slot) is { } raw ? _lower[slot] ??= raw.ToLowerInvariant() : null;
    }

    /// <summary>The targets gathered for the current event, each once.</summary>
    internal Span<int> Candidates() => _candidates.AsSpan(0, _candidateCount);

    private void AddCandidate(int entry)
    {
        if (_entryStamps[entry] == _generation)
            return;
        _entryStamps[entry] = _generation;
        _candidates[_candidateCount++] = entry;
    }

    /// <summary>Marks the rule targets of a needle occurrence (once per event).</summary>
    void INeedleSink.Vouch(NeedleOutput output)
    {
        if (_outputStamps[output.Id] == _generation)
            return;
        _outputStamps[output.Id] = _generation;
        foreach (var entry in output.Entries)
            AddCandidate(entry);
    }

    private void Scan(NeedleAutomaton automaton)
    {
        if (automaton.Slot != Needle.KeywordSlot)
        {
            if (Value(automaton.Slot) is { } value)
                automaton.Scan(value, this);
            return;
        }

        foreach (var value in AllValues())
            automaton.Scan(value, this);
    }

    internal string? Value(int slot)
    {
        if (_stamps[slot] != _generation)
        {
            _stamps[slot] = _generation;
            _values[slot] = _fields.Get(_names[slot]);
            _lower[slot] = null;
        }

        return _values[slot];
    }

    /// <summary>Every field value of the event, for keyword searches; lower-case forms are cached in <see cref="AllLowerRef"/>.</summary>
    internal List<string> AllValues()
    {
        if (_allStamp != _generation)
        {
            _allStamp = _generation;
            _allRaw.Clear();
            foreach (var (_, value) in _fields)
                _allRaw.Add(value);
            if (_allLower.Length < _allRaw.Count)
                _allLower = new string?[Math.Max(_allRaw.Count, _allLower.Length * 2)];
            Array.Clear(_allLower, 0, _allRaw.Count);
        }

        return _allRaw;
    }

    internal ref string? AllLowerRef(int index) => ref _allLower[index];

    /// <summary>The cached lower-case form of a slot's value; call <see cref="Value"/> first.</summary>
    internal ref string? LowerRef(int slot) => ref _lower[slot];
}
