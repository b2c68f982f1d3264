using System.Text;

namespace Ooda.Investigation.Timeline.Internal;

/// <summary>Makes evidence text one safe line: control and layout characters become spaces, runs of space one space, long text an ellipsis.</summary>
internal static class SummaryText
{
    public const char Ellipsis = '…';

    public static string OneLine(string? text, int max)
    {
        if (string.IsNullOrEmpty(text) || max <= 0)
            return string.Empty;
        var sb = new StringBuilder(Math.Min(text.Length, max + 1));
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsBreaking(c) || char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            // Stop once the line is certainly too long: a huge script block costs no more than its first screen.
            if (sb.Length > max)
                break;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                sb.Append(c).Append(text[++i]);
            else if (char.IsSurrogate(c))
                sb.Append('\ufffd');
            else
                sb.Append(c);
        }

        if (sb.Length <= max)
            return sb.ToString();
        var cut = max - 1;
        // Never leave half of a surrogate pair before the ellipsis.
        if (cut > 0 && char.IsHighSurrogate(sb[cut - 1]))
            cut--;
        return string.Concat(sb.ToString(0, cut).AsSpan().TrimEnd(), Ellipsis.ToString());
    }

    /// <summary>C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional controls that can disguise text.</summary>
    public static bool IsBreaking(char c) =>
        c < 0x20 || c is >= '\u007f' and <= '\u009f' || c is '\u2028' or '\u2029' || c is >= '\u202a' and <= '\u202e'
        || c is >= '\u2066' and <= '\u2069' || c is '\u200e' or '\u200f' or '\u061c' or '\ufeff';
}
