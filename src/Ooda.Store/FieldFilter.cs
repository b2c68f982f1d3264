namespace Ooda.Store;

/// <summary>
/// A condition on one event field: <c>name=value</c> or <c>name!=value</c>, case-insensitive,
/// with <c>*</c> as a wildcard for any run of characters.
/// </summary>
public sealed record FieldFilter(string Name, string Pattern, bool Negated = false)
{
    /// <summary>Parses <c>name=value</c> or <c>name!=value</c>.</summary>
    /// <exception cref="FormatException">The text has no <c>=</c> or an empty field name.</exception>
    public static FieldFilter Parse(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
            throw new FormatException($"field filter '{text}' must look like name=value or name!=value");
        var negated = text[eq - 1] == '!';
        var name = text[..(negated ? eq - 1 : eq)].Trim();
        if (name.Length == 0)
            throw new FormatException($"field filter '{text}' has no field name");
        return new FieldFilter(name, text[(eq + 1)..], negated);
    }

    /// <summary>True when the value (null when the event lacks the field) satisfies this filter.</summary>
    public bool Matches(string? value)
    {
        var hit = value is not null && WildcardMatch(value, Pattern);
        return hit != Negated;
    }

    /// <summary>The longest literal run of the pattern, which any matching value must contain.</summary>
    public string LongestLiteral() =>
        Pattern.Split('*').OrderByDescending(p => p.Length).First();

    private static bool WildcardMatch(ReadOnlySpan<char> value, ReadOnlySpan<char> pattern)
    {
        // Greedy match with backtracking to the last star: linear for typical patterns, no regex compilation.
        int v = 0, p = 0, starP = -1, starV = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(value[v]))
            {
                v++;
                p++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starV = v;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                v = ++starV;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }
}
