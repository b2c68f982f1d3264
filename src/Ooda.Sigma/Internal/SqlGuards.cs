using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ooda.Sigma.Internal;

/// <summary>
/// The character sets the regex translation and its value guards need, taken from .NET's own regex engine (so they are
/// .NET's meaning, whatever its Unicode version), and the SQL that checks a value against a guard.
/// </summary>
internal static class SqlGuards
{
    private static readonly Lazy<(int Lo, int Hi)[]> _digit = new(() => Bmp(@"^\d$"));
    private static readonly Lazy<(int Lo, int Hi)[]> _word = new(() => Bmp(@"^\w$"));
    private static readonly Lazy<(int Lo, int Hi)[]> _space = new(() => Bmp(@"^\s$"));
    private static readonly Lazy<(int Lo, int Hi)[]> _caseFolding = new(CaseFoldingSet);
    private static readonly Lazy<(int Lo, int Hi)[]> _boundaryWord = new(() =>
        [.. Merge([.. _word.Value.Where(r => r.Hi > 0x7F).Select(r => (Math.Max(r.Lo, 0x80), r.Hi)), (0x200C, 0x200D)])]);

    /// <summary>.NET's <c>\d</c>: every UTF-16 unit it matches (surrogates never).</summary>
    public static (int Lo, int Hi)[] Digit => _digit.Value;

    public static (int Lo, int Hi)[] Word => _word.Value;

    public static (int Lo, int Hi)[] Space => _space.Value;

    /// <summary>
    /// Characters that case-insensitively match an ASCII character in .NET's regex engine or in RE2 (whose Unicode
    /// folding puts U+017F with s and U+212A with k); a value without them folds the same way in both.
    /// </summary>
    public static (int Lo, int Hi)[] CaseFolding => _caseFolding.Value;

    /// <summary>Non-ASCII characters .NET's <c>\b</c> treats as word characters.</summary>
    public static (int Lo, int Hi)[] BoundaryWord => _boundaryWord.Value;

    /// <summary>An SQL condition true when <paramref name="x"/> (present) lies inside the guard.</summary>
    public static string Sql(SqlValueGuard guard, string x)
    {
        var parts = new List<string>();
        var ascii = $"strlen({x}) = length({x})";
        if ((guard & SqlValueGuard.Ascii) != 0)
        {
            parts.Add(ascii);
        }
        else
        {
            var forbidden = new List<(int, int)>();
            if ((guard & SqlValueGuard.Bmp) != 0)
                forbidden.Add((0x10000, 0x10FFFF));
            if ((guard & SqlValueGuard.AsciiWords) != 0)
                forbidden.AddRange(BoundaryWord);
            if ((guard & SqlValueGuard.CaseFolding) != 0)
                forbidden.AddRange(CaseFolding);
            // Every forbidden character is non-ASCII, so ASCII text (the common case) skips the regex.
            if (forbidden.Count > 0)
                parts.Add($"({ascii} OR NOT regexp_matches({x}, {Store.SqlHuntText.Literal(Class(Merge(forbidden), negated: false))}))");
        }

        if ((guard & SqlValueGuard.NoFinalNewline) != 0)
            parts.Add($"NOT ends_with({x}, chr(10))");
        return parts.Count == 0 ? "true" : string.Join(" AND ", parts);
    }

    /// <summary>An RE2 character class of the ranges, every member written as <c>\x{…}</c> unless alphanumeric ASCII.</summary>
    public static string Class(IReadOnlyList<(int Lo, int Hi)> ranges, bool negated)
    {
        if (ranges.Count == 0)
            return negated ? "[\\x{0}-\\x{10FFFF}]" : "[^\\x{0}-\\x{10FFFF}]";
        var builder = new StringBuilder("[");
        if (negated)
            builder.Append('^');
        foreach (var (lo, hi) in ranges)
        {
            Char(builder, lo);
            if (hi != lo)
            {
                builder.Append('-');
                Char(builder, hi);
            }
        }

        return builder.Append(']').ToString();
    }

    public static void Char(StringBuilder builder, int c)
    {
        if (c < 0x80 && char.IsAsciiLetterOrDigit((char)c))
            builder.Append((char)c);
        else
            builder.Append(CultureInfo.InvariantCulture, $"\\x{{{c:X}}}");
    }

    /// <summary>Sorted, non-overlapping, adjacent ranges joined.</summary>
    public static List<(int Lo, int Hi)> Merge(IEnumerable<(int Lo, int Hi)> ranges)
    {
        var merged = new List<(int Lo, int Hi)>();
        foreach (var (lo, hi) in ranges.OrderBy(r => r.Lo))
        {
            if (merged.Count > 0 && lo <= merged[^1].Hi + 1)
                merged[^1] = (merged[^1].Lo, Math.Max(merged[^1].Hi, hi));
            else
                merged.Add((lo, hi));
        }

        return merged;
    }

    public static List<(int Lo, int Hi)> Complement(IEnumerable<(int Lo, int Hi)> set)
    {
        var result = new List<(int, int)>();
        var next = 0;
        foreach (var (lo, hi) in Merge(set))
        {
            if (lo > next)
                result.Add((next, lo - 1));
            next = Math.Max(next, hi + 1);
        }

        if (next <= 0x10FFFF)
            result.Add((next, 0x10FFFF));
        return result;
    }

    private static (int Lo, int Hi)[] Bmp(string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        var members = new List<(int, int)>();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (regex.IsMatch(((char)c).ToString()))
                members.Add((c, c));
        }

        return [.. Merge(members)];
    }

    private static (int Lo, int Hi)[] CaseFoldingSet()
    {
        var members = new List<(int, int)> { (0x017F, 0x017F), (0x212A, 0x212A) };
        for (var a = 'A'; a <= 'Z'; a++)
        {
            var regex = new Regex("^" + a + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            for (var c = 0x80; c <= 0xFFFF; c++)
            {
                if (regex.IsMatch(((char)c).ToString()))
                    members.Add((c, c));
            }
        }

        return [.. Merge(members)];
    }
}
