using System.Globalization;
using System.Text;

namespace Ooda.Reports.Internal;

/// <summary>
/// Makes untrusted text visible and bounded before any format escapes it: control characters become their Unicode control
/// pictures (ESC as ␛), invisible format characters (bidi overrides, zero-width) become <c>&lt;U+202E&gt;</c>, lone surrogates U+FFFD.
/// </summary>
internal static class ReportText
{
    public const int MaxLength = 2000;

    public static string Visible(string? text, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 16);
        var shown = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (shown >= maxLength)
            {
                builder.Append('…');
                break;
            }

            var c = text[i];
            shown++;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var scalar = char.ConvertToUtf32(c, text[i + 1]);
                i++;
                if (IsInvisible(scalar))
                    AppendCodePoint(builder, scalar);
                else
                    builder.Append(c).Append(text[i]);
                continue;
            }

            if (char.IsSurrogate(c))
                builder.Append('\uFFFD');
            else if (c < 0x20)
                builder.Append((char)(0x2400 + c));
            else if (c == 0x7F)
                builder.Append('\u2421');
            else if (IsInvisible(c))
                AppendCodePoint(builder, c);
            else
                builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>C1 controls and the format characters that reorder or hide text (Unicode general category Cf), plus separators other than space.</summary>
    private static bool IsInvisible(int scalar)
    {
        if (scalar is >= 0x80 and <= 0x9F)
            return true;
        var category = CharUnicodeInfo.GetUnicodeCategory(scalar);
        return category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse
            || (category == UnicodeCategory.SpaceSeparator && scalar != ' ');
    }

    private static void AppendCodePoint(StringBuilder builder, int scalar) =>
        builder.Append(CultureInfo.InvariantCulture, $"<U+{scalar:X4}>");

    /// <summary>ISO 8601 UTC to the second, the form every report shows.</summary>
    public static string Time(DateTime time) =>
        DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Time(DateTime? time) => time is { } t ? Time(t) : "—";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
