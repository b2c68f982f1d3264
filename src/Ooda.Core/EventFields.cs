using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Ooda.Core;

/// <summary>
/// The flat, case-insensitive field map of one event, keyed by Sigma/Sysmon field names.
/// The first value set for a name wins, so EventData fields are never shadowed by later ones.
/// </summary>
public sealed class EventFields : IReadOnlyDictionary<string, string>
{
    private readonly Dictionary<string, string> _values;

    public EventFields() => _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public EventFields(int capacity) =>
        _values = new Dictionary<string, string>(capacity, StringComparer.OrdinalIgnoreCase);

    public int Count => _values.Count;

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<string> Values => _values.Values;

    public string this[string key] => _values[key];

    /// <summary>Adds the field unless a field of that name (any case) is already present.</summary>
    /// <returns>True when the value was added.</returns>
    public bool TryAdd(string name, string value) => _values.TryAdd(name, value);

    /// <summary>Sets the field, replacing any value of that name.</summary>
    public void Set(string name, string value) => _values[name] = value;

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) =>
        _values.TryGetValue(key, out value);

    /// <summary>The value of a field, or null when the event has no such field.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
