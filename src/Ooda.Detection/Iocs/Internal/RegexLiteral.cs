using System.Text;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>
/// Finds a literal that every match of a regular expression must contain, so that the substring automaton can decide
/// which regexes are worth running on a value. Conservative: whatever it does not understand ends the current run, and
/// a top-level alternation gives no literal at all. Only ASCII characters are kept, so case folding stays exact.
/// </summary>
internal static class RegexLiteral
{
    /// <summary>The longest required literal, folded with <paramref name="fold"/>, or null when there is none.</summary>
    public static string? Required(string pattern, CharFold fold)
    {
        var best = string.Empty;
        var run = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            char? literal = null;
            switch (c)
            {
                case '|':
                    return null;
                case '\\':
                    if (i + 1 >= pattern.Length)
                        return null;
                    var escaped = pattern[i + 1];
                    i += 2;
                    if (char.IsAsciiLetterOrDigit(escaped))
                    {
                        // Classes (\d, \w), anchors (\b, \A), references (\1, \k<x>), properties (\p{L}), hex (\x41): not literal.
                        // Their arguments are skipped too; skipping a literal never makes the result unsound.
                        if (escaped is 'p' or 'P' && i < pattern.Length && pattern[i] == '{')
                            i = Math.Max(i, pattern.IndexOf('}', i) + 1);
                        else if (escaped == 'k' && i < pattern.Length && pattern[i] is '<' or '\'')
                            i = Math.Max(i, pattern.IndexOfAny(['>', '\''], i + 1) + 1);
                        else if (escaped is 'x' or 'u' or 'c')
                            i = Math.Min(pattern.Length, i + (escaped == 'x' ? 2 : escaped == 'u' ? 4 : 1));
                        else if (char.IsAsciiDigit(escaped))
                        {
                            while (i < pattern.Length && char.IsAsciiDigit(pattern[i]))
                                i++;
                        }
                    }
                    else
                    {
                        literal = escaped;
                    }

                    break;
                case '[':
                    i = SkipClass(pattern, i);
                    if (i < 0)
                        return null;
                    break;
                case '(':
                    if (pattern.AsSpan(i).StartsWith("(?") && IsOptionGroup(pattern, i, out var end, out var extended))
                    {
                        if (extended)
                            return null;
                        i = end;

                        // Inline options change no characters: the run goes on.
                        continue;
                    }

                    i = SkipGroup(pattern, i);
                    if (i < 0)
                        return null;
                    break;
                case '.' or '^' or '$':
                    i++;
                    break;
                default:
                    literal = c;
                    i++;
                    break;
            }

            var quantifier = Quantifier(pattern, i, out var min);
            i += quantifier;
            if (literal is { } ch && ch < 128 && (quantifier == 0 || min > 0))
            {
                run.Append(CharFolding.Fold(ch, fold));
                if (quantifier == 0)
                    continue;
            }

            // Anything else, or a repeated character, ends the run.
            if (run.Length > best.Length)
                best = run.ToString();
            run.Clear();
        }

        if (run.Length > best.Length)
            best = run.ToString();
        return best.Length == 0 ? null : best;
    }

    /// <summary>Length of the quantifier at <paramref name="i"/> (with a lazy <c>?</c>), 0 when there is none.</summary>
    private static int Quantifier(string pattern, int i, out int min)
    {
        min = 1;
        if (i >= pattern.Length)
            return 0;
        var length = 0;
        switch (pattern[i])
        {
            case '*' or '?':
                min = 0;
                length = 1;
                break;
            case '+':
                length = 1;
                break;
            case '{':
                var close = pattern.IndexOf('}', i);
                if (close < 0)
                    return 0;
                var body = pattern.AsSpan(i + 1, close - i - 1);
                var comma = body.IndexOf(',');
                var first = comma < 0 ? body : body[..comma];
                if (first.Length == 0 || !int.TryParse(first, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out min))
                {
                    min = 1;
                    return 0;
                }

                if (comma >= 0 && body[(comma + 1)..] is var rest && rest.Length > 0 && !int.TryParse(rest, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    min = 1;
                    return 0;
                }

                length = close - i + 1;
                break;
            default:
                return 0;
        }

        if (i + length < pattern.Length && pattern[i + length] == '?')
            length++;
        return length;
    }

    /// <summary>The index after the class starting at <paramref name="i"/>, or -1 when it does not close.</summary>
    private static int SkipClass(string pattern, int i)
    {
        i++;
        if (i < pattern.Length && pattern[i] == '^')
            i++;
        if (i < pattern.Length && pattern[i] == ']')
            i++;
        while (i < pattern.Length)
        {
            switch (pattern[i])
            {
                case '\\':
                    i += 2;
                    break;
                case '[' when i + 1 < pattern.Length && pattern[i + 1] == ':':
                    var close = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                    i = close < 0 ? i + 1 : close + 2;
                    break;
                case ']':
                    return i + 1;
                default:
                    i++;
                    break;
            }
        }

        return -1;
    }

    /// <summary>The index after the group starting at <paramref name="i"/>, or -1 when it does not close.</summary>
    private static int SkipGroup(string pattern, int i)
    {
        var depth = 0;
        while (i < pattern.Length)
        {
            switch (pattern[i])
            {
                case '\\':
                    i += 2;
                    continue;
                case '[':
                    i = SkipClass(pattern, i);
                    if (i < 0)
                        return -1;
                    continue;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    if (depth == 0)
                        return i + 1;
                    break;
            }

            i++;
        }

        return -1;
    }

    /// <summary>True for <c>(?imnsx-imnsx)</c>, a zero-width option switch; <paramref name="extended"/> when it turns on <c>x</c>.</summary>
    private static bool IsOptionGroup(string pattern, int i, out int end, out bool extended)
    {
        end = i;
        extended = false;
        var on = true;
        for (var j = i + 2; j < pattern.Length; j++)
        {
            switch (pattern[j])
            {
                case ')':
                    end = j + 1;
                    return j > i + 2;
                case '-':
                    on = false;
                    break;
                case 'x':
                    extended |= on;
                    break;
                case 'i' or 'm' or 'n' or 's':
                    break;
                default:
                    return false;
            }
        }

        return false;
    }
}
