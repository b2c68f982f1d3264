using Ooda.Core;

namespace Ooda.Sigma;

/// <summary>
/// Per-thread scratch for evaluating one event against a rule set: each interned field's value (and its lower-case
/// form) is fetched at most once per event, whatever the number of rules reading it. Not thread-safe; make one per worker.
/// </summary>
public sealed class SigmaEvaluationContext
{
    private readonly string[] _names;
    private readonly string?[] _values;
    private readonly string?[] _lower;
    private readonly int[] _stamps;
    private readonly int[] _entryStamps;
    private int _generation;
    private int _allStamp;
    private readonly List<string> _allRaw = [];
    private string?[] _allLower = new string?[32];
    private EventFields _fields = new();

    internal SigmaEvaluationContext(string[] fieldNames, int entryCount)
    {
        _names = fieldNames;
        _values = new string?[fieldNames.Length];
        _lower = new string?[fieldNames.Length];
        _stamps = new int[fieldNames.Length];
        _entryStamps = new int[entryCount];
    }

    internal EvidenceEvent Event { get; private set; } = null!;

    internal EventFields Fields => _fields;

    internal void Reset(EvidenceEvent evidence)
    {
        Event = evidence;
        _fields = evidence.Fields;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamps);
            Array.Clear(_entryStamps);
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
