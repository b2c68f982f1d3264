using System.Text;

namespace Ooda.Detection.Iocs.Internal;

/// <summary>Undoes the defanging threat reports apply so indicators cannot be clicked: <c>hxxp</c>, <c>[.]</c>, <c>[:]</c>.</summary>
internal static class Refang
{
    private static readonly (string From, string To)[] _replacements =
    [
        ("[.]", "."), ("(.)", "."), ("{.}", "."), ("[dot]", "."), ("(dot)", "."), ("[:]", ":"), ("[://]", "://"), ("[/]", "/"),
    ];

    private static readonly (string From, string To)[] _schemes =
    [
        ("hxxps://", "https://"), ("hxxp://", "http://"), ("hxtps://", "https://"), ("hxtp://", "http://"), ("fxp://", "ftp://"), ("hxxps[:]//", "https://"), ("hxxp[:]//", "http://"),
    ];

    public static string Text(string value)
    {
        if (value.IndexOfAny(['[', '(', '{']) < 0 && !value.StartsWith('h') && !value.StartsWith('H') && !value.StartsWith('f') && !value.StartsWith('F'))
            return value;
        foreach (var (from, to) in _schemes)
        {
            if (value.StartsWith(from, StringComparison.OrdinalIgnoreCase))
            {
                value = to + value[from.Length..];
                break;
            }
        }

        if (value.IndexOfAny(['[', '(', '{']) < 0)
            return value;
        var text = new StringBuilder(value);
        foreach (var (from, to) in _replacements)
            text.Replace(from, to);
        return text.ToString();
    }
}
