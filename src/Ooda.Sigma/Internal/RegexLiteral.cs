using System.Text;
using System.Text.RegularExpressions;

namespace Ooda.Sigma.Internal;

/// <summary>
/// Literals every match of a regular expression contains, read off the pattern's top-level sequence: a value without
/// one of them cannot match, so the regex need not be built or run on it. Conservative: any construct it does not fully
/// understand (alternation at the top, inline options past a leading <c>(?i)</c>, lookarounds, backreferences, most
/// escapes) gives no literal, and the regex always runs.
/// </summary>
internal static class RegexLiteral
{
    private const int MaxLiterals = 4;

    /// <summary>The required literals (longest first, at most four), or null when none can be proven.</summary>
    /// <param name="ignoreCase">Whether the literals are matched ignoring (ASCII) case; they then hold only ASCII chars.</param>
    public static string[]? Required(string pattern, RegexOptions options, out bool ignoreCase)
    {
        ignoreCase = (options & RegexOptions.IgnoreCase) != 0;
        if ((options & (RegexOptions.IgnorePatternWhitespace | RegexOptions.RightToLeft | RegexOptions.ECMAScript)) != 0)
            return null;
        var i = 0;
        if (pattern.StartsWith("(?i)", StringComparison.Ordinal))
        {
            ignoreCase = true;
            i = 4;
        }

        var runs = new List<string>();
        var run = new StringBuilder();
        while (i < pattern.Length)
        {
            var c = pattern[i];
            char? literal = null;
            int next;
            switch (c)
            {
                case '|':
                    // An alternation at the top: no single literal is required.
                    return null;
                case '(':
                    if (i + 1 < pattern.Length && pattern[i + 1] == '?' && !(i + 2 < pattern.Length && pattern[i + 2] == ':'))
                        return null;
                    next = SkipGroup(pattern, i);
                    break;
                case '[':
                    next = SkipClass(pattern, i);
                    break;
                case '\\':
                    if (i + 1 >= pattern.Length)
                        return null;
                    var e = pattern[i + 1];
                    if (e is 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'b' or 'B' or 'A' or 'z' or 'Z' or 'G')
                        literal = null;
                    else if (!char.IsAsciiLetterOrDigit(e) && e != '_' && e < 128)
                        literal = e;
                    else
                        return null;
                    next = i + 2;
                    break;
                case '.' or '^' or '$':
                    next = i + 1;
                    break;
                case ')' or '*' or '+' or '?':
                    // Not after an atom (quantifiers are read with their atom): not a pattern this reads.
                    return null;
                case '{':
                    return null;
                default:
                    literal = c;
                    next = i + 1;
                    break;
            }

            if (next < 0)
                return null;
            var quantifier = Quantifier(pattern, next, out var minimum);
            if (quantifier < 0)
                return null;
            if (literal is { } l && (!ignoreCase || char.IsAscii(l)))
            {
                if (minimum > 0)
                    run.Append(l);
                if (quantifier > next)
                    Flush(run, runs);
            }
            else
            {
                Flush(run, runs);
            }

            i = quantifier;
        }

        Flush(run, runs);
        return runs.Count == 0 ? null : [.. runs.OrderByDescending(r => r.Length).Take(MaxLiterals)];
    }

    /// <summary>Whether <paramref name="value"/> can match: it contains every literal (ASCII case folded when asked, only over ASCII values).</summary>
    public static bool MayMatch(string value, string[] literals, bool ignoreCase)
    {
        // Regex case equivalence reaches past ASCII (U+212A KELVIN SIGN is 'k'): only an ASCII value is ruled out.
        if (ignoreCase && !Ascii.IsValid(value))
            return true;
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var literal in literals)
        {
            if (!value.Contains(literal, comparison))
                return false;
        }

        return true;
    }

    private static void Flush(StringBuilder run, List<string> runs)
    {
        if (run.Length > 0)
            runs.Add(run.ToString());
        run.Clear();
    }

    /// <summary>The index past a quantifier at <paramref name="at"/> (itself when none), -1 for one this does not read.</summary>
    private static int Quantifier(string pattern, int at, out int minimum)
    {
        minimum = 1;
        if (at >= pattern.Length)
            return at;
        int end;
        switch (pattern[at])
        {
            case '*' or '?':
                minimum = 0;
                end = at + 1;
                break;
            case '+':
                end = at + 1;
                break;
            case '{':
                var close = pattern.IndexOf('}', at);
                if (close < 0)
                    return -1;
                var body = pattern.AsSpan(at + 1, close - at - 1);
                var comma = body.IndexOf(',');
                var low = comma < 0 ? body : body[..comma];
                if (low.Length == 0 || !int.TryParse(low, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out minimum))
                    return -1;
                if (comma >= 0 && body[(comma + 1)..] is { Length: > 0 } high && !int.TryParse(high, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                    return -1;
                end = close + 1;
                break;
            default:
                return at;
        }

        // A lazy quantifier's '?'.
        if (end < pattern.Length && pattern[end] == '?')
            end++;
        return end;
    }

    /// <summary>The index past the group opening at <paramref name="at"/>, or -1 when it is not closed or holds a construct this does not read.</summary>
    private static int SkipGroup(string pattern, int at)
    {
        var depth = 0;
        for (var i = at; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = SkipClass(pattern, i) - 1;
                    if (i < 0)
                        return -1;
                    break;
                case '(':
                    // Inside a skipped group only plain and non-capturing groups: inline options would change what follows.
                    if (i + 1 < pattern.Length && pattern[i + 1] == '?' && !(i + 2 < pattern.Length && pattern[i + 2] == ':'))
                        return -1;
                    depth++;
                    break;
                case ')':
                    if (--depth == 0)
                        return i + 1;
                    break;
            }
        }

        return -1;
    }

    /// <summary>The index past the character class opening at <paramref name="at"/>, or -1 when it is not closed.</summary>
    private static int SkipClass(string pattern, int at)
    {
        var i = at + 1;
        if (i < pattern.Length && pattern[i] == '^')
            i++;
        // A ']' first in the class is a literal.
        if (i < pattern.Length && pattern[i] == ']')
            i++;
        for (; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    // Class subtraction ([a-z-[aeiou]]) or a nested '[': not read.
                    return -1;
                case ']':
                    return i + 1;
            }
        }

        return -1;
    }
}
