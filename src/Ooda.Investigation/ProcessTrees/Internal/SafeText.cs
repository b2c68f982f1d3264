using System.Globalization;
using System.Text;

namespace Ooda.Investigation.ProcessTrees.Internal;

/// <summary>
/// Evidence text made safe to show: control characters (ANSI escapes, CR, NUL — which XML cannot even carry), bidirectional
/// overrides that disguise file names and lone surrogates become visible escapes.
/// </summary>
internal static class SafeText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var first = FirstUnsafe(text);
        if (first < 0)
            return text;
        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }

            if (IsUnsafe(c) || char.IsSurrogate(c))
                sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) });
            else
                sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Cleans and shortens to at most <paramref name="max"/> characters, marking a cut with an ellipsis.</summary>
    public static string Clip(string? text, int max)
    {
        var clean = Clean(text);
        if (clean.Length <= max)
            return clean;
        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(clean[cut - 1]))
            cut--;
        return string.Concat(clean.AsSpan(0, cut), "…");
    }

    /// <summary>Only lone surrogates replaced (with U+FFFD): what a JSON writer needs, evidence otherwise untouched.</summary>
    public static string? WellFormed(string? text)
    {
        if (text is null)
            return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
                return Replace(text);
        }

        return text;
    }

    private static string Replace(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                i++;
            else if (char.IsSurrogate(chars[i]))
                chars[i] = '\uFFFD';
        }

        return new string(chars);
    }

    private static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]) || char.IsSurrogate(text[i]))
                return i;
        }

        return -1;
    }

    // C0 and C1 controls, DEL, the bidirectional overrides and isolates, and the two non-characters XML forbids.
    private static bool IsUnsafe(char c) =>
        c < 0x20 || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069' || c is '\uFFFE' or '\uFFFF';
}
