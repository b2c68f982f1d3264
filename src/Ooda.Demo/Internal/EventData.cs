namespace Ooda.Demo.Internal;

/// <summary>Small builder for ordered EventData.</summary>
internal sealed class EventData
{
    private readonly List<KeyValuePair<string, object>> _items = new(24);

    public EventData Add(string name, string value)
    {
        _items.Add(new(name, value));
        return this;
    }

    public EventData Add(string name, long value)
    {
        _items.Add(new(name, value));
        return this;
    }

    public IReadOnlyList<KeyValuePair<string, object>> Build() => _items;
}
