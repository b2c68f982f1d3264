using System.Globalization;
using System.Text;

namespace Ooda.Store;

/// <summary>
/// Writes text into hunt SQL safely: string literals with every quote doubled and control characters (which a C string
/// cannot carry, NUL above all) spliced in with <c>chr()</c>; JSON pointers that name one field whatever its characters.
/// Rule text and evidence are hostile, so nothing else ever puts text into hunt SQL.
/// </summary>
public static class SqlHuntText
{
    /// <summary>A DuckDB string literal (standard quoting: a backslash is an ordinary character).</summary>
    /// <exception cref="ArgumentException">The text holds an unpaired surrogate, which UTF-8 cannot carry.</exception>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (HasLoneSurrogate(text))
            throw new ArgumentException("text holds an unpaired surrogate, which a SQL literal cannot carry", nameof(text));
        var parts = new List<string>();
        var current = new StringBuilder("'");
        foreach (var c in text)
        {
            if (c < ' ' || c == '\u007f')
            {
                current.Append('\'');
                parts.Add(current.ToString());
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"chr({(int)c})"));
                current.Clear().Append('\'');
                continue;
            }

            current.Append(c == '\'' ? "''" : c.ToString());
        }

        current.Append('\'');
        parts.Add(current.ToString());
        var kept = parts.Where(p => p != "''").ToList();
        return kept.Count switch
        {
            0 => "''",
            1 => kept[0],
            _ => "(" + string.Join(" || ", kept) + ")",
        };
    }

    /// <summary>The RFC 6901 pointer to one top-level member, as a literal (<c>~</c> and <c>/</c> escaped, nothing else).</summary>
    public static string JsonPointer(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Literal("/" + key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
    }

    /// <summary>The text value of a field of the <c>fields</c> column under each given spelling (at most one occurs per event).</summary>
    public static string FieldValue(IReadOnlyList<string> spellings, string fieldsColumn = "fields")
    {
        ArgumentNullException.ThrowIfNull(spellings);
        if (spellings.Count == 0)
            return "NULL::VARCHAR";
        var reads = spellings.Select(s => $"json_extract_string({fieldsColumn}, {JsonPointer(s)})").ToList();
        return reads.Count == 1 ? reads[0] : $"coalesce({string.Join(", ", reads)})";
    }

    public static bool HasLoneSurrogate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return true;
        }

        return false;
    }
}
