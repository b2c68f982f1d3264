namespace Ooda.Engine.Triage.Internal;

/// <summary>
/// Shares the values a fleet repeats (tenant, OS, roles, build, response mode) across rows, so 100,000 hosts hold a few
/// hundred strings, not a million. Bounded: past <see cref="MaxEntries"/> distinct values new ones are kept as they are.
/// </summary>
internal sealed class InventoryPool
{
    public const int MaxEntries = 50_000;

    private static readonly char[] _roleSeparators = [';', '|', ' ', ','];

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stringsBySpan;
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _rolesBySpan;

    public InventoryPool()
    {
        _stringsBySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        _rolesBySpan = _roles.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The shared string for a value read from a row; null when empty. Allocates only for a value not seen before.</summary>
    public string? Share(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
            return null;
        if (_stringsBySpan.TryGetValue(value, out var shared))
            return shared;
        var text = value.ToString();
        if (_strings.Count < MaxEntries)
            _strings.Add(text, text);
        return text;
    }

    /// <summary>Roles from a value read from a row; see <see cref="Roles(string?)"/>.</summary>
    public IReadOnlyList<string> Roles(ReadOnlySpan<char> text) =>
        text.IsEmpty ? [] : _rolesBySpan.TryGetValue(text, out var roles) ? roles : Roles(text.ToString());

    public string? Share(string? value)
    {
        if (value is null)
            return null;
        if (_strings.TryGetValue(value, out var shared))
            return shared;
        if (_strings.Count < MaxEntries)
            _strings.Add(value, value);
        return value;
    }

    /// <summary>Roles split on <c>;</c>, <c>|</c>, <c>,</c> or spaces, lower case, each once.</summary>
    public IReadOnlyList<string> Roles(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        if (_roles.TryGetValue(text, out var roles))
            return roles;
        var list = new List<string>();
        foreach (var part in text.Split(_roleSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var role = part.ToLowerInvariant();
            if (!list.Contains(role))
                list.Add(Share(role)!);
        }

        roles = [.. list];
        if (_roles.Count < MaxEntries)
            _roles.Add(text, roles);
        return roles;
    }
}
