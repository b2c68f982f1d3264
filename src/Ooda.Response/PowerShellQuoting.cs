using System.Globalization;
using System.Text;

namespace Ooda.Response;

/// <summary>
/// Turns any string into a PowerShell expression whose value is exactly that string and which contains no code from it:
/// a single-quoted literal with every single quote doubled. Only printable ASCII is written inside a literal; every other
/// character (controls, and everything above U+007E) is joined in as <c>[char]0x…</c>, a form whose digits we write. The
/// script is then pure ASCII, so it reads the same whatever code page Windows PowerShell 5.1 decodes it with: UTF-8 bytes
/// read as cp1252 can turn into U+2018 and the like, which PowerShell takes as quotes.
/// </summary>
public static class PowerShellQuoting
{
    /// <summary>The characters PowerShell's tokenizer takes as a single quote.</summary>
    public static bool IsSingleQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B';

    /// <summary>Characters kept out of literals: everything but printable ASCII (U+0020–U+007E).</summary>
    public static bool NeedsEscape(string value, int index)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value[index] is < ' ' or > '~';
    }

    /// <summary>Bidirectional overrides and marks: harmless to PowerShell, but they can make a reviewer read a different script (Trojan Source).</summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    /// <summary><c>'it''s'</c>, or <c>([string]'line one' + [char]0x000A + 'line two')</c> when anything but printable ASCII is present.</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = new List<string>();
        var current = new StringBuilder();
        var escaped = false;
        for (var i = 0; i < value.Length; i++)
        {
            if (NeedsEscape(value, i))
            {
                if (current.Length > 0)
                    parts.Add(Quote(current.ToString()));
                current.Clear();
                parts.Add("[char]0x" + ((int)value[i]).ToString("X4", CultureInfo.InvariantCulture));
                escaped = true;
            }
            else
            {
                current.Append(value[i]);
            }
        }

        if (!escaped)
            return Quote(value);
        if (current.Length > 0)
            parts.Add(Quote(current.ToString()));
        // Casting the first part keeps '+' a string concatenation even when the value starts with a control character.
        return "([string]" + string.Join(" + ", parts) + ")";
    }

    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            if (IsSingleQuote(c))
                builder.Append(c);
            builder.Append(c);
        }

        return builder.Append('\'').ToString();
    }
}
