using System.Text;

namespace Ooda.Reports.Internal;

/// <summary>
/// Markdown escaping for untrusted text: HTML is entity-escaped, every CommonMark punctuation that can start emphasis, code, a
/// link, an image, raw HTML or a table cell is backslash-escaped, and GFM autolinks (<c>http://</c>, <c>www.</c>, <c>mailto:</c>, e-mail addresses) are broken, so
/// evidence renders as the literal text it is.
/// </summary>
internal static class Markdown
{
    private const string AlwaysEscaped = "\\`*_{}[]()#+!|~^@";

    public static string Text(string? text, int maxLength = ReportText.MaxLength) => Escape(ReportText.Visible(text, maxLength));

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); continue;
                case '<': builder.Append("&lt;"); continue;
                case '>': builder.Append("&gt;"); continue;
            }

            if (AlwaysEscaped.Contains(c, StringComparison.Ordinal)
                || (c is '-' or '=' or '.' && (i == 0 || OnlyDigitsBefore(text, i)))
                || (c == '.' && i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase))
                || (c == ':' && ((i + 1 < text.Length && text[i + 1] == '/') || EndsWithScheme(text, i))))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>GFM autolinks <c>mailto:</c> and <c>xmpp:</c> without slashes.</summary>
    private static bool EndsWithScheme(string text, int colon) =>
        text.AsSpan(0, colon).EndsWith("mailto", StringComparison.OrdinalIgnoreCase) || text.AsSpan(0, colon).EndsWith("xmpp", StringComparison.OrdinalIgnoreCase);

    /// <summary>An ordered-list marker (<c>1.</c>) only counts at the start of a line.</summary>
    private static bool OnlyDigitsBefore(string text, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
                return false;
        }

        return true;
    }
}
