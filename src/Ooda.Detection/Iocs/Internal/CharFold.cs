using System.Runtime.CompilerServices;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>How text is folded before substring search: always case-folded, plus a field-specific character mapping.</summary>
internal enum CharFold
{
    None,
    /// <summary>IIS writes spaces as <c>+</c>.</summary>
    PlusToSpace,
    /// <summary>Paths: <c>/</c> and <c>\</c> are the same separator.</summary>
    SlashToBackslash,
}

/// <summary>The one case fold every needle and every haystack goes through, so they always agree.</summary>
internal static class CharFolding
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c, CharFold fold)
    {
        if (c < 128)
        {
            if ((uint)(c - 'A') <= 'Z' - 'A')
                return (char)(c | 0x20);
            if (c == '+' && fold == CharFold.PlusToSpace)
                return ' ';
            if (c == '/' && fold == CharFold.SlashToBackslash)
                return '\\';
            return c;
        }

        return FoldNonAscii(c);
    }

    // Upper then lower maps case variants such as the Kelvin sign and long s onto the letter a case-insensitive regex equates them with.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static char FoldNonAscii(char c) => char.ToLowerInvariant(char.ToUpperInvariant(c));

    public static string Fold(ReadOnlySpan<char> text, CharFold fold)
    {
        var folded = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
            folded[i] = Fold(text[i], fold);
        return new string(folded);
    }
}
