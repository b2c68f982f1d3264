namespace Ooda.Knowledge.Attack.Internal;

/// <summary>Shapes of ATT&amp;CK ids, checked by hand because they are fixed-width ASCII.</summary>
internal static class AttackIds
{
    /// <summary>Length of <c>T1059</c>; a sub-technique adds <c>.001</c>.</summary>
    public const int TechniqueLength = 5;

    /// <summary><c>T1234</c> or <c>T1234.567</c>, upper case.</summary>
    public static bool IsTechniqueId(ReadOnlySpan<char> s) =>
        (s.Length == TechniqueLength || (s.Length == TechniqueLength + 4 && s[TechniqueLength] == '.' && Digits(s[(TechniqueLength + 1)..])))
        && s[0] == 'T' && Digits(s[1..TechniqueLength]);

    /// <summary><c>TA0002</c>, upper case.</summary>
    public static bool IsTacticId(ReadOnlySpan<char> s) => s.Length == 6 && s.StartsWith("TA", StringComparison.Ordinal) && Digits(s[2..]);

    public static bool Digits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
            return false;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        return true;
    }
}
