namespace Ooda.Sigma.Internal;

/// <summary>Interns the field names a rule set reads, so an event's value for a field is looked up once per event.</summary>
internal sealed class FieldTable
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = [];

    public int Count => _names.Count;

    public string this[int slot] => _names[slot];

    public int Intern(string name)
    {
        if (_slots.TryGetValue(name, out var slot))
            return slot;
        slot = _names.Count;
        _slots.Add(name, slot);
        _names.Add(name);
        return slot;
    }

    /// <summary>The slot of a field some rule reads, or null.</summary>
    public int? Find(string name) => _slots.TryGetValue(name, out var slot) ? slot : null;

    public string[] Snapshot() => [.. _names];
}
