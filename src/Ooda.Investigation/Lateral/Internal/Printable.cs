using System.Globalization;
using System.Text;

namespace Ooda.Investigation.Lateral.Internal;

/// <summary>Makes evidence text safe to print in any medium: control characters, bidirectional overrides and lone surrogates become visible escapes.</summary>
internal static class Printable
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        if (!NeedsCleaning(text))
            return text;
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (IsUnsafe(c) || char.IsSurrogate(c))
            {
                sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) });
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The text with lone surrogates replaced by U+FFFD, so JSON and XML writers accept it; everything else is kept.</summary>
    public static string WellFormed(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        if (!text.Any(char.IsSurrogate))
            return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                i++;
            else if (char.IsSurrogate(chars[i]))
                chars[i] = '\ufffd';
        }

        return new string(chars);
    }

    /// <summary>Cleans and shortens to at most <paramref name="max"/> characters, marking the cut with an ellipsis.</summary>
    public static string Clip(string? text, int max)
    {
        var clean = Clean(text);
        if (clean.Length <= max)
            return clean;
        var cut = max - 1;
        if (char.IsHighSurrogate(clean[cut - 1]))
            cut--;
        return string.Concat(clean.AsSpan(0, cut), "…");
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c) || char.IsSurrogate(c))
                return true;
        }

        return false;
    }

    // C0 and C1 controls, DEL, the bidirectional overrides and isolates that can disguise names, and the non-characters XML forbids.
    private static bool IsUnsafe(char c) =>
        c < 0x20 || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069' || c is '\ufffe' or '\uffff';
}
