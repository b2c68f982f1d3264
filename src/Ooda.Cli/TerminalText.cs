using System.Globalization;
using System.Text;

namespace Ooda.Cli;

/// <summary>Makes attacker-controlled text safe for a terminal: control characters (ANSI escapes, bells, CR) become visible escapes.</summary>
public static class TerminalText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        if (!text.Any(IsUnsafe))
            return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsUnsafe(c))
                sb.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) });
            else
                sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Cleans each line of a multi-line text and keeps the line breaks (plain-text renderings of evidence).</summary>
    public static string CleanLines(string text) =>
        string.Join('\n', text.Split('\n').Select(Clean));

    /// <summary>Cleans and shortens to at most <paramref name="max"/> characters, marking the cut with an ellipsis.</summary>
    public static string Clip(string? text, int max)
    {
        var clean = Clean(text);
        return clean.Length <= max ? clean : string.Concat(clean.AsSpan(0, max - 1), "…");
    }

    // C0 and C1 controls, DEL, and the bidirectional overrides that can disguise file names.
    private static bool IsUnsafe(char c) =>
        c < 0x20 || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069';
}
