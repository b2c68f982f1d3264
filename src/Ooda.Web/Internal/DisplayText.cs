using System.Globalization;
using System.Text;

namespace Ooda.Web.Internal;

/// <summary>Evidence text made inert for display: control characters (ANSI escapes), bidi overrides and invisible marks become visible <c>&lt;U+XXXX&gt;</c>.</summary>
internal static class DisplayText
{
    public static string Clean(string? text, int max = 4000)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        StringBuilder? b = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Suspicious(c))
            {
                b ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
                if (c is '\n' or '\r' or '\t')
                    b.Append(' ');
                else
                    b.Append(CultureInfo.InvariantCulture, $"<U+{(int)c:X4}>");
            }
            else
            {
                b?.Append(c);
            }
        }

        var clean = b?.ToString() ?? text;
        return clean.Length <= max ? clean : string.Concat(clean.AsSpan(0, max), "…");
    }

    private static bool Suspicious(char c) =>
        char.IsControl(c)
        || c is '\u061C' or '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
