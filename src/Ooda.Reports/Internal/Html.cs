using System.Text;

namespace Ooda.Reports.Internal;

/// <summary>HTML escaping for untrusted text, the same for element content and (double- or single-quoted) attribute values.</summary>
internal static class Html
{
    /// <summary>Visible, bounded, then every character that can end text or an attribute value escaped.</summary>
    public static string Text(string? text, int maxLength = ReportText.MaxLength) => Escape(ReportText.Visible(text, maxLength));

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '`': builder.Append("&#96;"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A CSS class token from a closed vocabulary (severities, states, TLP levels); anything else becomes <c>other</c>.</summary>
    public static string Class(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 40)
            return "other";
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
                return "other";
        }

        return value.ToLowerInvariant();
    }
}
